"""``assess`` and ``classify_source``: the decision itself.

``assess`` takes the :class:`~moderation.policy.visible.VisibleDocument` of a post (what a
reader sees of its sanitised HTML, normalised; see ``moderation.screening``), or, for
callers that only have text, a plain string (read as Markdown source, the older entry).

Pipeline for one answer (all on offsets, nothing is copied per term):

1. fold the text (lower case, no diacritics, same length);
2. sources: a document's followable links, each judged by its real target
   (:func:`~moderation.policy.sources.judge_link`); quoted text and every
   URL-looking span are blanked, so neither another person's words nor words
   inside URLs count;
3. run the term trie regexes and the built-in dose/statistic/risk patterns
   once over the whole text;
4. cut the text into sentences and score each sentence that has matches;
5. a sentence is a claim when it has a signal, a health context and a score
   at or above the threshold; questions never are, testimony and wishes
   absorb the effect/risk wording of their clause.

See docs/POLICY.md for the rules in prose.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from . import learned
from .endorse import own_words
from .model import Assessment, ClaimType, Match, Source, SourceKind, TermKind
from .rules import BUILTIN_RULES, Rules, TermInfo
from .sources import _URLISH_RE, classify_url, extract_sources, judge_link
from .text import blank_spans, detect_language, fold, sentence_spans
from .visible import VisibleDocument

__all__ = ["assess", "classify_source"]

_SIGNAL_TYPE = {
    TermKind.EFFECT: ClaimType.TREATMENT,
    TermKind.EVIDENCE: ClaimType.TREATMENT,
    TermKind.ADVICE: ClaimType.TREATMENT,
    TermKind.RISK: ClaimType.RISK,
    TermKind.DOSE: ClaimType.DOSE,
    TermKind.STATISTIC: ClaimType.STATISTIC,
}
_TOPIC_KINDS = (TermKind.SUBSTANCE, TermKind.CONDITION, TermKind.OUTCOME)
_ABSORBABLE = (TermKind.EFFECT, TermKind.RISK)
_BUILTIN_INFOS = frozenset(BUILTIN_RULES.values())
_PRIMARY_ORDER = (ClaimType.TREATMENT, ClaimType.RISK, ClaimType.DOSE, ClaimType.STATISTIC)
_NOT_LISTED = (TermKind.IGNORE, TermKind.QUESTION, TermKind.SUPPORT)
# a sentence without one of these kinds can be neither a claim nor testimony
_ACTIVE_KINDS = frozenset(_SIGNAL_TYPE) | {TermKind.EXPERIENCE}


def _absorbable(info: TermInfo) -> bool:
    """Wording that testimony (or a wish) in the same clause turns into a story:
    effect and risk words, dose words ("afbouwen", "dosis": not a concrete
    amount like "25 mg") and weak evidence words ("studie")."""
    if info.kind in _ABSORBABLE:
        return True
    if info.kind is TermKind.DOSE:
        return info not in _BUILTIN_INFOS
    return info.kind is TermKind.EVIDENCE and info.weight < 1.0


# clause boundaries inside a sentence (dashes are folded to "-")
_CLAUSE_RE = re.compile(r"[,;:()]| -+ ")

# question without a question mark: "helpt het bij angst", "is ketamine veilig"
_LEAD_RE = re.compile(r"[\W\d_]*(\w+)(?:[^\w\n]+(\w+))?(?:[^\w\n]+(\w+))?")
_QUESTION_WORDS = frozenset("waarom hoezo welke hoeveel why which".split())
_VERB_FIRST = frozenset("""is zijn helpt helpen werkt werken heeft hebben heb ben kan kun kunt
kunnen mag moet zou zouden weet does do did are can could should would will has have""".split())
_PRONOUNS = frozenset("""het dit dat er je jij u ze zij iemand men ik it this that there you i
they anyone anybody someone he she we""".split())
_NOT_QUESTION_THIRD = frozenset("niet nooit zeker echt wel gewoon not never".split())

_FALLBACK_LANGUAGE = "nl"


def classify_source(url: str, rules: Rules) -> SourceKind | None:
    """Kind of the source ``url`` points at, or None if it is not an http(s) URL.

    Listed domains match exactly or as true subdomains (``host == d`` or
    ``host.endswith("." + d)``); the most specific listed domain wins; a
    domain listed with several kinds is BLOCKED if any of them is.
    """
    if not isinstance(rules, Rules):
        raise TypeError("rules must be a Rules instance")
    try:
        return classify_url(url, rules._domain_map)
    except Exception:  # pragma: no cover - defensive: never raise on odd input
        return None


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _find_matches(t: str, rules: Rules) -> list[tuple[int, int, TermInfo]]:
    """All term and built-in matches in folded text ``t`` (unsorted)."""
    out: list[tuple[int, int, TermInfo]] = []
    append = out.append
    table = rules._main
    if table is not None:
        identify = table.identify
        for m in table.regex.finditer(t):
            s, e = m.span()
            name = m.lastgroup
            if name is not None:  # a built-in number-word pattern
                append((s, e, BUILTIN_RULES[name]))
                continue
            for info in identify(m.group()):
                append((s, e, info))
    table = rules._infix
    if table is not None:
        identify = table.identify
        extra = []
        for m in table.regex.finditer(t):
            s, e = m.span()
            infos = identify(m.group())
            limit = max(0, s - 64)
            while s > limit and _is_word_char(t[s - 1]):
                s -= 1
            for info in infos:
                extra.append((s, e, info))
        if extra:
            have = {(s, e, info.kind) for s, e, info in out}
            out.extend(x for x in extra if (x[0], x[1], x[2].kind) not in have)
    b = rules._builtin_re
    if b is not None:
        get = BUILTIN_RULES.__getitem__
        for m in b.numeric.finditer(t):
            append((m.start(), m.end(), get(m.lastgroup)))
        if "=" in t or "<" in t or ">" in t or "\u2264" in t or "\u2265" in t:
            left = b.figure_left
            info = get("stat_figure")
            for m in b.figure.finditer(t):
                s = m.start()
                lm = left.search(t, max(0, s - 6), s)
                if lm:
                    append((lm.start(), m.end(), info))
        if "geven" in t or "veroorzaken" in t or "opleveren" in t or "uitlokken" in t \
                or "triggeren" in t or "verergeren" in t:
            info = get("risk_can_cause")
            for m in b.can_cause.finditer(t):
                append((m.start(), m.end(), info))
    ignores = sorted((s, e) for s, e, info in out if info.kind is TermKind.IGNORE)
    if ignores:
        # merged, sorted intervals: one bisect per match instead of a scan of every ignore
        merged: list[list[int]] = []
        for s, e in ignores:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        starts = [m[0] for m in merged]

        def ignored(x) -> bool:
            i = bisect_right(starts, x[1] - 1) - 1  # the last interval starting before x ends
            return i >= 0 and merged[i][1] > x[0]

        out = [x for x in out if x[2].kind is TermKind.IGNORE or not ignored(x)]
    return out


def _looks_like_question(t: str, start: int, end: int,
                         ms: list[tuple[int, int, TermInfo]]) -> bool:
    """A sentence without closing . or ! that starts like a question."""
    tail = t[start:end].rstrip()
    if not tail or tail[-1] in ".!":
        return False
    m = _LEAD_RE.match(t, start, end)
    if not m:
        return False
    first, second, third = m.group(1), m.group(2), m.group(3)
    if first in _QUESTION_WORDS:
        return True
    if first in _VERB_FIRST and second:
        if third in _NOT_QUESTION_THIRD:
            return False
        if second in _PRONOUNS:
            return True
        s2 = m.start(2)
        return any(s == s2 and info.kind in (TermKind.SUBSTANCE, TermKind.CONDITION)
                   for s, _e, info in ms)
    return False


def _clause_index(clauses: list[int], position: int) -> int:
    """Which clause ``position`` is in: the number of clause boundaries before it."""
    return bisect_right(clauses, position)


def _judge(text: str, rules: Rules, language: str | None) -> Assessment:
    """The older entry: ``text`` is Markdown source, sources are found in it."""
    folded = fold(text)
    sources, mask = extract_sources(text, folded, rules)
    return _judge_words(text, folded, mask, sources, rules, language)


def _document_sources(doc: VisibleDocument, rules: Rules) -> list[Source]:
    """Each followable link once (by target), judged by where it really goes."""
    sources: list[Source] = []
    seen: set[str] = set()
    position = 0
    text = doc.text
    for link in doc.links:
        href = link.href
        if not href or href.startswith("#") or href in seen:
            continue  # a footnote or other anchor on the page itself
        seen.add(href)
        kind, reason = judge_link(href, rules)
        if kind is None:
            kind = SourceKind.OTHER
        start = text.find(link.text, position) if link.text else -1
        if start < 0:
            start = end = 0
        else:
            end = start + len(link.text)
            position = end
        sources.append(Source(url=href, kind=kind, start=start, end=end, reason=reason, text=link.text))
    return sources


def _judge_document(doc: VisibleDocument, rules: Rules, language: str | None) -> Assessment:
    """The pipeline's entry: words of the visible text outside quotes (unless the author
    endorses the quote), links by target."""
    doc = own_words(doc)
    text = doc.text
    folded = fold(text)
    mask = list(doc.quotes)
    if ("://" in folded or "www." in folded or "mailto:" in folded or "doi" in folded
            or "pmid" in folded):
        mask.extend(m.span() for m in _URLISH_RE.finditer(folded))
        mask.extend(m.span() for m in _IDENTIFIER_TEXT_RE.finditer(folded))
    return _judge_words(text, folded, mask, _document_sources(doc, rules), rules, language, keep_text=True,
                        author_text=doc.author_text)


# identifiers shown as link text ("doi:10.1056/...", "PMID: 123"): not words
_IDENTIFIER_TEXT_RE = re.compile(r"(?:doi[ \t]?:?[ \t]?)?10\.\d{4,9}/\S{1,300}|pmid[ \t]?[:#]?[ \t]?\d{1,12}")


def _judge_words(text: str, folded: str, mask, sources, rules: Rules, language: str | None,
                 keep_text: bool = False, author_text: str | None = None) -> Assessment:
    t = blank_spans(folded, mask) if mask else folded
    if language in ("nl", "en"):
        lang = language
    else:
        lang = detect_language(t, _FALLBACK_LANGUAGE)

    raw = _find_matches(t, rules)
    matched: list[Match] = []
    health_claim = False
    claim_spans: list[tuple[int, int]] = []  # the sentences the rules read as claims
    if raw:
        clauses = [m.start() for m in _CLAUSE_RE.finditer(t)]
        spans = sentence_spans(t)
        starts = [s for s, _e, _q in spans]
        pair_on = rules.pair_signal > 0
        buckets: dict[int, list[tuple[int, int, TermInfo]]] = {}
        for item in raw:
            i = bisect_right(starts, item[0]) - 1
            if i >= 0:
                buckets.setdefault(i, []).append(item)
        for i, ms in buckets.items():
            kinds = {info.kind for _s, _e, info in ms}
            if TermKind.QUESTION in kinds or (kinds.isdisjoint(_ACTIVE_KINDS) and not (
                    pair_on and TermKind.SUBSTANCE in kinds
                    and (TermKind.CONDITION in kinds or TermKind.OUTCOME in kinds))):
                continue  # nothing that can make a claim, or a question
            s_start, s_end, question = spans[i]
            if question:
                continue
            if _looks_like_question(t, s_start, s_end, ms):
                continue
            listed = _judge_sentence(clauses, rules, ms)
            if listed is None:
                continue
            is_claim, items = listed
            health_claim = health_claim or is_claim
            if is_claim:
                claim_spans.append((s_start, s_end))
            for s, e, info, ctype in items:
                matched.append(Match(rule=info.rule, kind=info.kind, claim_type=ctype,
                                     start=s, end=e, text=text[s:e]))
    matched.sort(key=lambda m: (m.start, m.end))
    # the learned detector: rules OR model, and the model may overrule the rules (learned.combine)
    flagged = ()
    if rules.learned:
        testimony = [(m.start, m.end) for m in matched if m.kind is TermKind.EXPERIENCE]
        health_claim, flagged = learned.combine(text, health_claim, author_text=author_text,
                                                testimony=testimony, claims=claim_spans)
    qualifying = any(s.kind in (SourceKind.SCHOLARLY, SourceKind.OFFICIAL) for s in sources)
    return Assessment(
        health_claim=health_claim,
        needs_review=health_claim and not qualifying,
        matched=tuple(matched),
        sources=tuple(sources),
        language=lang,
        text=text if keep_text else "",
        flagged=flagged,
    )


def _judge_sentence(clauses, rules, ms):
    """Return ``(is_claim, [(start, end, info, claim_type)])`` or None if nothing to list."""
    experience = [m for m in ms if m[2].kind is TermKind.EXPERIENCE]
    framing = experience + [m for m in ms if m[2].kind is TermKind.SUPPORT]
    general = any(m[2].kind is TermKind.GENERAL for m in ms)
    absorbed: set[int] = set()
    if framing and not general:
        # a clause is the text between two boundaries; framing absorbs the wording of its clauses
        framed = {_clause_index(clauses, x[0]) for x in framing}
        framed.update(_clause_index(clauses, x[1] - 1) for x in framing)
        for idx, m in enumerate(ms):
            if _absorbable(m[2]) and (_clause_index(clauses, m[0]) in framed
                                      or _clause_index(clauses, m[1] - 1) in framed):
                absorbed.add(idx)

    # per kind: the weights of its distinct terms add up, capped at 1.0 (or
    # at the highest single weight when that is more): two weak words can
    # make one signal, ten cannot make three
    total: dict[TermKind, float] = {}
    top: dict[TermKind, float] = {}
    rules_seen = set()
    self_context = False
    for idx, (_s, _e, info) in enumerate(ms):
        if idx in absorbed or info.rule in rules_seen:
            continue
        rules_seen.add(info.rule)
        total[info.kind] = total.get(info.kind, 0.0) + info.weight
        if info.weight > top.get(info.kind, 0.0):
            top[info.kind] = info.weight
        if info.self_context:
            self_context = True
    best = {k: min(v, max(1.0, top.get(k, 0.0))) for k, v in total.items()}
    if TermKind.ADVICE in best and not best.get(TermKind.SUBSTANCE):
        # advice is a treatment claim only when a treatment is named:
        # "highly recommend finding a therapist for trauma" is not one
        del best[TermKind.ADVICE]
    topic = sum(best.get(k, 0.0) for k in _TOPIC_KINDS)
    if top.get(TermKind.SUBSTANCE, 0.0) >= 1.0:
        # a named substance (not just "medicatie" or "therapie") makes a
        # weaker signal enough: "sertraline werkt pas na zes weken"
        topic += rules.substance_bonus
    signal = sum(w for k, w in best.items() if k in _SIGNAL_TYPE)
    # a named substance together with a condition or outcome, said as a plain
    # statement (not testimony, not a question), asserts a relation between
    # them even without a signal word: "cannabis op jonge leeftijd ... schizofrenie"
    pair = 0.0
    if (rules.pair_signal > 0 and (general or not framing)
            and top.get(TermKind.SUBSTANCE, 0.0) >= 1.0
            and best.get(TermKind.CONDITION, 0.0) + best.get(TermKind.OUTCOME, 0.0) >= 0.7):
        pair = rules.pair_signal
        signal += pair
    is_claim = (
        signal > 0
        and signal >= rules.min_signal
        and (topic >= rules.min_topic or self_context)
        and topic + signal >= rules.threshold
    )
    if is_claim:
        types = {_SIGNAL_TYPE[k] for k in best if k in _SIGNAL_TYPE and best[k] > 0}
        if pair and not types:
            types.add(ClaimType.TREATMENT)
        primary = next((c for c in _PRIMARY_ORDER if c in types), None)
        items = []
        for idx, (s, e, info) in enumerate(ms):
            if info.kind in _NOT_LISTED:
                continue
            if idx in absorbed or info.kind is TermKind.EXPERIENCE:
                ctype = ClaimType.EXPERIENCE
            else:
                ctype = _SIGNAL_TYPE.get(info.kind, primary)
            items.append((s, e, info, ctype))
        return True, items
    if experience and (topic > 0 or absorbed):
        items = [(s, e, info, ClaimType.EXPERIENCE) for s, e, info in ms
                 if info.kind not in _NOT_LISTED and info.kind is not TermKind.GENERAL]
        return False, items
    return None


def _coerce_text(markdown_text: object) -> str:
    if isinstance(markdown_text, str):
        return markdown_text
    if markdown_text is None:
        return ""
    if isinstance(markdown_text, (bytes, bytearray)):
        return bytes(markdown_text).decode("utf-8", "replace")
    return str(markdown_text)


def assess(document: VisibleDocument | str, rules: Rules, language: str | None = None) -> Assessment:
    """Assess one answer.

    ``document`` is the :class:`~moderation.policy.visible.VisibleDocument` of the answer's
    sanitised HTML (what the forum does, through ``moderation.screening.screen_post``): the
    words outside quotes are judged, the links are the sources.  A plain string is read as
    Markdown source with sources found in the text (the older entry, for callers that only
    have text: it does not normalise, so offsets refer to the string as given).

    ``language`` ("nl"/"en") is only reported; None (or anything else)
    means: guess it from stop words (default "nl").  Terms of both languages
    are always matched, because people mix languages.

    Never raises for any string; if something unexpected goes wrong inside,
    the answer is held (``health_claim=True, needs_review=True``) rather than
    let through.
    """
    if not isinstance(rules, Rules):
        raise TypeError("rules must be a Rules instance")
    try:
        if isinstance(document, VisibleDocument):
            return _judge_document(document, rules, language)
        return _judge(_coerce_text(document), rules, language)
    except Exception:  # pragma: no cover - fail safe, see docs/POLICY.md
        return Assessment(health_claim=True, needs_review=True, matched=(), sources=(),
                          language=language if language in ("nl", "en") else _FALLBACK_LANGUAGE)
