"""The learned claim detector: a linear model over each sentence of the author's own words.

Standard library and numpy only (no Django, no scikit-learn: training lives in
``moderation.management.commands.policy_train``).  The weights are a hashed
feature vector in ``learned_weights.npz`` beside this file, loaded once per
process.

What it scores.  The *author text*: the visible text of the answer without
quotes (a Markdown blockquote is someone else's words), code, URLs and
Markdown syntax, folded like the rules fold it (lower case, no diacritics).
Each sentence is scored on its own; the answer's score is the highest
sentence score, and the sentences at or above the answer's claim threshold
(higher for an answer with more sentences: ``Detector.answer_threshold``)
are returned so moderators see *why*.

Features (one hashed space of ``2**BITS`` weights, counts scaled by
``1/sqrt(n)`` so a long sentence does not score higher for being long):

* each word, and its character 3-5-grams (``<lever>`` -> ``<le``, ``lev`` ...):
  inflections, compounds and typos share features;
* word bigrams;
* word *shapes*: closed word classes that say how something is stated --
  the generic "je/you/iedereen", the first person "ik/my", modal verbs,
  negation, effect and mechanism verbs, numbers and units, imperative verbs
  at the start of a sentence, question words -- and the health lexicon of
  the shipped rules (substance / condition / outcome / signal words).  Shapes
  form bigrams with each other and with words ("you + modal", "num + unit",
  "ik + neem"), which is what lets the model recognise a claim in words
  no list has;
* the first word and first two words of the sentence, a question mark.

Inference never allocates the full feature vector: a word's own features are
a fixed function of the word, so their summed weight is cached per word.
"""

from __future__ import annotations

import contextvars
import math
import re
import threading
import zlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .model import FlaggedSentence
from .normalise import normalise
from .text import fold

__all__ = [
    "BITS",
    "WEIGHTS_PATH",
    "Detector",
    "Flagged",
    "Verdict",
    "author_sentences",
    "author_text",
    "combine",
    "detector",
    "rules_only",
    "sentence_features",
]

BITS = 20
MASK = (1 << BITS) - 1
WEIGHTS_PATH = Path(__file__).with_name("learned_weights.npz")
#: A piece longer than this is not joined to the next one after an abbreviation.
MAX_SENTENCE_CHARS = 1200
#: A sentence longer than this is scored as overlapping windows of its clauses, each at most
#: ``WINDOW_CHARS`` long: features are scaled by 1/sqrt(n), so one claim at the end of a long
#: comma-spliced story would otherwise be drowned by the story ("ik was op de markt, het weer
#: was mooi, …, en kurkuma geneest reuma") and even clear the rules' claim. Shorter sentences,
#: the common case, are scored whole.
LONG_SENTENCE_CHARS = 240
#: Two or three clauses: a window of 240 characters still let five story clauses drown a claim.
WINDOW_CHARS = 120
#: The value of one character n-gram (a word or shape feature counts 1): a word has a dozen
#: n-grams, which would otherwise drown how the sentence is put together.
NGRAM_VALUE = 0.3
#: Sentences with fewer words are not scored ("depressie." alone claims nothing).
MIN_WORDS = 3
#: A sentence the model scores below this is no plausible false alarm, so it does not raise the
#: answer's claim threshold (``Detector.answer_threshold``): small talk around a claim must not
#: hide it (five sentences of sympathy lifted the bar from 0.50 to 0.77, fifty to 0.95). Sympathy,
#: greetings and the weather score below it; the warm, practical sentences behind the false alarms
#: in long answers score from a few per cent up.
COUNT_FLOOR = 0.01
#: At most this many flagged sentences are kept (the first ones) for moderators.
MAX_FLAGGED = 10
#: The answers are cut here (a 20,000-character post stays linear and fast).
MAX_TEXT_CHARS = 40000


# --- author text -----------------------------------------------------------------------
# The site passes the pipeline's VisibleDocument.author_text (moderation.policy.visible);
# for callers with only a Markdown string, author_text() approximates it from the source.


# (needle that must occur for the pattern to matter, pattern): a pass is skipped when its
# needle is absent, which most answers allow for most passes
_STRIP_RES = [
    ("```", re.compile(r"^ {0,3}(`{3,}+)[^\n]*+\n.*?(?:^ {0,3}\1[^\n]*$|\Z)", re.M | re.S)),  # fenced code
    ("~~~", re.compile(r"^ {0,3}(~{3,}+)[^\n]*+\n.*?(?:^ {0,3}\1[^\n]*$|\Z)", re.M | re.S)),
    ("<!--", re.compile(r"<!--.*?(?:-->|\Z)", re.S)),  # comments
    ("<", re.compile(r"<(script|style)\b.*?(?:</\1\s*>|\Z)", re.S | re.I)),
    (">", re.compile(r"^ {0,3}>[^\n]*(?:\n(?! *\n)[^\n]*)*", re.M)),  # blockquote paragraph
    ("]:", re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.M)),  # reference definitions
    ("`", re.compile(r"`[^`\n]*`")),  # inline code
    ("](", re.compile(r"\]\([^()\s\]]*(?:\([^()\s]*\)[^()\s\]]*)*(?:\s+\"[^\"\n]*\")?\)")),  # link targets
    (":", re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>|https?://\S+", re.I)),  # URLs
    ("www.", re.compile(r"www\.\S+", re.I)),
    ("10.", re.compile(r"\b(?:doi:?\s*)?10\.\d{4,9}/\S+", re.I)),
    ("pmid", re.compile(r"\bpmid:?\s*\d+", re.I)),
    ("<", re.compile(r"</?[a-zA-Z][^<>\n]*>")),  # tags
]
_MARKUP_RE = re.compile(r"[*_#\[\]|~^]+|&[a-z]+;|&#x?[0-9a-f]+;", re.I)


def author_text(markdown: str) -> str:
    """The author's own visible words of a Markdown answer, normalised (stand-in).

    Quotes, code, URLs, HTML and Markdown syntax are removed; what remains is
    what the sentences are cut from.
    """
    text = normalise(markdown[:MAX_TEXT_CHARS])
    low = None
    for needle, rx in _STRIP_RES:
        if needle in text or (needle == "pmid" and "pmid" in (low := low or text.lower())):
            text = rx.sub(" ", text)
    return _MARKUP_RE.sub("", text)


