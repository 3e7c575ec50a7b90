"""Text helpers: length-preserving folding, sentence spans, language guess.

Everything works on *offsets*: :func:`fold` maps every character to exactly
one character, so an offset into the folded text is an offset into the
original text.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "sentence_spans", "detect_language", "blank_spans"]


#: A run of text up to and including its closing . ! ? (or a line end): what endorse.py and
#: reported.py call a sentence when they look at the sentences around a quote or a report.
PLAIN_SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?]*")

def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = [range(0x41, 0x5B), range(0xC0, 0x250), range(0x1E00, 0x1F00)]
    for rng in ranges:
        for cp in rng:
            ch = chr(cp)
            base = "".join(c for c in unicodedata.normalize("NFKD", ch)
                           if not unicodedata.combining(c)).lower()
            if len(base) != 1:
                low = ch.lower()
                base = low if len(low) == 1 else ch
            if base != ch:
                table[cp] = base
    special = {
        0x00A0: " ",  # no-break space
        0x2007: " ", 0x2009: " ", 0x200A: " ", 0x202F: " ", 0x3000: " ",
        0x00AD: "-",  # soft hyphen
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-",
        0x2212: "-",  # minus sign
        0x00D7: "x",  # multiplication sign: 2,3x hoger
        0x00B5: "u", 0x03BC: "u",  # micro sign / Greek mu: µg -> ug
        0x2018: "'", 0x2019: "'", 0x201B: "'", 0x00B4: "'", 0x0060: "`",
        0x201C: '"', 0x201D: '"', 0x201E: '"',
        0x2026: ".",  # ellipsis counts as a full stop
        0xFF05: "%", 0x2030: "%",
        0x00DF: "\u00df",  # keep sharp s
    }
    table.update({cp: s for cp, s in special.items()})
    # never map to more than one character
    return {cp: s for cp, s in table.items() if len(s) == 1}


_FOLD_TABLE = _build_fold_table()


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")


def _fold_run(m: re.Match) -> str:
    return m.group().translate(_FOLD_TABLE)


def fold(text: str) -> str:
    """Lower-case and strip diacritics, one character for one character.

    ``len(fold(t)) == len(t)`` always holds, so offsets are shared.
    """
    low = text.lower()
    if low.isascii():
        return low
    if len(low) != len(text):  # e.g. "İ".lower() has two characters
        low = text.translate(_FOLD_TABLE)
        return "".join(c.lower() if len(c.lower()) == 1 else c for c in low)
    return _NON_ASCII_RE.sub(_fold_run, low)


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each ``(start, end)`` span by spaces (length preserving)."""
    if not spans:
        return text
    parts = []
    pos = 0
    for s, e in sorted(spans):
        if e <= pos:
            continue
        s = max(s, pos)
        parts.append(text[pos:s])
        parts.append(" " * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


# --- sentences -------------------------------------------------------------

# A sentence ends at a run of . ! ? followed by a non-word character (so
# "thuisarts.nl" and "2.3" do not split), or at a line break.  A single dot
# after a known abbreviation ("bijv.", "o.a.", "e.g.") does not end one.
_ABBREVIATIONS = """
    bijv bv b.v vb v.b o.a m.a.w d.w.z e.g i.e etc ca dr drs prof mr mevr dhr vs
    evt resp incl excl zgn enz nr vgl cf fig approx ong st a.u.b aub jl jr sr
""".split()
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in _ABBREVIATIONS)
_BOUNDARY_RE = re.compile(
    r"[!?][.!?]*(?=\W|\Z)"
    r"|\.[.!?]+(?=\W|\Z)"
    r"|\.(?=\W|\Z)" + _NOT_AFTER +
    r"|\n"
)


def sentence_spans(text: str) -> list[tuple[int, int, bool]]:
    """Split folded text into ``(start, end, ends_with_question_mark)`` spans.

    ``end`` includes the closing punctuation.  Whitespace-only pieces are
    dropped.
    """
    spans: list[tuple[int, int, bool]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        end = m.end()
        if not text[start:end].isspace():
            spans.append((start, end, "?" in m.group()))
        start = end
    if start < len(text) and not text[start:].isspace():
        spans.append((start, len(text), False))
    return spans


# --- language --------------------------------------------------------------

_NL_WORDS = """de het een en ik je jij niet dat die van op te met voor maar bij ook zijn heb
hebt heeft mijn wat er naar nog wel geen dit deze als om kan zo dan nu mij hij zij ze
veel echt goed omdat want door uit tegen ben wordt worden heel erg jouw jullie wij onze
ons hem haar hun waar hoe wie waarom welke iets niets alles altijd nooit misschien
gewoon toch even zelf eens al na tot gaat gaan doen doe ga kun kunt kunnen moet moeten
zou zouden weet weten denk vind hoop bedankt sterkte""".split()
_EN_WORDS = """the and i you not that this of on to with for but at also are have has my
what it it's they be been from just really if do does don't would about there which
your very more some any can't i'm i've you're we our them their when how why who
because than then only much many should could will myself anyone someone thanks
thank hope feel think know""".split()
_NL_SET = frozenset(_NL_WORDS)
_EN_SET = frozenset(_EN_WORDS)
_WORD_TOKEN_RE = re.compile(r"[a-z][a-z']*")
_LANG_SAMPLE = 4000


def detect_language(folded: str, default: str = "nl") -> str:
    """Guess "nl" or "en" by counting common stop words (ties -> default)."""
    words = _WORD_TOKEN_RE.findall(folded, 0, min(len(folded), _LANG_SAMPLE))
    nl = en = 0
    for w in words:
        if w in _NL_SET:
            nl += 1
        elif w in _EN_SET:
            en += 1
    if en > nl:
        return "en"
    if nl > en:
        return "nl"
    return default
