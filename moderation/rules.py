"""Builds the policy's Rules from the admin-edited tables, cached until an admin changes something.

The compiled Rules object lives in process memory, but whether it is current is decided by a
version number in the database (moderation.models.RulesVersion, one indexed row read per
assessment), bumped in the transaction that changes a rule: every worker sees an admin's change
at once, and no cache flush or Redis outage can leave one on the old rules.
"""

import time

from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest

from moderation.models import HealthTerm, RulesVersion, SourceDomain
from moderation.policy import Rules, SourceKind, Term, TermKind
from moderation.policy import SourceDomain as PolicyDomain

_compiled = {"version": None, "rules": None}


def rules_version():
    return RulesVersion.objects.filter(pk=1).values_list("version", flat=True).first() or 1


def rules_changed():
    """Call inside the transaction that changes a term or domain: the new version commits with it.

    A version is never handed out twice, even after a rollback or a restored backup (a worker may
    hold rules compiled for a number that a rolled-back change had taken): it is the time in
    microseconds, and always above the last one.
    """
    new = Greatest(F("version") + 1, Value(time.time_ns() // 1000))
    if RulesVersion.objects.filter(pk=1).update(version=new):
        return
    try:
        with transaction.atomic():
            RulesVersion.objects.create(pk=1, version=time.time_ns() // 1000)
    except IntegrityError:  # another transaction made the row first
        RulesVersion.objects.filter(pk=1).update(version=new)


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
    return Rules(terms=terms, domains=domains, learned=True)
