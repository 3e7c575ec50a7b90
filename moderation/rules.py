"""Builds the policy's Rules from the admin-edited tables, cached until an admin changes something.

The compiled Rules object lives in process memory, but whether it is current is decided
by a version number in the shared cache, so every worker sees an admin's change at once.
"""

from django.core.cache import cache

from moderation.models import HealthTerm, SourceDomain
from moderation.policy import Rules, SourceKind, Term, TermKind
from moderation.policy import SourceDomain as PolicyDomain

VERSION_KEY = "moderation-rules-version"
_compiled = {"version": None, "rules": None}


def rules_version():
    return cache.get_or_set(VERSION_KEY, 1, None)


def rules_changed():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def load_rules():
    version = rules_version()
    if _compiled["version"] != version or _compiled["rules"] is None:
        _compiled["rules"] = build_rules()
        _compiled["version"] = version
    return _compiled["rules"]


def build_rules():
    terms = [
        Term(phrase=t.phrase, kind=TermKind(t.kind), language=t.language, weight=t.weight)
        for t in HealthTerm.objects.filter(is_active=True)
    ]
    domains = [PolicyDomain(domain=d.domain, kind=SourceKind(d.kind)) for d in SourceDomain.objects.all()]
    return Rules(terms=terms, domains=domains)