_VISIBLE_PASSES = [(needle, rx) for needle, rx in _STRIP_RES if needle in (":", "www.", "10.", "pmid")]


def visible_author_text(text: str) -> str:
    """The pipeline's author text (already visible and normalised) without URLs and DOI/PMID
    identifiers shown as link text: they are addresses, not words."""
    text = text[:MAX_TEXT_CHARS]
    low = None
    for needle, rx in _VISIBLE_PASSES:
        if needle in text or (needle == "pmid" and "pmid" in (low := low or text.lower())):
            text = rx.sub(" ", text)
    return text


_SPLIT_RE = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*|(?<=[!?])(?=\S)")
_ABBREVIATIONS = ("bijv", "bv", "vb", "o.a", "m.a.w", "d.w.z", "e.g", "i.e", "etc", "ca", "dr", "prof", "mr",
                  "vs", "evt", "incl", "zgn", "enz", "nr", "vgl", "ong", "st", "aub", "a.u.b")
# The definition of a sentence that ends in an abbreviation or a single letter or digit ("o.a.", "A.",
# "3."); _ends_in_abbreviation answers the same in a few string operations (a test compares them): the
# expression costs microseconds per piece, and "1. 1. 1. …" makes thousands of pieces.
_ABBREV_END_RE = re.compile(
    rf"(?:\b(?:{'|'.join(re.escape(a) for a in _ABBREVIATIONS)})|(?<![^\W\d_])\w)\.$",
    re.I,
)
_HAS_WORD = re.compile(r"[^\W_]")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _ends_in_abbreviation(tail: str) -> bool:
    """Whether ``_ABBREV_END_RE`` matches ``tail``."""
    if len(tail) < 2 or tail[-1] != ".":
        return False
    last = tail[-2]
    if _is_word(last) and (len(tail) == 2 or not (tail[-3].isalnum() and not tail[-3].isdecimal())):
        return True
    word = tail[:-1].lower()
    if len(word) != len(tail) - 1:  # a letter whose lower case is longer: let the expression decide
        return _ABBREV_END_RE.search(tail) is not None
    if not word.endswith(_ABBREVIATIONS):
        return False
    for abbreviation in _ABBREVIATIONS:
        start = len(word) - len(abbreviation)
        if word.endswith(abbreviation) and (start == 0 or not _is_word(tail[start - 1])):
            return True
    return False


def author_sentences(text: str) -> list[str]:
    """Cut author text into sentences (at . ! ? + space and at line breaks)."""
    out: list[str] = []
    carry = ""
    for piece in _SPLIT_RE.split(text):
        if not piece or piece.isspace():
            continue
        piece = piece.strip()
        if carry:
            piece = carry + " " + piece
            carry = ""
        if len(piece) < MAX_SENTENCE_CHARS and _ends_in_abbreviation(piece[-12:]):
            carry = piece
            continue
        if _HAS_WORD.search(piece):
            out += _windows(piece) if len(piece) > LONG_SENTENCE_CHARS else [piece]
    if carry and _HAS_WORD.search(carry):
        out += _windows(carry) if len(carry) > LONG_SENTENCE_CHARS else [carry]
    return out


_CLAUSE_END_RE = re.compile(r"[,;:\u2013\u2014]\s+|\s+-\s+")
_WORD_END_RE = re.compile(r"\s+")


