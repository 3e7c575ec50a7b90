"""Unicode normalisation of visible text, so hidden tricks do not hide words from the policy.

``normalise(text)`` is what readers *see*, spelled the way the rules are written:

* Unicode NFKC (fullwidth ``ｇｅｎｅｅｓｔ`` -> ``geneest``, ligatures, compatibility forms);
* default-ignorable code points removed (zero-width space/joiners, soft hyphen, word joiner,
  bidi controls, variation selectors, the combining grapheme joiner, Hangul fillers, tag
  characters): a browser draws none of them, so ``gen\\u200beest`` reads as ``geneest``;
* the Braille blank (U+2800) and other odd spaces become a plain space, odd line separators a
  line break;
* look-alike letters from other scripts (Cyrillic ``е``, Greek ``ο``, Cherokee, ...) folded to the
  Latin letter they imitate, using Unicode's confusables data as shipped by the
  ``confusable-homoglyphs`` package (read from the installed package, never downloaded).

Standard library at run time plus that package's data file; no Django.  Lengths change, so
offsets into normalised text are offsets into the normalised text only.
"""

from __future__ import annotations

import json
import string
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["normalise", "DEFAULT_IGNORABLE_RANGES"]

#: Default_Ignorable_Code_Point (Unicode DerivedCoreProperties.txt), as inclusive ranges.
DEFAULT_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
# Shown as blank space although Unicode does not call them spaces (or NFKC leaves them alone).
_ODD_SPACES = (0x2800, 0x00A0, 0x1680, 0x180E, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
               0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000, 0x0009, 0x000B, 0x000C)
_LINE_BREAKS = (0x2028, 0x2029, 0x0085, 0x000D)
_ASCII_TARGETS = frozenset(string.ascii_letters + string.digits)


def _confusable_table() -> dict[int, str]:
    """Non-ASCII characters that Unicode lists as confusable with one ASCII letter or digit."""
    data = json.loads(resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8"))
    table: dict[int, str] = {}
    for char, glyphs in data.items():
        if len(char) != 1 or char.isascii():
            continue
        candidates = [g["c"] for g in glyphs if g["c"] in _ASCII_TARGETS]
        if not candidates:
            continue
        if unicodedata.category(char).startswith("L"):
            # a letter should become a letter of the same case (Greek capital iota is "I", not "l")
            same_case = [c for c in candidates if c.isalpha() and c.isupper() == char.isupper()]
            candidates = same_case or [c for c in candidates if c.isalpha()] or candidates
            if char.isupper() and candidates[0] == "l":
                candidates = ["I"]  # Unicode's skeleton of I is l; ours keeps capitals capital
        table[ord(char)] = candidates[0]
    return table


@lru_cache(maxsize=1)
def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = dict(_confusable_table())
    for cp in _ODD_SPACES:
        table[cp] = " "
    for cp in _LINE_BREAKS:
        table[cp] = "\n"
    table[0x000D] = None  # "\r\n" is one line break
    for low, high in DEFAULT_IGNORABLE_RANGES:
        for cp in range(low, high + 1):
            table[cp] = None
    return table


def normalise(text: str) -> str:
    """Text as a reader sees it, in plain letters (see the module docstring). Linear time."""
    if not text:
        return ""
    if text.isascii():
        if "\r" in text or "\t" in text or "\x0b" in text or "\x0c" in text:
            return text.translate(_table())
        return text
    return unicodedata.normalize("NFKC", text).translate(_table())
