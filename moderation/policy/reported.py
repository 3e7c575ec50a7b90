"""Reported and doubted: someone else's claim that the author passes on in order to doubt it.

The spec makes a claim "quoted or reported in order to ask about or doubt it" someone else's:
"iemand op het schoolplein zei dat dat middel de groei remt. Ik weet niet of dat klopt." The
quote of a block quote is marked by its ``>``; a report is marked by its words: a sentence that
says someone else said, claims or wrote it ("mijn schoonmoeder zegt dat …", "I read that …"),
and doubt in that sentence or the next one ("ik weet niet of dat klopt", "is that true?",
"klinkt als onzin"). :func:`doubted_reports` finds those sentences;
:func:`moderation.policy.endorse.own_words` then keeps them out of the author's words, like a
quote that is not endorsed. A report without doubt is passed on as true and stays the author's
claim ("volgens mijn huisarts helpt het"), and so does doubt turned around ("ik twijfel er niet
aan", "no doubt").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .text import PLAIN_SENTENCE_RE

__all__ = ["doubted_reports"]

# On folded text (lower case, no diacritics). Someone else as the source of what follows.
_SOMEONE = r"""(?:iemand|mensen|men|ze|zij|hij|sommigen|sommige\s+\w+|veel\s+\w+|mijn\s+\w+|m'?n\s+\w+
    |de\s+(?:buurvrouw|buurman|juf|meester|trainer|kapper)|een\s+(?:vriendin|vriend|collega|kennis|moeder|vader)
    |someone|somebody|people|they|he|she|my\s+\w+|a\s+(?:friend|colleague|neighbou?r|mate|guy|woman|mum|mom)
    |some\s+\w+|(?:the|a)\s+(?:lady|guy|woman|man|teacher|coach|trainer)\s+(?:at|in|on|from)\s+\w+(?:\s+\w+)?)"""
_SAYS = r"""(?:zei|zegt|zeggen|zeiden|beweert|beweren|beweerde|claimt|claimde|vertelde|vertelt|schreef|schrijft
    |riep|roept|zweert|zwoer|denkt|dacht|gelooft|said|says|say|told\s+me|tells\s+me|claims|claimed|swears|swore
    |wrote|writes|reckons|thinks|believes|insists)"""
_REPORT_RE = re.compile(r"""(?<!\w)(?:
    """ + _SOMEONE + r"""(?:\s+[\w'-]+){0,8}?\s+""" + _SAYS + r"""(?!\w)
  | ik\s+(?:las|lees|hoorde|hoor|zag)(?!\w) | (?:las|hoorde|zag)\s+ik(?!\w) | ik\s+heb\s+(?:gelezen|gehoord)(?!\w)
  | (?:op|via)\s+(?:internet|facebook|insta(?:gram)?|tiktok|youtube|het\s+schoolplein|een\s+forum|reddit)(?!\w)
  | ze\s+zeggen | er\s+wordt\s+(?:gezegd|beweerd) | je\s+hoort\s+(?:vaak|wel|overal)
  | i\s+(?:read|heard|saw)(?!\w) | i'?ve\s+(?:read|heard|seen)(?!\w) | (?:on|from)\s+(?:facebook|tiktok|instagram|reddit|the\s+internet)(?!\w)
  | apparently | supposedly | according\s+to | word\s+is
)""", re.X)
# Doubt about what was reported. Not after a negation: "ik twijfel er niet aan", "no doubt".
_DOUBT_RE = re.compile(r"""(?<!\w)(?:
    klopt\s+(?:dat|dit|het)(?:\s+\w+){0,2}\s*\? | (?:is|zou)\s+(?:dat|dit|het)\s+(?:echt\s+|wel\s+)?(?:waar|zo)\b[^.!]*\?
  | (?:weet|snap|vraag)\s+(?:ik\s+)?(?:niet|me\s+af)\s+of | ik\s+weet\s+niet\s+(?:of|wat)
  | (?<!geen\s)twijfel(?!\s+(?:er\s+)?(?:niet|geen)) | geloof\s+(?:ik|ik\s+er)\s+(?:niks|niets|niet)(?!\s+aan\s+te\s+twijfelen)
  | (?:geloof|vertrouw)\s+(?:dat|het)\s+niet | praatjes | kletskoek | broodje\s+aap | fabeltje\?
  | klinkt\s+(?:mij\s+)?(?:als\s+)?(?:onzin|raar|sterk|overdreven|vaag) | (?:weet|heeft)\s+iemand\s+(?:of|hier\s+ervaring)
  | niet\s+zeker\s+of | sceptisch | skeptisch
  | is\s+(?:that|this|it)\s+(?:actually\s+|really\s+|even\s+)?true | (?:not|never)\s+sure\s+(?:if|whether|about)
  | (?:don'?t|do\s+not)\s+know\s+(?:if|whether) | (?<!no\s)(?<!dont\s)(?<!don't\s)doubt(?!less) | sceptical | skeptical
  | sounds\s+like\s+(?:nonsense|rubbish|bs|bull|a\s+myth|an\s+old\s+wives) | is\s+there\s+(?:any\s+)?(?:truth|evidence|science)
  | (?:does\s+)?any(?:one|body)\s+know\s+if | wonder(?:ing)?\s+if | can\s+that\s+be\s+right | (?:^|\s)really\?
  | (?:i\s+)?(?:don'?t|do\s+not)\s+(?:believe|buy)\s+(?:it|that|this)
)""", re.X | re.M)


def doubted_reports(folded: str, quotes: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """Spans of the sentences of ``folded`` (outside ``quotes``) that report someone else's words
    and are doubted in the same sentence, after the report, or in the next sentence."""
    found = _REPORT_RE.search(folded)
    if not found:
        return []
    starts, ends = _merged(quotes)
    sentences = [m for m in PLAIN_SENTENCE_RE.finditer(folded)
                 if not _inside(starts, ends, m.start()) and m.group().strip()]
    out = []
    for i, m in enumerate(sentences):
        # A report inside a sentence is one in the whole text at the same place (a sentence starts
        # after a line break or . ! ?, and a report ends in a letter), so the next report in the
        # text from here tells which sentences hold none: one pass instead of one per sentence.
        if found is not None and found.start() < m.start():
            found = _REPORT_RE.search(folded, m.start())
        if found is None:
            break
        if found.start() >= m.end():
            continue
        report = _REPORT_RE.search(m.group())
        if report is None:
            continue
        after = m.group()[report.end():]
        following = sentences[i + 1].group() if i + 1 < len(sentences) else ""
        if _DOUBT_RE.search(after) or _DOUBT_RE.search(following):
            out.append(m.span())
    return out


def _merged(spans) -> tuple[list[int], list[int]]:
    """The starts and ends of the union of the ``(start, end)`` spans, sorted: a sentence is looked up
    by bisection, not compared with every quote (2,000 quotes and a report took 450 ms)."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if starts and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _inside(starts: list[int], ends: list[int], position: int) -> bool:
    i = bisect_right(starts, position) - 1
    return i >= 0 and position < ends[i]
