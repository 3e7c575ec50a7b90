"""Value types of the health-claim policy: enums and frozen dataclasses.

Standard library only; no Django.  Everything here is immutable and
JSON-friendly (see :meth:`Assessment.to_dict` / :meth:`Assessment.from_dict`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .hosts import normalize_domain

__all__ = [
    "SourceKind",
    "ClaimType",
    "TermKind",
    "Term",
    "SourceDomain",
    "Match",
    "Source",
    "Assessment",
    "FlaggedSentence",
    "LANGUAGES",
    "MAX_PHRASE_LENGTH",
    "REFUSAL_REASONS",
]

#: Languages a :class:`Term` may be tagged with ("" means both).
LANGUAGES = ("nl", "en")
#: Longest phrase a :class:`Term` may have.
MAX_PHRASE_LENGTH = 200


class SourceKind(str, Enum):
    """How a linked source is judged."""

    SCHOLARLY = "scholarly"  #: peer-reviewed literature, DOIs, PubMed ...
    OFFICIAL = "official"  #: health authorities and guideline bodies
    OTHER = "other"  #: any other http(s) link: does not qualify
    BLOCKED = "blocked"  #: shorteners, shops, known spam: never qualifies

    def __str__(self) -> str:
        return self.value

    @property
    def qualifies(self) -> bool:
        """True for the kinds that lift the review requirement."""
        return self in (SourceKind.SCHOLARLY, SourceKind.OFFICIAL)


class ClaimType(str, Enum):
    """What sort of health claim a match supports."""

    TREATMENT = "treatment"
    DOSE = "dose"
    RISK = "risk"
    STATISTIC = "statistic"
    EXPERIENCE = "experience"

    def __str__(self) -> str:
        return self.value


class TermKind(str, Enum):
    """Category of a :class:`Term` (and of a built-in pattern).

    Topic kinds give a sentence its *health context*; signal kinds say that
    something is claimed about it; modifier kinds change how a sentence is read.
    See docs/POLICY.md for the full scoring rules.
    """

    # --- topic (health context) ---
    SUBSTANCE = "substance"  #: treatments, substances, medication, supplements
    CONDITION = "condition"  #: burn-out, depressie, angst, kanker ...
    OUTCOME = "outcome"  #: health outcomes and study words: remissie, patiënten ...
    # --- signals (each maps to a ClaimType) ---
    EFFECT = "effect"  #: helpt bij, geneest, vermindert, cures ... -> treatment
    EVIDENCE = "evidence"  #: bewezen, studies tonen aan, proven ... -> treatment
    ADVICE = "advice"  #: aanrader, raad ik aan, you should try ... -> treatment
    RISK = "risk"  #: bijwerkingen, gevaarlijk, veilig, interacties ... -> risk
    DOSE = "dose"  #: microdoseren, dosering (+ built-in "25 mg" patterns) -> dose
    STATISTIC = "statistic"  #: odds ratio (+ built-in "73%", "n=78" patterns) -> statistic
    # --- modifiers ---
    EXPERIENCE = "experience"  #: bij mij hielp, ik merkte, in my experience
    SUPPORT = "support"  #: succes met, hopelijk, fingers crossed: a wish, not a claim
    GENERAL = "general"  #: iedereen, de meeste mensen: testimony becomes general
    QUESTION = "question"  #: weet iemand, ik vraag me af: the sentence is a question
    IGNORE = "ignore"  #: "hoop dat dit helpt": suppresses every match it overlaps

    def __str__(self) -> str:
        return self.value


def _coerce_enum(enum_cls: type[Enum], value: Any, field: str) -> Any:
    if isinstance(value, enum_cls):
        return value
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_cls)  # type: ignore[attr-defined]
        raise ValueError(f"{field} must be one of: {allowed}; got {value!r}") from None


@dataclass(frozen=True)
class Term:
    """A phrase an administrator maintains.

    ``phrase`` is plain text.  A trailing ``*`` means "this word and any
    continuation" (``depressi*`` matches depressie, depressief, depression);
    a leading ``*`` means "any word ending in this" (``*kanker`` matches
    longkanker).  Case and diacritics are ignored; a hyphen in the phrase
    matches a hyphen, a space or nothing (``burn-out`` matches burnout and
    burn out); a space matches one or more spaces or a hyphen.

    ``kind`` may be given as a :class:`TermKind` or its string value,
    ``language`` is "nl", "en" or "" (both), ``weight`` a finite number >= 0.
    """

    phrase: str
    kind: TermKind
    language: str = ""
    weight: float = 1.0

    def __post_init__(self) -> None:
        if not isinstance(self.phrase, str) or not self.phrase.strip(" \t\r\n*"):
            raise ValueError(f"Term phrase must be a non-empty string; got {self.phrase!r}")
        if len(self.phrase) > MAX_PHRASE_LENGTH:
            raise ValueError(f"Term phrase is longer than {MAX_PHRASE_LENGTH} characters")
        object.__setattr__(self, "kind", _coerce_enum(TermKind, self.kind, "Term.kind"))
        language = (self.language or "").strip().lower() if isinstance(self.language, str) else None
        if language not in ("", *LANGUAGES):
            raise ValueError(f"Term.language must be 'nl', 'en' or ''; got {self.language!r}")
        object.__setattr__(self, "language", language)
        try:
            weight = float(self.weight)
        except (TypeError, ValueError):
            raise ValueError(f"Term.weight must be a number; got {self.weight!r}") from None
        if not math.isfinite(weight) or weight < 0:
            raise ValueError(f"Term.weight must be finite and >= 0; got {self.weight!r}")
        object.__setattr__(self, "weight", weight)

    @property
    def rule(self) -> str:
        """The rule name shown to moderators, e.g. ``"condition: depressi*"``."""
        return f"{self.kind.value}: {self.phrase.strip()}"


@dataclass(frozen=True)
class SourceDomain:
    """A domain and how links to it (or to any true subdomain) are judged.

    ``domain`` is normalised on construction: lower case, no scheme, path,
    port, userinfo, trailing dot or leading ``www.``/``*.``; so
    ``SourceDomain("https://www.WHO.int/", "official").domain == "who.int"``.
    """

    domain: str
    kind: SourceKind

    def __post_init__(self) -> None:
        domain = normalize_domain(self.domain) if isinstance(self.domain, str) else None
        if not domain:
            raise ValueError(f"SourceDomain.domain is not a valid domain: {self.domain!r}")
        object.__setattr__(self, "domain", domain)
        object.__setattr__(self, "kind", _coerce_enum(SourceKind, self.kind, "SourceDomain.kind"))


@dataclass(frozen=True)
class Match:
    """One phrase or pattern that contributed to the assessment.

    ``start``/``end`` are offsets into the original markdown text, so
    ``text[start:end] == match.text``.
    """

    rule: str
    kind: TermKind
    claim_type: ClaimType | None
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "kind": _value(self.kind),
            "claim_type": _value(self.claim_type),
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Match:
        kind = d.get("kind")
        try:
            kind = TermKind(kind)
        except ValueError:
            pass  # a kind from a newer/older rule set: keep the raw string
        claim_type = d.get("claim_type")
        if claim_type is not None:
            try:
                claim_type = ClaimType(claim_type)
            except ValueError:
                pass
        return cls(
            rule=str(d.get("rule", "")),
            kind=kind,  # type: ignore[arg-type]
            claim_type=claim_type,  # type: ignore[arg-type]
            start=int(d.get("start", 0)),
            end=int(d.get("end", 0)),
            text=str(d.get("text", "")),
        )


@dataclass(frozen=True)
class Source:
    """A link a reader can follow (or, for plain-text input, a DOI/PMID written as text).

    ``start``/``end`` are offsets of the link's text (plain-text input: of the URL or the
    ``doi:...`` / ``PMID ...`` text) in the assessed text.  ``reason`` says why a link does
    not count (one of :data:`REFUSAL_REASONS`, empty when it qualifies or was not judged);
    ``text`` is what the link says on screen.
    """

    url: str
    kind: SourceKind
    start: int
    end: int
    reason: str = ""
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = {"url": self.url, "kind": self.kind.value, "start": self.start, "end": self.end}
        if self.reason:
            data["reason"] = self.reason
        if self.text:
            data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        try:
            kind = SourceKind(d.get("kind"))
        except ValueError:
            kind = SourceKind.OTHER
        return cls(
            url=str(d.get("url", "")),
            kind=kind,
            start=int(d.get("start", 0)),
            end=int(d.get("end", 0)),
            reason=str(d.get("reason") or ""),
            text=str(d.get("text") or ""),
        )


#: Why a link did not count as a source (shown to the author, translated, in the hold notice).
REFUSAL_REASONS = (
    "lookalike",  # a domain that imitates a listed one (rivm-info.nl, thuisarts.nl.example.com)
    "home_page",  # a listed site's home page, not a document
    "search_page",  # a search or results page
    "not_document",  # contact, login, about ... pages of a listed site
    "not_listed",  # not a health authority or journal
    "preprint",  # a preprint server or repository, not peer reviewed
    "blocked",  # shorteners, shops, known misinformation
    "scheme",  # not a web page (mailto:, a relative link)
)


@dataclass(frozen=True)
class FlaggedSentence:
    """A sentence of the author's own text that the learned detector judged a claim.

    ``score`` is the model's probability; ``start``/``end`` are its offsets in
    the assessed text when the sentence appears there verbatim, else -1.
    """

    text: str
    score: float
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "score": self.score, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FlaggedSentence:
        return cls(text=str(d.get("text", "")), score=float(d.get("score", 0.0)),
                   start=int(d.get("start", -1)), end=int(d.get("end", -1)))


def _value(x: Any) -> Any:
    return x.value if isinstance(x, Enum) else x


@dataclass(frozen=True)
class Assessment:
    """The verdict on one answer."""

    health_claim: bool
    needs_review: bool
    matched: tuple[Match, ...]
    sources: tuple[Source, ...]
    language: str
    #: the text the offsets of ``matched`` refer to (the visible text); "" for old assessments
    text: str = ""
    #: sentences the learned detector flagged (empty in assessments stored before it)
    flagged: tuple[FlaggedSentence, ...] = ()

    @property
    def claim_types(self) -> tuple[ClaimType, ...]:
        """Distinct claim types of the matches, sorted by value.

        Matches of sentences that are not claims are only listed for personal
        testimony (claim type ``experience``), so an answer that only tells
        an experience has ``health_claim=False`` and ``claim_types == (EXPERIENCE,)``.
        """
        return tuple(sorted({m.claim_type for m in self.matched if m.claim_type is not None},
                            key=_value))

    @property
    def qualifying_sources(self) -> tuple[Source, ...]:
        """The scholarly and official sources."""
        return tuple(s for s in self.sources
                     if s.kind in (SourceKind.SCHOLARLY, SourceKind.OFFICIAL))

    @property
    def refused_sources(self) -> tuple[Source, ...]:
        """The links that did not count, each with its ``reason``."""
        return tuple(s for s in self.sources if s.kind not in (SourceKind.SCHOLARLY, SourceKind.OFFICIAL))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict (for a JSONField).

        ``sources`` items carry ``url`` and ``kind`` plus ``start``/``end`` so
        that :meth:`from_dict` restores an equal object.
        """
        return {
            "health_claim": self.health_claim,
            "needs_review": self.needs_review,
            "language": self.language,
            "claim_types": [c.value if isinstance(c, Enum) else c for c in self.claim_types],
            "matched": [m.to_dict() for m in self.matched],
            "sources": [s.to_dict() for s in self.sources],
            **({"text": self.text} if self.text else {}),
            **({"flagged": [f.to_dict() for f in self.flagged]} if self.flagged else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Assessment:
        """Restore an assessment stored with :meth:`to_dict` (``claim_types`` is derived)."""
        return cls(
            health_claim=bool(d.get("health_claim", False)),
            needs_review=bool(d.get("needs_review", False)),
            matched=tuple(Match.from_dict(m) for m in d.get("matched") or ()),
            sources=tuple(Source.from_dict(s) for s in d.get("sources") or ()),
            language=str(d.get("language", "")),
            text=str(d.get("text") or ""),
            flagged=tuple(FlaggedSentence.from_dict(f) for f in d.get("flagged") or ()),
        )
