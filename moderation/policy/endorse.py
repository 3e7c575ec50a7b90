"""Endorsed quotes: a quoted claim the author agrees with is the author's claim.

A block quote is someone else's words (:mod:`moderation.policy.visible` keeps it out of the
author text), but a member who quotes a claim and writes "precies dit", "dit klopt",
"exactly this" or "+1, this is true" under it says it again in their own name.  A quote the
author questions ("klopt dit?", "is that true?") or contradicts ("dit klopt niet") stays
someone else's.

:func:`own_words` returns the document with every endorsed quote moved into the author's
words; the rules and the learned detector then read it like any other sentence of the
author.  An endorsement is a short agreeing sentence of the author's own, not a question,
without a negation next to the agreeing words, among the first two sentences after a quote
(it endorses that quote) or the line that introduces one ("Exactly this:").
"""

from __future__ import annotations

import re

from .reported import doubted_reports
from .text import PLAIN_SENTENCE_RE, fold
from .visible import VisibleDocument

__all__ = ["endorsements", "own_words"]

# Phrases on the folded text (lower case, no diacritics).  Each is agreement with what was
# said, not a statement of its own: "klopt" alone is not enough ("klopt het dat ..." asks).
_END = r"(?=\s*(?:[.,!;:)]|$))"  # the agreeing words end their clause ("het is zo." but not "het is zo zwaar")
_AGREE = r"""
    precies\s+(?:dit|dat|wat\s+(?:hij|zij|ze|je|jij|u)\s+(?:zegt|zei|schrijft|schreef))
  | (?:dit|dat)\s+dus\b
  | (?:dit|dat|het|wat\s+(?:hij|zij|ze|je|jij|u)\s+(?:zegt|zei|schrijft|schreef))\s+klopt
        (?:\s+(?:echt|gewoon|helemaal|precies|100\s*%))*""" + _END + r"""
  | klopt\s+(?:helemaal|precies|als\s+een\s+bus|echt|gewoon)
  | (?:helemaal|volledig|volkomen|compleet)\s+(?:mee\s+)?eens
  | ben\s+het\s+(?:er\s+)?(?:helemaal\s+|volledig\s+)?(?:mee\s+)?eens
  | kan\s+(?:ik\s+)?(?:dit|dat|het\s+)?(?:alleen\s+maar\s+)?(?:bevestigen|beamen|onderschrijven)
  | (?:dit|dat|het)\s+is\s+(?:(?:echt|gewoon|helemaal|zo|100\s*%|de)\s+)*(?:waar|zo|juist|correct|waarheid)""" + _END + r"""
  | (?:helemaal|100\s*%|zo)\s+waar""" + _END + r"""
  | zo\s+(?:is|zit)\s+het(?:\s+(?:echt|gewoon|precies))*""" + _END + r"""
  | exactly\s+(?:this|that|right|what\s+(?:she|he|they|you|u)\s+(?:said|says|wrote))
  | this\s+exactly
  | (?:this|that|it)\s*(?:is|'s|s)\s+(?:(?:so|just|absolutely|totally|completely|really|simply|100\s*%)\s+)*
        (?:true|right|correct|a\s+fact|spot\s+on|how\s+it\s+is)""" + _END + r"""
  | (?:so|100\s*%|completely|totally|absolutely|very)\s+(?:true|right|correct)""" + _END + r"""
  | (?:totally|completely|fully|strongly)\s+agree
  | (?:i\s+)?(?:can\s+)?(?:only\s+)?confirm\s+(?:this|that)
  | can\s+(?:only\s+)?confirm
  | spot\s+on
  | ^\W*what\s+(?:she|he|they|you|u)\s+(?:said|says|wrote)
  | (?<![\w+])\+1(?!\d)
"""
# A whole sentence that is nothing but agreement: "Dit.", "This.", "Eens.", "Agreed!", "Idd."
_BARE = r"(?:dit|this|eens|agreed|agree|yes|yep|ja|idd|inderdaad|true|waar|klopt|dit\s+ja|this\s+one)"
_AGREE_RE = re.compile(r"(?<!\w)(?:" + _AGREE + r")", re.X)
_BARE_RE = re.compile(r"\s*[\W_]*" + _BARE + r"[\s.!]*$")
# agreement turned around: "niet helemaal mee eens", "dit klopt niet", "not exactly this", "isn't true"
_NEGATION_RE = re.compile(r"(?<!\w)(?:niet|geen|nooit|not|never|n't|nt|dont|doesnt|isnt|aint|no)(?!\w)")
#: An endorsement is a short sentence: a long one that happens to contain "dat klopt" says more.
MAX_WORDS = 25


def _agrees(sentence: str) -> bool:
    if sentence.rstrip().endswith("?") or len(sentence.split()) > MAX_WORDS:
        return False
    if _BARE_RE.match(sentence):
        return True
    for m in _AGREE_RE.finditer(sentence):
        around = sentence[max(0, m.start() - 12):m.end() + 14]
        if not _NEGATION_RE.search(around):
            return True
    return False


def endorsements(doc: VisibleDocument, folded: str | None = None) -> set[int]:
    """Indexes into ``doc.quotes`` of the quotes the author agrees with (none without quotes);
    ``folded``: ``fold(doc.text)`` when the caller has it."""
    if not doc.quotes:
        return set()
    folded = fold(doc.text) if folded is None else folded
    endorsed = set()
    position = 0
    bounds = [*doc.quotes, (len(folded), len(folded))]
    for n, (start, end) in enumerate(bounds):
        # (no sentence between two quotes that only line breaks and . ! ? part: 4,000 quotes in a row)
        sentences = list(PLAIN_SENTENCE_RE.finditer(folded, position, start)) if folded[position:start].strip(".!?\n") else []
        # agreement is with what was just said: the first two sentences after a quote agree
        # with it, the line that introduces a quote ("Exactly this:") with the one it opens
        if n and any(_agrees(m.group()) for m in sentences[:2]):
            endorsed.add(n - 1)
        if (n < len(doc.quotes) and sentences and sentences[-1].group().rstrip().endswith(":")
                and _agrees(sentences[-1].group())):
            endorsed.add(n)
        position = end
    return endorsed


def own_words(doc: VisibleDocument) -> VisibleDocument:
    """``doc`` with each quote the author endorses counted as the author's own words, and each
    report of someone else's claim that the author doubts (:mod:`.reported`) as someone else's."""
    folded = fold(doc.text)
    endorsed = endorsements(doc, folded)
    kept = [q for i, q in enumerate(doc.quotes) if i not in endorsed]
    doubted = doubted_reports(folded, tuple(kept))
    if not endorsed and not doubted:
        return doc
    kept = tuple(sorted(kept + doubted))
    text = doc.text
    pieces, position = [], 0
    for start, end in kept:
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    author = re.sub(r"\n{3,}", "\n\n", "\n\n".join(p.strip("\n") for p in pieces if p.strip())).strip()
    quoted = "\n\n".join(text[s:e] for s, e in kept)
    return VisibleDocument(text=text, author_text=author, links=doc.links, quoted_text=quoted, quotes=kept)
