"""The default rule set: terms and source domains shipped in ``data/*.json``.

Migrations seed these into the admin-edited tables (``moderation.models.HealthTerm`` and
``SourceDomain``); the running forum reads the tables (``moderation.rules``), and the policy
tests read these defaults.  ``data/terms.json`` holds each term as ``[phrase, kind, language,
weight]``; ``data/sources.json`` each domain with its kind and a one-line reason (and the DOI
prefixes of preprint servers).

Phrases follow the :class:`~moderation.policy.model.Term` syntax: case and
diacritics do not matter, ``*`` at the end means "and any continuation"
(Dutch compounds and inflections), ``*`` at the start means "any word ending
in this" (``*kanker`` = longkanker, borstkanker), a hyphen also matches a
space or nothing (``burn-out`` = burnout = burn out).

Weights: 1.0 is a clear signal or topic; lower weights are for words that are
often used outside health ("werkt", "therapie", "klachten") so that they only
count together with something stronger.  See docs/POLICY.md.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .model import SourceDomain, SourceKind, Term
from .rules import Rules

__all__ = ["DEFAULT_TERMS", "DEFAULT_DOMAINS", "DEFAULT_DOMAIN_ROWS", "DEFAULT_THRESHOLD", "default_rules",
           "load_data"]

DEFAULT_THRESHOLD = 2.0


def load_data(name: str) -> dict:
    """One of the shipped data files (``moderation/policy/data/<name>.json``)."""
    return json.loads(resources.files(__package__).joinpath("data", f"{name}.json").read_text("utf-8"))


DEFAULT_TERMS: tuple[Term, ...] = tuple(
    Term(phrase, kind, language, weight) for phrase, kind, language, weight in load_data("terms")["terms"]
)
#: the rows of ``data/sources.json``: domain, kind, reason and (for preprints) category
DEFAULT_DOMAIN_ROWS: tuple[dict, ...] = tuple(load_data("sources")["domains"])
DEFAULT_DOMAINS: tuple[SourceDomain, ...] = tuple(
    SourceDomain(row["domain"], SourceKind(row["kind"])) for row in DEFAULT_DOMAIN_ROWS
)


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The default :class:`Rules` (built once and shared: it is immutable)."""
    return Rules(terms=DEFAULT_TERMS, domains=DEFAULT_DOMAINS, threshold=DEFAULT_THRESHOLD, learned=True)
