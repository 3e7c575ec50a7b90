"""Health-claim moderation policy (pure Python, standard library only).

Decides whether a forum answer makes a health claim and, if it does, whether
it links a qualifying (scholarly or official) source; answers that claim
without such a source are held for a moderator.  See docs/POLICY.md.

The forum judges what readers see: ``moderation.screening.screen_post`` renders
and sanitises a post, reads its visible document (``visible.visible_document``:
normalised visible text, quotes marked, followable links) and assesses that.

Public API::

    from moderation.policy import assess, default_rules, visible_document
    result = assess(visible_document(sanitised_html), default_rules())
    result.needs_review, result.claim_types, result.refused_sources, result.to_dict()

``assess`` also accepts a plain string (read as Markdown source, the older entry).
"""

from .defaults import DEFAULT_DOMAINS, DEFAULT_TERMS, default_rules
from .engine import assess, classify_source
from .model import (
    Assessment,
    ClaimType,
    FlaggedSentence,
    Match,
    Source,
    SourceDomain,
    SourceKind,
    Term,
    TermKind,
)
from .normalise import normalise
from .rules import Rules
from .sources import judge_link
from .visible import VisibleDocument, VisibleLink, visible_document

__all__ = [
    "Assessment",
    "ClaimType",
    "DEFAULT_DOMAINS",
    "DEFAULT_TERMS",
    "FlaggedSentence",
    "Match",
    "Rules",
    "Source",
    "SourceDomain",
    "SourceKind",
    "Term",
    "TermKind",
    "VisibleDocument",
    "VisibleLink",
    "assess",
    "classify_source",
    "default_rules",
    "judge_link",
    "normalise",
    "visible_document",
]
