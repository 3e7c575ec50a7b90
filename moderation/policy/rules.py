"""The compiled, immutable rule set.

:class:`Rules` turns the administrator's terms into two trie-shaped regular
expressions over folded text (one for ordinary terms, one for terms with a
leading ``*``), plus one regex of built-in dose/statistic patterns, and the
source domains into a lookup table.  ``assess`` then needs a handful of
``finditer`` calls per answer and no per-term loop.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from types import MappingProxyType
from typing import NamedTuple

from .model import SourceDomain, SourceKind, Term, TermKind
from .sources import brand_tokens
from .text import fold

__all__ = ["Rules", "BUILTIN_RULES"]

_SP = "\x00space"  # a space in the phrase: one or more spaces/tabs, or a hyphen
_HY = "\x00hyphen"  # a hyphen between two characters: hyphen, spaces or nothing
_ATOM_RE = {_SP: r"(?:[ \t]+|-)", _HY: r"(?:-|[ \t]+)?"}
_WORD_RE = re.compile(r"\w")


class TermInfo(NamedTuple):
    kind: TermKind
    weight: float
    rule: str
    self_context: bool = False


def _atoms(phrase: str) -> tuple[bool, bool, tuple[str, ...]]:
    p = phrase.strip()
    lead = p.startswith("*")
    trail = p.endswith("*")
    core = fold(p.strip("*").strip())
    atoms: list[str] = []
    n = len(core)
    for i, ch in enumerate(core):
        if ch.isspace():
            if atoms and atoms[-1] != _SP:
                if atoms[-1] == _HY:
                    atoms[-1] = _SP
                else:
                    atoms.append(_SP)
        elif ch == "-" and 0 < i < n - 1 and not core[i - 1].isspace() \
                and not core[i + 1].isspace():
            atoms.append(_HY)
        elif ch == "-" and atoms and atoms[-1] == _SP:
            continue  # "hart - en" : the space already allows a hyphen
        else:
            atoms.append(ch)
    while atoms and atoms[-1] in (_SP, _HY):
        atoms.pop()
    return lead, trail, tuple(atoms)


class _Node:
    __slots__ = ("children", "plain", "star")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.plain = False
        self.star = False


def _compile_trie(entries: Iterable[tuple[tuple[str, ...], bool]]) -> str:
    """Build one alternation (a trie of phrases) from ``(atoms, star)`` entries.

    Longer continuations are tried before a phrase ends, so the longest
    phrase wins at any position.  The pattern has no capturing groups (they
    make every match object expensive); the phrase is identified afterwards
    by :meth:`TermTable.identify`.
    """
    root = _Node()
    for atoms, star in entries:
        node = root
        for a in atoms:
            node = node.children.setdefault(a, _Node())
        if star:
            node.star = True
        else:
            node.plain = True

    def atom_re(a: str) -> str:
        return _ATOM_RE.get(a) or re.escape(a)

    def gen(node: _Node, last: str) -> str:
        alts = [atom_re(a) + gen(node.children[a], a) for a in sorted(node.children)]
        if node.plain:
            alts.append(r"(?!\w)" if _WORD_RE.match(last) else "")
        if node.star:
            alts.append(r"\w*")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return gen(root, "") if root.children else ""


_CACHE_SIZE = 50_000
_KEY_DROP = {ord(" "): None, ord("\t"): None, ord("-"): None}


def _key(s: str) -> str:
    """Lookup key of a phrase or of matched (folded) text: no spaces or hyphens."""
    return s.translate(_KEY_DROP)


class TermTable(NamedTuple):
    """Compiled terms: the trie regex plus lookups to name the matched term."""

    regex: re.Pattern
    plain: dict[str, tuple[TermInfo, ...]]
    star: dict[str, tuple[TermInfo, ...]]
    max_star: int
    cache: dict[str, tuple[TermInfo, ...]]

    def identify(self, matched: str) -> tuple[TermInfo, ...]:
        """The term(s) behind a matched piece of folded text (memoised)."""
        infos = self.cache.get(matched)
        if infos is None:
            infos = self._lookup(matched)
            if len(self.cache) >= _CACHE_SIZE:
                self.cache.clear()
            self.cache[matched] = infos
        return infos

    def _lookup(self, matched: str) -> tuple[TermInfo, ...]:
        key = _key(matched)
        infos = self.plain.get(key)
        if infos is not None:
            return infos
        star = self.star
        for k in range(min(len(key), self.max_star), 0, -1):
            infos = star.get(key[:k])
            if infos is not None:
                return infos
        return ()


def _build_table(items: list[tuple[tuple[str, ...], bool, TermInfo]], prefix: str,
                 extra: str = "") -> TermTable | None:
    if not items and not extra:
        return None
    plain: dict[str, dict[TermKind, TermInfo]] = {}
    star: dict[str, dict[TermKind, TermInfo]] = {}
    entries = set()
    for atoms, trail, info in items:
        entries.add((atoms, trail))
        key = _key("".join(a for a in atoms if a not in (_SP, _HY)))
        per_kind = (star if trail else plain).setdefault(key, {})
        old = per_kind.get(info.kind)
        if old is None or info.weight > old.weight:
            per_kind[info.kind] = info
    pattern = _compile_trie(sorted(entries))
    if extra:
        pattern = f"{pattern}|{extra}" if pattern else extra
    return TermTable(
        regex=re.compile(f"{prefix}(?:{pattern})"),
        plain={k: tuple(v.values()) for k, v in plain.items()},
        star={k: tuple(v.values()) for k, v in star.items()},
        max_star=max((len(k) for k in star), default=0),
        cache={},
    )


# --- built-in patterns -----------------------------------------------------

_NUM = r"\d+(?:[.,]\d+)?"
_NUMW_NL = "een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien"
_NUMW_EN = "one|two|three|four|five|six|seven|eight|nine|ten"
_RANGE_TAIL = r"(?:[ \t]?(?:-|tot|to)[ \t]?" + _NUM + ")?"

#: name -> (kind, weight, moderator-facing rule name, acts as its own health context)
BUILTIN_RULES: dict[str, TermInfo] = {
    "dose_medical": TermInfo(TermKind.DOSE, 2.0,
                             "dose: amount in a medical unit (mg, µg, IU)", True),
    "dose_amount": TermInfo(TermKind.DOSE, 1.0,
                            "dose: amount with a unit (gram, ml, tablets)"),
    "dose_frequency": TermInfo(TermKind.DOSE, 1.0, "dose: frequency (2x per dag)"),
    "stat_percent": TermInfo(TermKind.STATISTIC, 1.0,
                             "statistic: percentage about a health outcome"),
    "stat_ratio": TermInfo(TermKind.STATISTIC, 1.0,
                           "statistic: relative difference (2.3x higher)"),
    "stat_figure": TermInfo(TermKind.STATISTIC, 1.0,
                            "statistic: study figure (n=, r=, p<)"),
    "stat_proportion": TermInfo(TermKind.STATISTIC, 1.0,
                                "statistic: proportion (1 op de 5)"),
    "risk_can_cause": TermInfo(TermKind.RISK, 1.0, "risk: 'kan ... geven' (can cause)"),
}

_UNIT_MEDICAL = (r"(?:mg|mcg|ug|microgram(?:men|s)?|milligram(?:men|s)?|nanogram(?:men|s)?|iu|ie"
                 r"|mmol)(?:[ \t]?/[ \t]?(?:kg|ml|dag|day|d))?(?![a-z])")
_UNIT_AMOUNT = (r"(?:g|gr|gram|grams|grammen|ml|milliliter|millilitre|cc|druppels?|drops?"
                r"|tablet(?:ten|s|je|jes)?|pil(?:len|letje|letjes)?|pills?|capsules?|caps"
                r"|puff(?:s|jes)?|doses|dosis|tabs?|blotters?)(?![a-z])")
_TIMES = r"(?:x|keer|maal|times)"
_PERIOD = (r"[ \t]?(?:per|a|an|in[ \t]de|op[ \t]een|every|each|elke|iedere)[ \t](?:dag|day|week"
           r"|maand|month|uur|hour|nacht|night|avond|ochtend|morning|evening)(?![a-z])")
_COMPARATIVE = (r"[ \t](?:zo[ \t]|as[ \t])?(?:hoger|lager|groter|kleiner|meer|minder|vaker|sneller"
                r"|hoog|groot|vaak|veel|higher|lower|greater|larger|smaller|more|less|likely"
                r"|likelier|often|faster)(?![a-z])")
_PROPORTION = (r"[ \t](?:op[ \t]de|op[ \t]elke|op|in|out[ \t]of|van[ \t]de)[ \t](?:\d+(?:[.,]\d+)?|"
               + _NUMW_NL + "|" + _NUMW_EN + r"|twintig|honderd|duizend|twenty|hundred|thousand)"
               r"(?!\w)")

# Numbers written in digits.  The pattern starts with a plain \d so the regex
# engine can skip every position that is not a digit; the look-behind after
# the first digit checks that the number is not glued to a word or decimal.
_NUMERIC_RE = re.compile(
    r"\d(?<![\w.,]\d)\d*(?:[.,]\d+)?(?:"
    r"(?P<dose_medical>" + _RANGE_TAIL + r"[ \t]?" + _UNIT_MEDICAL + ")"
    r"|(?P<dose_amount>" + _RANGE_TAIL + r"[ \t]?" + _UNIT_AMOUNT + ")"
    r"|(?P<stat_percent>" + _RANGE_TAIL + r"[ \t]?(?:%|procent|percent|pct)(?![a-z]))"
    r"|(?P<stat_ratio>[ \t]?" + _TIMES + _COMPARATIVE + ")"
    r"|(?P<dose_frequency>[ \t]?" + _TIMES + _PERIOD
    + r"|[ \t]?(?:x|maal)[ \t]?daags(?![a-z])|[ \t]?dd(?:[ \t]?\d)?(?![a-z]))"
    r"|(?P<stat_proportion>" + _PROPORTION + ")"
    r")"
)
# Numbers in words ("twee keer per dag", "een op de vijf", "twice as likely").
# These alternatives are appended to the main term regex (which already visits
# every word start), so they cost no extra pass over the text.
_WORDS_ALTERNATIVES = (
    r"(?<![.,])(?:"
    r"(?P<dose_frequency>(?:" + _NUMW_NL + "|" + _NUMW_EN + ")[ \t]?" + _TIMES + _PERIOD
    + r"|(?:eenmaal|tweemaal|driemaal|viermaal)[ \t]?(?:daags|per[ \t]dag)(?![a-z])"
    r"|(?:once|twice|thrice)[ \t](?:a|per|every)[ \t](?:day|week|night|month)(?![a-z])"
    r"|om[ \t]de[ \t](?:\d+|twee|drie|vier)[ \t]dagen(?![a-z])|every[ \t]other[ \t]day(?![a-z]))"
    r"|(?P<stat_ratio>(?:twee|drie|vier|vijf|tien|two|three|four|five|ten)[ \t]?" + _TIMES
    + _COMPARATIVE + r"|(?:twice|half)[ \t]as[ \t](?:likely|many|much|often|high|low|effective)"
    r"(?![a-z]))"
    r"|(?P<stat_proportion>(?:" + _NUMW_NL + "|" + _NUMW_EN + ")" + _PROPORTION + ")"
    r")"
)
# Study figures (n=78, r=0,41, p<.05): found from the operator, then the
# letters before it are checked with _FIGURE_LEFT_RE.
_FIGURE_RE = re.compile(r"[=<>\u2264\u2265][ \t]?-?(?:\d+(?:[.,]\d+)?|[.,]\d+)")
_FIGURE_LEFT_RE = re.compile(r"(?<![\w.,])(?:n|r|rho|p|d|or|rr|hr|nnt|ci|sd|auc)[ \t]?\Z")


# Dutch "kan/kunnen ... geven/veroorzaken" with up to four words between:
# "kan hoofdpijn geven", "kan bij jongeren een psychose veroorzaken".  The
# pattern starts with a plain "k" (fast scan); the gap is bounded.
_CAN_CAUSE_RE = re.compile(
    r"k(?<!\wk)(?:an|unnen|un|unt)"
    r"(?:[ \t]+(?!advies|tips?(?!\w)|antwoord|info|raad(?!\w)|hulp|steun|garantie|uitleg|reactie|idee)"
    r"[\w'-]+){0,4}?[ \t]+"
    r"(?:geven|veroorzaken|opleveren|uitlokken|triggeren|verergeren)(?!\w)"
)


class Builtins(NamedTuple):
    numeric: re.Pattern
    figure: re.Pattern
    figure_left: re.Pattern
    can_cause: re.Pattern


_BUILTINS = Builtins(_NUMERIC_RE, _FIGURE_RE, _FIGURE_LEFT_RE, _CAN_CAUSE_RE)

_KIND_PRIORITY = {SourceKind.BLOCKED: 0, SourceKind.SCHOLARLY: 1, SourceKind.OFFICIAL: 2,
                  SourceKind.OTHER: 3}


class Rules:
    """An immutable, precompiled rule set.

    ``Rules(terms=[...], domains=[...], threshold=2.0, *, min_signal=0.7,
    min_topic=1.0, pair_signal=0.7, substance_bonus=0.3, builtin_patterns=True)``

    A sentence is scored per kind: the weights of the distinct terms of one
    kind add up, capped at 1.0 (or at the highest single weight if that is
    more).  ``topic`` = substance + condition + outcome, ``signal`` = effect +
    evidence + advice + risk + dose + statistic (after testimony and wishes
    have absorbed the effect/risk/dose words of their clause).

    * ``threshold``: ``topic + signal`` must reach this for a claim;
    * ``min_signal``: ``signal`` must reach this;
    * ``min_topic``: ``topic`` must reach this, unless a medical dose
      ("25 mg") gives the context by itself;
    * ``pair_signal``: implicit signal when a named substance (weight >= 1)
      and a condition/outcome share a plain statement (no testimony or
      wish), 0 to switch off;
    * ``substance_bonus``: added to ``topic`` when a named substance
      (weight >= 1, so not "medicatie" or "therapie") is present;
    * ``builtin_patterns``: use the built-in dose, statistic and "kan ...
      geven" patterns;
    * ``learned``: combine the rules with the learned detector
      (``moderation.policy.learned``); the site's rule sets do, a rule set
      built for a test of the rules alone does not.

    Duplicated phrases of the same kind keep the highest weight.  When the
    same domain is listed with different kinds, BLOCKED wins, then SCHOLARLY,
    then OFFICIAL.  All attributes are read-only; pickling rebuilds the
    object from its inputs.
    """

    __slots__ = ("terms", "domains", "threshold", "min_signal", "min_topic", "pair_signal",
                 "substance_bonus", "builtin_patterns", "learned", "_domain_map", "_main", "_infix",
                 "_builtin_re", "_qualifying_domains", "_brands")

    def __init__(
        self,
        terms: Iterable[Term] = (),
        domains: Iterable[SourceDomain] = (),
        threshold: float = 2.0,
        *,
        min_signal: float = 0.7,
        min_topic: float = 1.0,
        pair_signal: float = 0.7,
        substance_bonus: float = 0.3,
        builtin_patterns: bool = True,
        learned: bool = False,
    ) -> None:
        terms = tuple(terms or ())
        domains = tuple(domains or ())
        for t in terms:
            if not isinstance(t, Term):
                raise TypeError(f"terms must be Term instances; got {t!r}")
        for d in domains:
            if not isinstance(d, SourceDomain):
                raise TypeError(f"domains must be SourceDomain instances; got {d!r}")
        for name, value in (("threshold", threshold), ("min_signal", min_signal),
                            ("min_topic", min_topic), ("pair_signal", pair_signal),
                            ("substance_bonus", substance_bonus)):
            if not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
                raise ValueError(f"{name} must be a finite number >= 0; got {value!r}")

        sa = object.__setattr__
        sa(self, "terms", terms)
        sa(self, "domains", domains)
        sa(self, "threshold", float(threshold))
        sa(self, "min_signal", float(min_signal))
        sa(self, "min_topic", float(min_topic))
        sa(self, "pair_signal", float(pair_signal))
        sa(self, "substance_bonus", float(substance_bonus))
        sa(self, "builtin_patterns", bool(builtin_patterns))
        sa(self, "learned", bool(learned))

        # domains
        dmap: dict[str, SourceKind] = {}
        for d in domains:
            old = dmap.get(d.domain)
            if old is None or _KIND_PRIORITY[d.kind] < _KIND_PRIORITY[old]:
                dmap[d.domain] = d.kind
        sa(self, "_domain_map", MappingProxyType(dmap))
        qualifying = tuple(sorted(d for d, kind in dmap.items() if kind.qualifies))
        sa(self, "_qualifying_domains", qualifying)
        sa(self, "_brands", brand_tokens(qualifying))

        # terms: one trie for ordinary phrases, one for phrases with a leading *
        main, infix = [], []
        for t in terms:
            lead, trail, atoms = _atoms(t.phrase)
            if atoms:
                (infix if lead else main).append((atoms, trail, TermInfo(t.kind, t.weight, t.rule)))
        sa(self, "_main", _build_table(main, r"(?<!\w)",
                                       _WORDS_ALTERNATIVES if builtin_patterns else ""))
        sa(self, "_infix", _build_table(infix, ""))
        sa(self, "_builtin_re", _BUILTINS if builtin_patterns else None)

    # immutability -----------------------------------------------------------
    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Rules is immutable; build a new Rules object")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Rules is immutable")

    def __reduce__(self):  # pickling rebuilds from the inputs
        return (_rebuild, (self.terms, self.domains, self.threshold, self.min_signal,
                           self.min_topic, self.pair_signal, self.substance_bonus,
                           self.builtin_patterns, self.learned))

    def __repr__(self) -> str:
        return (f"Rules({len(self.terms)} terms, {len(self.domains)} domains, "
                f"threshold={self.threshold}, min_signal={self.min_signal}, "
                f"min_topic={self.min_topic}, pair_signal={self.pair_signal}, "
                f"substance_bonus={self.substance_bonus})")

    @property
    def domain_kinds(self) -> MappingProxyType:
        """Read-only mapping of normalised domain -> SourceKind."""
        return self._domain_map  # type: ignore[return-value]


def _rebuild(terms, domains, threshold, min_signal, min_topic, pair_signal, substance_bonus,
             builtin_patterns, learned=False) -> Rules:
    return Rules(terms, domains, threshold, min_signal=min_signal, min_topic=min_topic,
                 pair_signal=pair_signal, substance_bonus=substance_bonus,
                 builtin_patterns=builtin_patterns, learned=learned)