def _spans(piece: str, rx: re.Pattern, limit: int, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The parts of ``piece[start:end]`` between matches of ``rx`` (as offsets into ``piece``); a part
    longer than ``limit`` is cut further at white space."""
    end = len(piece) if end is None else end
    matches = list(rx.finditer(piece, start, end))  # neither expression looks around its match
    spans = list(zip([start] + [m.end() for m in matches], [m.start() + 1 for m in matches] + [end], strict=True))
    if rx is _WORD_END_RE:
        return spans
    out = []
    for s, e in spans:
        if e - s > limit:
            out += _spans(piece, _WORD_END_RE, limit, s, e)
        else:
            out.append((s, e))
    return out


def _windows(piece: str) -> list[str]:
    """Windows of a long sentence's clauses, each at most about ``WINDOW_CHARS`` long, the next
    starting at the clause in the middle of the last: a claim of up to half a window is whole
    in one of them. Linear: each character is in at most about three windows, and the ends of a
    window are found by bisection (a 20,000-character line has 10,000 parts)."""
    spans = _spans(piece, _CLAUSE_END_RE, WINDOW_CHARS // 2)
    starts = [s for s, _e in spans]
    ends = [e for _s, e in spans]
    out, i = [], 0
    while True:
        j = bisect_right(ends, starts[i] + WINDOW_CHARS, i + 1) - 1  # the last part that still fits
        window = piece[starts[i]:ends[j]].strip()
        if _HAS_WORD.search(window):
            out.append(window)
        if j + 1 >= len(spans):
            return out
        i = bisect_left(starts, (starts[i] + ends[j]) // 2, i + 1, j + 1)  # the part in the middle


# --- word classes ------------------------------------------------------------------

def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_CLASSES: dict[str, frozenset[str]] = {
    "you": _words("""je jij jou jouw jullie u uw jezelf jouzelf you your yours yourself ya u ur
        men mensen iedereen niemand elke ieder everyone everybody anyone people nobody someone
        iemand wie whoever one folks patienten patients"""),
    "me": _words("""ik mij me mijn mn m'n zelf i me my mine myself i'm im i've ive i'd we wij ons onze
        our us mama mam papa vriendin vriend partner moeder vader dochter zoon zus broer"""),
    "modal": _words("""kan kun kunt kunnen kon konden mag mogen moet moeten moest zou zouden zal zullen
        can could may might must should shall will would won't wont cannot can't"""),
    "neg": _words("""niet geen nooit niks niets nergens no not never nothing don't dont doesn't
        doesnt isn't isnt aren't won't"""),
    "always": _words("""altijd gegarandeerd zeker gewoon echt absoluut vanzelf meteen direct snel
        altijd always definitely guaranteed simply just really totally completely instantly
        immediately basically literally"""),
    "effect": _words("""helpt helpen hielp helpend help helps helped werkt werken werkte works work worked
        geneest genezen cures cure cured heals heal heelt verlicht verlichten vermindert verminderen
        verbetert verbeteren improves improve reduces reduce reduced boost boosts boosten versterkt
        voorkomt voorkomen prevents prevent prevented beschermt protects protect herstelt restores
        fixes fix fixed knapt opknappen opgeknapt relieves relieve lowers lower raises verlaagt
        verhoogt verhogen verlagen stimuleert stimulates remt remmen blocks blokkeert blokkeren
        kalmeert calms zorgt ensures causes cause veroorzaakt veroorzaken triggers triggert
        verergert worsens worsen increases increase decreases decrease absorbs absorbeert
        opneemt opnemen ruimt opruimen breaks afbreekt afbreken stops stopt"""),
    "risk": _words("""gevaarlijk gevaarlijke dangerous risky riskant riskante veilig veilige safe
        unsafe schadelijk schadelijke harmful toxic giftig giftige verslavend addictive deadly
        dodelijk dodelijke slecht slechte bad worse erger schaadt damages damage bijwerking
        bijwerkingen side risico risk risks interactie interacties interaction interactions"""),
    "body": _words("""lichaam lijf lever nieren nier hart hersenen brein darmen darm maag bloed
        spieren huid longen zenuwen immuunsysteem hormonen serotonine dopamine cortisol
        body liver kidneys kidney heart brain gut stomach blood muscles skin lungs nerves
        immune hormones system ijzer iron vitamine vitamin"""),
    "num": frozenset(),
    "unit": _words("""mg mcg ug µg gram gr g ml mmol iu ie ie's kg kcal cc dosis dose doses
        procent percent % x keer maal per"""),
    "time": _words("""dag dagen daags week weken maand maanden jaar jaren uur uren ochtend avond
        morning evening day days week weeks month months year years hour hours daily dagelijks"""),
    "qword": _words("""wat waarom hoe hoezo welke wie waar wanneer what why how which who where when
        does do did is are heeft hebben weet iemand anyone"""),
    "imp": _words("""neem nemen probeer probeert drink eet gebruik slik stop stoppen vermijd
        ga doe begin check zorg let blijf houd hou laat smeer koop bestel zoek
        take try drink eat use avoid stop start quit go do check make keep get buy skip cut
        add swap switch increase reduce lower raise combine mix"""),
    "health": _words("""gezond gezondheid ongezond ziek ziekte ziektes klachten symptomen pijn
        health healthy unhealthy sick illness disease symptoms pain arts dokter huisarts doctor
        medicijn medicijnen medicatie medication medicine pillen pil pills supplement supplementen
        supplements therapie therapy behandeling treatment"""),
    "hedge": _words("""misschien wellicht mogelijk denk vermoed volgens zover weet niet zeker
        maybe perhaps possibly think guess apparently supposedly heard"""),
    "story": _words("""had was waren heb hebben ben werd kreeg nam slikte gebruikte merkte voelde
        ging deed had was were got took felt noticed went tried started stopped sinds since
        vorig vorige toen last ago geleden"""),
}
_WORD_CLASS: dict[str, tuple[str, ...]] = {}
for _name, _members in _CLASSES.items():
    for _w in _members:
        _WORD_CLASS.setdefault(fold(_w), ())
        _WORD_CLASS[fold(_w)] += (_name,)


def _lexicon() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Single-word phrases of the shipped rules: exact words and prefixes, by kind."""
    from .defaults import DEFAULT_TERMS  # the shipped lexicon, not the admin-edited one

    exact: dict[str, set[str]] = {}
    prefix: dict[str, set[str]] = {}
    for term in DEFAULT_TERMS:
        kind = term.kind.value
        if kind in ("ignore", "support", "question"):
            continue
        phrase = fold(term.phrase.strip())
        if phrase.startswith("*"):
            continue
        if phrase.endswith("*"):
            stem = phrase[:-1]
            if stem and " " not in stem and "-" not in stem and len(stem) >= 3:
                prefix.setdefault(stem, set()).add(kind)
        elif " " not in phrase and "-" not in phrase:
            exact.setdefault(phrase, set()).add(kind)
    return ({k: tuple(sorted(v)) for k, v in exact.items()},
            {k: tuple(sorted(v)) for k, v in prefix.items()})


_LEX_EXACT, _LEX_PREFIX = _lexicon()
_LEX_MIN = min((len(p) for p in _LEX_PREFIX), default=3)
_LEX_MAX = max((len(p) for p in _LEX_PREFIX), default=3)

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['-][^\W\d_]+)*|[%?!]")
_NUM_RE = re.compile(r"\d")


def _shapes(word: str) -> tuple[str, ...]:
    if _NUM_RE.match(word):
        return ("num",)
    shapes = list(_WORD_CLASS.get(word, ()))
    kinds = set(_LEX_EXACT.get(word, ()))
    for k in range(_LEX_MIN, min(len(word), _LEX_MAX) + 1):
        hit = _LEX_PREFIX.get(word[:k])
        if hit:
            kinds.update(hit)
    shapes.extend("lx" + k for k in sorted(kinds))
    return tuple(shapes)


_SHAPES = tuple(_CLASSES) + tuple(sorted(
    {"lx" + k for kinds in (*_LEX_EXACT.values(), *_LEX_PREFIX.values()) for k in kinds}))
_SHAPE_BIT = {name: i for i, name in enumerate(_SHAPES)}
_NSHAPES = len(_SHAPES)


def _word_features(word: str) -> list[str]:
    """Features that depend on the word alone (cached per word at inference)."""
    if _NUM_RE.match(word):
        return ["w:<num>", "c:num"]
    feats = ["w:" + word]
    if len(word) > 2 and word not in ("?", "!", "%"):
        padded = "<" + word + ">"
        n = len(padded)
        for size in (3, 4, 5):
            for i in range(n - size + 1):
                feats.append("g:" + padded[i:i + size])
    for shape in _shapes(word):
        feats.append("c:" + shape)
    return feats


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & MASK


# Features of word pairs are hashed from the words' own 32-bit hashes, so that inference can
# compute them for a whole answer at once with numpy (see Detector._logits).
_M64 = (1 << 64) - 1
_P1 = 0x9E3779B97F4A7C15
_P2 = 0xBF58476D1CE4E5B9
_SALT_B = zlib.crc32(b"bigram")
_SALT_S = zlib.crc32(b"start")
_SALT_S2 = zlib.crc32(b"start2")
# the same features once more in a sentence with a health topic: "maak de job idempotent, dan ..."
# and "neem magnesium, dan ..." share their form but not their meaning
_SALT_BH = zlib.crc32(b"bigram|health")
_SALT_SH = zlib.crc32(b"start|health")


def _mix(a: int, b: int) -> int:
    return ((((a * _P1) & _M64) ^ b) * _P2 & _M64) >> (64 - BITS)


def _left(a: int) -> int:
    """The part of ``_mix(a, b)`` that depends on ``a`` alone (kept per word at inference)."""
    return (a * _P1) & _M64


_P2_NP, _SHIFT_NP = np.uint64(_P2), np.uint64(64 - BITS)


def _mix_right(left: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``_mix(a, b)`` of arrays, from ``_left(a)`` (array arithmetic wraps at 64 bits, as _mix masks)."""
    return ((left ^ b) * _P2_NP) >> _SHIFT_NP


