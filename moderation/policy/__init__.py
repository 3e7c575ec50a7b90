"""Health-claim moderation policy (pure Python, standard library only).

Decides whether a forum answer makes a health claim and, if it does, whether
it links a qualifying (scholarly or official) source; answers that claim
without such a source are held for a moderator.  See docs/POLICY.md.

Public API::

    from moderation.policy import assess, default_rules
    result = assess(answer_markdown, default_rules())
    result.needs_review, result.claim_types, result.to_dict()
"""

from .defaults import DEFAULT_DOMAINS, DEFAULT_TERMS, default_rules
from .engine import assess, classify_source
from .model import (
    Assessment,
    ClaimType,
    Match,
    Source,
    SourceDomain,
    SourceKind,
    Term,
    TermKind,
)
from .rules import Rules

__all__ = [
    "Assessment",
    "ClaimType",
    "DEFAULT_DOMAINS",
    "DEFAULT_TERMS",
    "Match",
    "Rules",
    "Source",
    "SourceDomain",
    "SourceKind",
    "Term",
    "TermKind",
    "assess",
    "classify_source",
    "default_rules",
]