_SC_IDX = [_hash("sc:" + name) for name in _SHAPES]
_CC_IDX = [[_hash("cc:" + a + " " + b) for b in _SHAPES] for a in _SHAPES]
_CO_IDX = [[_hash("co:" + min(a, b) + "+" + max(a, b)) for b in _SHAPES] for a in _SHAPES]
_TOPIC_MASK = sum(1 << _SHAPE_BIT[name] for name in ("body", "health", "lxcondition", "lxoutcome", "lxsubstance"))
_CO_H_IDX = [[_hash("coh:" + min(a, b) + "+" + max(a, b)) for b in _SHAPES] for a in _SHAPES]
_TOPIC_YES = _hash("t:health")
_TOPIC_NO = _hash("t:none")
_LEN_SHORT = _hash("len:short")
_LEN_LONG = _hash("len:long")
_Q_END = _hash("q:end")


def _word_info(word: str) -> tuple[list[str], int, int, int]:
    """(own features, 32-bit id, shape bit mask, primary shape or -1) of one folded word."""
    sym = "<num>" if _NUM_RE.match(word) else word
    shapes = _shapes(word)
    mask = 0
    for shape in shapes:
        mask |= 1 << _SHAPE_BIT[shape]
    return (_word_features(word), zlib.crc32(("w:" + sym).encode("utf-8")), mask,
            _SHAPE_BIT[shapes[0]] if shapes else -1)


def _bits(mask: int) -> list[int]:
    return [i for i in range(_NSHAPES) if mask >> i & 1]


def _tokens(sentence: str) -> list[str]:
    return _TOKEN_RE.findall(fold(sentence))


def sentence_features(sentence: str) -> dict[int, float]:
    """The hashed feature vector of one sentence (index -> value): the definition training uses.

    Per word: the word, its character 3-5-grams and its shapes. Per sentence: the first
    word, the first two words, the first word's shapes, very short / long, a closing
    question mark, whether a health topic (body, health, condition, outcome or substance
    word) occurs; each word bigram and each bigram of primary shapes; each pair of shapes
    that occur in the sentence. Counts are divided by the square root of their total.
    """
    words = _tokens(sentence)
    counts: dict[int, float] = {}

    def add(h: int, value: float = 1.0) -> None:
        counts[h] = counts.get(h, 0.0) + value

    n = 0
    infos = [_word_info(w) for w in words]
    for feats, _wid, _mask, _prim in infos:
        for f in feats:
            add(_hash(f), NGRAM_VALUE if f.startswith("g:") else 1.0)
    if infos:
        n = len(infos)
        wid0 = infos[0][1]
        add(_mix(_SALT_S, wid0))
        if n > 1:
            add(_mix(wid0 ^ _SALT_S2, infos[1][1]))
        for bit in _bits(infos[0][2]):
            add(_SC_IDX[bit])
        if n <= 3:
            add(_LEN_SHORT)
        elif n > 40:
            add(_LEN_LONG)
        for (_fa, wa, _ma, pa), (_fb, wb, _mb, pb) in zip(infos, infos[1:], strict=False):
            add(_mix(wa ^ _SALT_B, wb))
            if pa >= 0 and pb >= 0:
                add(_CC_IDX[pa][pb])
        union = 0
        for info in infos:
            union |= info[2]
        topic = bool(union & _TOPIC_MASK)
        add(_TOPIC_YES if topic else _TOPIC_NO)
        bits = _bits(union)
        for i, a in enumerate(bits):
            for b in bits[i + 1:]:
                add(_CO_IDX[a][b])
                if topic:
                    add(_CO_H_IDX[a][b])
        if topic:
            add(_mix(_SALT_SH, wid0))
            for (_fa, wa, _ma, _pa), (_fb, wb, _mb, _pb) in zip(infos, infos[1:], strict=False):
                add(_mix(wa ^ _SALT_BH, wb))
            for feats, _wid, _mask, _prim in infos:
                add(_hash("h" + feats[0]))
        if words[-1] == "?":
            add(_Q_END)
    total = sum(counts.values())
    if total:
        scale = 1.0 / math.sqrt(total)
        for h in counts:
            counts[h] *= scale
    return counts


# a question without a question mark: "weet iemand of cbd helpt", "is it safe to combine ..."
_QUESTION_FIRST = frozenset("waarom hoezo welke hoeveel wie wat hoe why which how who what".split())
_VERB_FIRST = frozenset("""is zijn helpt helpen werkt werken heeft hebben heb ben kan kun kunt kunnen mag moet
zou zouden weet does do did are can could should would will has have""".split())
_PRONOUN_SECOND = frozenset("""het dit dat er je jij u ze zij iemand men ik it this that there you i they anyone
anybody someone he she we""".split())
_NOT_QUESTION_THIRD = frozenset("niet nooit zeker echt wel gewoon not never".split())


def _asks(sentence: str, tokens: list[str]) -> bool:
    if sentence.rstrip()[-1:] in ".!":
        return False
    first = tokens[0]
    if first in _QUESTION_FIRST:
        return True
    return (first in _VERB_FIRST and tokens[1] in _PRONOUN_SECOND
            and (len(tokens) < 3 or tokens[2] not in _NOT_QUESTION_THIRD))


# A sentence that only wishes, congratulates or commiserates ("Beterschap!", "Gefeliciteerd met je
# eerste week zonder roken!", "Balen joh, zo'n griepje in je vakantie", "So sorry you're going
# through this") is support, which the spec names as no claim; its health words ("roken", "griepje")
# drew the model's false alarms on answers by other writers. Such a sentence is not judged, unless it
# is long or also carries what a claim needs: a number, a reason, a modal of advice or an effect word.
_SUPPORT_RE = re.compile(
    r"\b(?:beterschap|gefeli\w*|proficiat|sterkte|succes(?:\s+ermee)?|hou\s+vol|zet\s+hem\s+op|trots\s+op\s+(?:je|jou|jezelf)|"
    r"balen|baal|wat\s+(?:rot|vervelend|naar|balen|een\s+pech|klote|zuur)|rot\s+voor\s+je|veel\s+liefs|dikke\s+knuffel|ik\s+denk\s+aan\s+je|"
    r"get\s+well(?:\s+soon)?|congrat\w*|well\s+done|good\s+luck|best\s+of\s+luck|fingers\s+crossed|proud\s+of\s+you|hang\s+in\s+there|"
    r"(?:so\s+)?sorry\s+(?:to\s+hear|you(?:'re|\s+are)\s+going\s+through)|that\s+sucks|thinking\s+of\s+you|sending\s+(?:hugs|love|strength))\b")
_CLAIM_CARRIER_RE = re.compile(
    r"\d|\b(?:want|omdat|doordat|daardoor|dus|because|since|so\s+that|moet\w*|zou\s+je|kun\s+je|should|must|need\s+to|"
    r"help\w*|werk\w*|genees\w*|voorkom\w*|veilig|gevaarlijk|schadelijk|risico\w*|dosis|neem|slik|"
    r"works?|cures?|prevents?|safe|dangerous|harmful|risks?|dose|take|taking)\b")


#: A wish is short: a longer sentence with "hang in there" at its end may carry a claim before it.
SUPPORT_MAX_WORDS = 12


def _support_only(folded: str, tokens: list[str]) -> bool:
    """Whether a sentence (folded, with its tokens) only wishes, congratulates or commiserates."""
    return len(tokens) <= SUPPORT_MAX_WORDS and bool(_SUPPORT_RE.search(folded)) and not _CLAIM_CARRIER_RE.search(folded)


# --- the detector --------------------------------------------------------------------

@dataclass(frozen=True)
class Flagged:
    """A sentence the model judged to be a claim, with its probability."""

    text: str
    score: float


@dataclass(frozen=True)
class Verdict:
    """The model's view of one answer.

    ``score`` is the highest sentence probability (0 for an answer without
    sentences); ``threshold`` is this answer's claim threshold (higher for an
    answer with more sentences, see :meth:`Detector.answer_threshold`);
    ``claim`` means the model alone calls it a claim; ``clear`` means no
    sentence reaches the clear threshold; ``scored`` is every sentence the
    model judged with its probability (rounded like ``flagged``), in order.
    """

    score: float
    claim: bool
    clear: bool
    flagged: tuple[Flagged, ...]
    threshold: float = 0.5
    scored: tuple[tuple[str, float], ...] = ()


_SHAPE_RANGE = np.arange(_NSHAPES, dtype=np.int64)


class Detector:
    """Weights plus thresholds; ``verdict(markdown)`` is the entry point."""

    _WORD_CACHE_MAX = 200_000

    def __init__(self, weights: np.ndarray, bias: float, claim_threshold: float,
                 clear_threshold: float, meta: dict | None = None, slope: float = 0.0):
        self.weights = np.asarray(weights, dtype=np.float32)
        if self.weights.shape != (1 << BITS,):
            raise ValueError("weights do not match the feature space")
        w = self.weights.astype(np.float64)
        self._wd = w
        self.bias = float(bias)
        self.claim_threshold = float(claim_threshold)
        self.clear_threshold = float(clear_threshold)
        self.slope = float(slope)
        self.meta = dict(meta or {})
        self._sc = w[np.asarray(_SC_IDX)]
        cc = np.zeros((_NSHAPES + 1, _NSHAPES + 1))
        cc[1:, 1:] = w[np.asarray(_CC_IDX)]
        self._cc = cc  # row/column 0: a word without shapes
        co = w[np.asarray(_CO_IDX)]
        np.fill_diagonal(co, 0.0)
        self._co = co
        co_h = w[np.asarray(_CO_H_IDX)]
        np.fill_diagonal(co_h, 0.0)
        self._co_h = co_h
        self._topic_yes, self._topic_no = float(w[_TOPIC_YES]), float(w[_TOPIC_NO])
        self._len_short, self._len_long, self._q_end = (float(w[_LEN_SHORT]), float(w[_LEN_LONG]),
                                                        float(w[_Q_END]))
        self._word_cache: dict[str, int] = {}  # word -> row of the word tables (see _word)
        self._table = np.zeros((4096, 5))
        self._ids = np.zeros((4096, 4), dtype=np.uint64)
        self._shapes = np.zeros((4096, 2), dtype=np.int64)

    @classmethod
    def load(cls, path: Path | str = WEIGHTS_PATH) -> Detector:
        with np.load(path, allow_pickle=False) as data:
            meta = {k[5:]: data[k].item() for k in data.files if k.startswith("meta_")}
            slope = float(data["slope"]) if "slope" in data.files else 0.0
            return cls(data["weights"], float(data["bias"]), float(data["claim_threshold"]),
                       float(data["clear_threshold"]), meta, slope=slope)

    def save(self, path: Path | str) -> None:
        extra = {"meta_" + k: np.asarray(v) for k, v in sorted(self.meta.items())}
        np.savez_compressed(path, weights=self.weights.astype(np.float32), bias=np.float64(self.bias),
                            claim_threshold=np.float64(self.claim_threshold),
                            clear_threshold=np.float64(self.clear_threshold), slope=np.float64(self.slope),
                            **extra)

    def _word(self, word: str) -> int:
        """Row of ``word`` in the word tables, added on first sight: ``_table`` (summed weight of its
        own features, how many, weight of its health copy, of it as the first word, and as the first
        word of a health sentence), ``_ids`` (id, and the id's part of its pair hashes as the left word
        of a pair, of a health pair and of the first two words) and ``_shapes`` (shape mask, primary
        shape + 1): what hashing the pairs needs of a word is done once per word, not per sentence."""
        feats, wid, mask, prim = _word_info(word)
        w = self._wd
        row = len(self._word_cache)
        if row >= len(self._table):
            if row >= self._WORD_CACHE_MAX:  # a flood of new words: start again
                self._word_cache.clear()
                row = 0
            else:
                for name in ("_table", "_ids", "_shapes"):
                    table = getattr(self, name)
                    grown = np.zeros((len(table) * 2, table.shape[1]), dtype=table.dtype)
                    grown[:row] = table[:row]
                    setattr(self, name, grown)
        values = [NGRAM_VALUE if f.startswith("g:") else 1.0 for f in feats]
        self._table[row] = (float(sum(v * w[_hash(f)] for f, v in zip(feats, values, strict=True))), sum(values),
                            float(w[_hash("h" + feats[0])]), float(w[_mix(_SALT_S, wid)]),
                            float(w[_mix(_SALT_SH, wid)]))
        self._ids[row] = (wid, _left(wid ^ _SALT_B), _left(wid ^ _SALT_BH), _left(wid ^ _SALT_S2))
        self._shapes[row] = (mask, prim + 1)
        self._word_cache[word] = row
        return row

    def _logits(self, token_lists: list[list[str]]) -> np.ndarray:
        """``bias + w . sentence_features(s)`` for many sentences at once (each with >= 1 token)."""
        cache = self._word_cache
        get = cache.get
        word = self._word
        rows = [get(t) for tokens in token_lists for t in tokens]
        if None in rows:
            rows = [get(t) if get(t) is not None else word(t) for tokens in token_lists for t in tokens]
        lens = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
        starts = np.zeros(len(lens), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        rows = np.fromiter(rows, dtype=np.int64, count=len(rows))
        info = self._table[rows]
        wsum, wcount = info[:, 0], info[:, 1]
        ids = self._ids[rows]
        wid = ids[:, 0]
        shapes = self._shapes[rows]
        mask, prim = shapes[:, 0], shapes[:, 1]
        n_tok = len(rows)
        w = self._wd
        # bigrams (a pair never spans two sentences): pair i is tokens i and i+1
        inside = np.ones(n_tok, dtype=bool)
        inside[starts + lens - 1] = False
        pair = np.zeros(n_tok)
        pair_n = np.zeros(n_tok)
        if n_tok > 1:
            big = w[_mix_right(ids[:-1, 1], wid[1:])]
            cc = self._cc[prim[:-1], prim[1:]]
            has_cc = (prim[:-1] > 0) & (prim[1:] > 0)
            ok = inside[:-1]
            pair[:-1] = np.where(ok, big + cc, 0.0)
            pair_n[:-1] = np.where(ok, 1.0 + has_cc, 0.0)
        total = np.add.reduceat(wsum + pair, starts)
        count = np.add.reduceat(wcount + pair_n, starts)
        # the start of the sentence
        total += info[starts, 3]
        count += 1.0
        multi = lens > 1
        if multi.any():
            second = wid[np.minimum(starts + 1, n_tok - 1)]
            s2 = w[_mix_right(ids[starts, 3], second)]
            total += np.where(multi, s2, 0.0)
            count += multi
        first_bits = ((mask[starts][:, None] >> _SHAPE_RANGE) & 1).astype(np.float64)
        total += first_bits @ self._sc
        count += first_bits.sum(axis=1)
        short, long_ = lens <= 3, lens > 40
        total += short * self._len_short + long_ * self._len_long
        count += short + long_
        # pairs of shapes that occur in the same sentence
        union = np.bitwise_or.reduceat(mask, starts)
        topic = (union & _TOPIC_MASK) != 0
        total += np.where(topic, self._topic_yes, self._topic_no)
        count += 1.0
        bits = ((union[:, None] >> _SHAPE_RANGE) & 1).astype(np.float64)
        k = bits.sum(axis=1)
        pairs = k * (k - 1) / 2.0
        total += ((bits @ self._co) * bits).sum(axis=1) / 2.0
        count += pairs
        if topic.any():
            # the health-topic copies: shape pairs, the first word, bigrams and words
            total += np.where(topic, ((bits @ self._co_h) * bits).sum(axis=1) / 2.0, 0.0)
            total += np.where(topic, info[starts, 4], 0.0)
            ctx = np.repeat(topic, lens)
            h_pair = np.zeros(n_tok)
            if n_tok > 1:
                big_h = w[_mix_right(ids[:-1, 2], wid[1:])]
                h_pair[:-1] = np.where(inside[:-1] & ctx[:-1], big_h, 0.0)
            h_word = np.where(ctx, info[:, 2], 0.0)
            total += np.add.reduceat(h_pair + h_word, starts)
            count += np.where(topic, pairs + 1.0 + (lens - 1) + lens, 0.0)
        q = np.fromiter((t[-1] == "?" for t in token_lists), dtype=bool, count=len(token_lists))
        total += q * self._q_end
        count += q
        return self.bias + total / np.sqrt(count)

    def sentence_logit(self, sentence: str) -> float:
        """Raw score of one sentence; equal to ``bias + w . sentence_features(sentence)``."""
        tokens = _tokens(sentence)
        if not tokens:
            return -30.0
        return float(self._logits([tokens])[0])

    def sentence_score(self, sentence: str) -> float:
        z = self.sentence_logit(sentence)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def answer_threshold(self, sentences: int) -> float:
        """The claim threshold of an answer with this many counted sentences (:func:`counted`).

        The answer is as suspicious as its most claim-like sentence, so every sentence is one
        more chance for a false alarm: with sentence scores whose upper tail falls off
        exponentially in the logit, the chance that the best of ``n`` sentences passes a logit
        ``z`` grows like ``n * exp(-z / s)``. Raising the logit threshold by ``slope * ln(n)``
        keeps that chance about the same for one sentence and for thirty.
        """
        z = math.log(self.claim_threshold / (1.0 - self.claim_threshold))
        z += self.slope * math.log(max(1, sentences))
        return min(0.995, 1.0 / (1.0 + math.exp(-z)))

    def verdict(self, markdown: str | None = None, *, text: str | None = None) -> Verdict:
        """Judge an answer from its Markdown (or from its author text, when the caller has it)."""
        if text is None:
            text = author_text(markdown or "")
        sentences, token_lists = [], []
        for sentence in author_sentences(text[:MAX_TEXT_CHARS]):
            if sentence.endswith("?"):
                continue  # a question is never a claim, however it is worded
            folded = fold(sentence)
            tokens = _TOKEN_RE.findall(folded)
            if len(tokens) < MIN_WORDS or _asks(sentence, tokens) or _support_only(folded, tokens):
                continue  # nor is a word or two ("depressie."), a question without its mark, or a wish
            sentences.append(sentence)
            token_lists.append(tokens)
        if not sentences:
            return Verdict(score=0.0, claim=False, clear=True, flagged=(), threshold=self.claim_threshold)
        probs = 1.0 / (1.0 + np.exp(-np.clip(self._logits(token_lists), -30.0, 30.0)))
        best = float(probs.max())
        scored = tuple(zip(sentences, probs.round(3).tolist(), strict=True))
        threshold = self.answer_threshold(counted(p for _, p in scored))
        flagged = tuple(Flagged(text=t, score=p) for t, p in scored if p >= threshold)[:MAX_FLAGGED]
        return Verdict(score=best, claim=bool(flagged), clear=best < self.clear_threshold,
                       flagged=flagged, threshold=threshold, scored=scored)


def counted(scores) -> int:
    """How many of an answer's sentence scores raise its claim threshold: those that could be a
    false alarm (at least ``COUNT_FLOOR``)."""
    return sum(1 for score in scores if score >= COUNT_FLOOR)


_lock = threading.Lock()
_loaded: Detector | None = None
_missing = False


def detector() -> Detector | None:
    """The committed model, loaded once per process (None if the weights file is absent)."""
    global _loaded, _missing
    override = _using.get()
    if override is not None:
        return override
    if _loaded is None and not _missing:
        with _lock:
            if _loaded is None and not _missing:
                if WEIGHTS_PATH.exists():
                    _loaded = Detector.load(WEIGHTS_PATH)
                else:
                    _missing = True
    return _loaded


_rules_only = contextvars.ContextVar("policy_rules_only", default=False)
_using: contextvars.ContextVar[Detector | None] = contextvars.ContextVar("policy_detector", default=None)


class using:
    """``with using(model): assess(...)`` judges with ``model`` instead of the committed one
    (training chooses its thresholds this way)."""

    def __init__(self, model: Detector):
        self.model = model

    def __enter__(self):
        self._token = _using.set(self.model)
        return self.model

    def __exit__(self, *exc):
        _using.reset(self._token)
        return False


class rules_only:
    """``with rules_only(): assess(...)`` judges with the rules alone (training and reports)."""

    def __enter__(self):
        self._token = _rules_only.set(True)
        return self

    def __exit__(self, *exc):
        _rules_only.reset(self._token)
        return False


def _locate(markdown: str, sentence: str, start: int) -> tuple[int, int]:
    i = markdown.find(sentence, start)
    if i < 0:
        i = markdown.find(sentence)
    return (i, i + len(sentence)) if i >= 0 else (-1, -1)


def combine(assessed: str, rules_claim: bool, *, author_text: str | None = None,
            testimony: list[tuple[int, int]] = (),
            claims: list[tuple[int, int]] | None = None) -> tuple[bool, tuple[FlaggedSentence, ...]]:
    """The answer's claim decision from the rules' decision and the model's verdict.

    A claim when one of the model's sentences reaches the answer's claim threshold
    (:meth:`Detector.answer_threshold`: higher for an answer with more sentences), or when
    the rules found one and the model is not sure it is none: a sentence the rules read as a
    claim (``claims``, offsets into ``assessed``) reaches the lower *clear* threshold.  The
    rules' claim is judged by the model's score of that sentence, not by the best sentence
    elsewhere in the answer: a long answer with a rule match in one sentence and a warm,
    claim-like sentence in another is not a claim for it (and a rules' claim in a sentence the
    model does not score, under three words, does not stand, as before).  Without ``claims``
    every sentence counts as a rules' claim sentence.
    ``assessed`` is the text the assessment's offsets refer to (the visible text, or the
    Markdown source on the older entry); ``author_text`` is the visible text without quotes
    when the pipeline has it, otherwise it is derived from ``assessed`` read as Markdown.
    ``testimony``: offsets of the rules' first-person framing ("bij mij", "ik slik"): a
    sentence told as one's own experience is left to the rules (they know when testimony
    turns into a generalisation), so the model alone does not make it a claim.  Without a
    model (weights missing, or inside :class:`rules_only`) the rules decide alone.
    """
    model = None if _rules_only.get() else detector()
    if model is None:
        return rules_claim, ()
    if author_text is None:
        verdict = model.verdict(assessed)
    else:
        verdict = model.verdict(text=visible_author_text(author_text))
    record = _recording.get()
    if record is None:
        # only the sentences that reach a threshold can change the decision: place only those
        low = min(verdict.threshold, model.clear_threshold if rules_claim else 1.0)
        view = _view(assessed, [s for s in verdict.scored if s[1] >= low], testimony, claims, model)
    else:
        view = _view(assessed, verdict.scored, testimony, claims, model)
        record.append((tuple(v[3:] for v in view), rules_claim))
    claim, flagged = decide([v[3:] for v in view], rules_claim, verdict.threshold, model.clear_threshold)
    return claim, tuple(FlaggedSentence(text=view[i][0], score=view[i][3], start=view[i][1], end=view[i][2])
                        for i in flagged)[:MAX_FLAGGED]


# Testimony that turns to others in the same sentence: advice, a rule for everyone, or a myth
# debunked ("bij mij werkte het, dus probeer het gewoon", "it doesn't make you fat, that's a
# myth"). Such a sentence is not only the author's own story (the spec: advice to others and
# generalisations are claims), so the model's score decides it like any other sentence.
_TURNS_TO_OTHERS_RE = re.compile(r"""\b(?:
    iedereen\ (?:zou|moet|moeten|kan|kun|kunt|hoeft) | (?:zou|moet|moeten|kan|kun)\ iedereen
  | (?:voor|bij)\ iedereen | elke\ (?:vrouw|man|mens|moeder|ouder) | niemand\ hoeft
  | (?:je|jij|u|jullie)\ (?:moet|moeten|zou|zouden|hoeft|hoeven)\b | moet(?:en)?\ (?:je|jij|u|jullie)\b
  | zou\ ik\b | raad\ ik | aanrader | aan\ te\ raden | gewoon\ doen
  | ik\ zou\ (?:het|dat|die|deze|maar|er)\ (?:\w+\ )?(?:proberen|doen|nemen|aanraden|gebruiken)
  | probeer\ (?:het|dat|die|maar|gewoon|eens)
  | dus\ (?:gewoon\ |maar\ |echt\ |zeker\ )?(?:neem|probeer|stop|ga|doe|slik|drink|eet|laat|begin|koop)\b
  | fabel(?:tje)? | mythe | broodje\ aap | onzin
  | (?:everyone|everybody|anyone|anybody)\ (?:should|must|needs|has\ to|can)\b
  | (?:for|works\ for)\ (?:everyone|everybody) | every\ (?:woman|man|person|parent|mum|mom)
  | you\ (?:should|must|need\ to|have\ to|gotta)\b | should\ (?:try|take|do|stop|give|use)\b
  | i'?d\ (?:recommend|say\ try|definitely|totally)\b | i\ (?:would|highly)\ recommend | highly\ recommend
  | just\ do\ it | try\ it\b | give\ it\ a\ (?:try|go|shot) | myth | nonsense
  | so\ (?:just\ )?(?:skip|take|try|stop|go|get|quit|cut|drink|eat|run|ditch|avoid)\b
)""", re.X)


def turns_to_others(sentence: str) -> bool:
    """Whether a sentence gives advice, a rule for everyone or a debunked myth (folded words)."""
    return _TURNS_TO_OTHERS_RE.search(fold(sentence)) is not None


_CLAUSE_RE = re.compile(r"[,;:]\s+|\s+(?=(?:daarom|dus|maar|want|omdat|and|but|so|because)\s)", re.I)


def _general_clause(model, text: str, start: int, testimony) -> bool:
    """Whether a clause of the sentence ``text`` (at ``start``) outside the first-person framing
    reads as a claim on its own: "die griepprik geeft je juist griep, daarom neem ik hem nooit"
    tells one's own choice and states something general."""
    position = 0
    for piece in _CLAUSE_RE.split(text):
        at = text.find(piece, position)
        position = at + len(piece)
        s, e = start + at, start + at + len(piece)
        if (len(_tokens(piece)) >= MIN_WORDS and not any(ts < e and s < te for ts, te in testimony)
                and model.sentence_score(piece) >= model.claim_threshold):
            return True
    return False


def _view(assessed, scored, testimony, claims, model=None):
    """(sentence, start, end, score, told as own experience, read as a claim by the rules) per
    sentence of ``scored``, placed in ``assessed`` in order.  Without ``claims`` (a caller that
    does not say which sentences the rules read as claims) every sentence counts as one.  A
    sentence is told as own experience when the rules' first-person framing is in it, unless it
    turns to others or (with ``model``) one of its other clauses states a claim by itself."""
    rows, pos = [], 0
    for text, score in scored:
        start, end = _locate(assessed, text, pos)
        own, rule = False, claims is None
        if end > 0:
            pos = end
            own = (any(s < end and start < e for s, e in testimony) and not turns_to_others(text)
                   and not (model is not None and _general_clause(model, text, start, testimony)))
            rule = rule or any(s < end and start < e for s, e in claims)
        rows.append((text, start, end, score, own, rule))
    return rows


def decide(view, rules_claim: bool, threshold: float, clear: float) -> tuple[bool, list[int]]:
    """The decision on one answer from its sentences ``(score, own experience, rules' claim)``:
    ``(claim, indexes of the flagged sentences)``.  A sentence at or above ``threshold`` that is
    not told as one's own experience makes the answer a claim; the rules' claim stands when a
    sentence the rules read as a claim reaches ``clear``.  The one definition that assess and
    the threshold search of training share."""
    flagged = [i for i, (score, own, _rule) in enumerate(view) if score >= threshold and not own]
    if flagged:
        return True, flagged
    return rules_claim and any(rule and score >= clear for score, _own, rule in view), flagged


_recording: contextvars.ContextVar[list | None] = contextvars.ContextVar("policy_recording", default=None)


class recording:
    """``with recording() as seen: assess(...)``: ``seen`` gets, per assessed answer with a
    model, its sentence view and the rules' decision (for the threshold search in training)."""

    def __enter__(self):
        self.seen: list = []
        self._token = _recording.set(self.seen)
        return self.seen

    def __exit__(self, *exc):
        _recording.reset(self._token)
        return False
