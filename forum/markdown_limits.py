"""What one post's HTML may make, whatever its Markdown: elements nested at most 100 deep, at most 500
table rows. Both bound the work of the sanitiser and the health-claim policy after it (forum.markdown
applies them to cmark-gfm's HTML before nh3); neither drops a word.
"""

import re

import numpy as np

# The sanitiser's HTML parser checks the open elements on each new block, so 20,000 ">" (20,000
# nested quotes) or "<ul><li>" repeated took seconds. Elements nested deeper than this are
# dropped before sanitising (their words stay); no post a person writes comes near it.
_NESTING_LIMIT = 100
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# One step of depth per start tag, back one per end tag; the void elements cmark-gfm writes are no step
# (others, from raw HTML, only make the count err on the deep side). Each match is "/" for an end tag
# and the name's first letter for a start tag.
_TAG_STEP = re.compile(r"<(/(?!br[\s/>]|img[\s/>]|hr[\s/>])(?=[a-zA-Z])|(?!br[\s/>]|img[\s/>]|hr[\s/>])[a-zA-Z])")
_ANY_TAG = re.compile(r"""(</?[a-zA-Z][a-zA-Z0-9]*+(?:[^>"']++|"[^"]*+"|'[^']*+')*+>)""")
# The tags of _ANY_TAG, joined by NUL (which cmark-gfm never writes), turned into one letter each.
_END_TAG = re.compile(r"</[^\x00]*+")
_VOID_TAG = re.compile(rf"<(?i:{'|'.join(sorted(_VOID))})[^\x00]*+")
_START_TAG = re.compile(r"<[^\x00]*+")


# The nesting members make on one line ("> > > …", "- - - …", "1. 1. 1. …"): a line starting with
# more than _NESTING_LIMIT quote or list markers keeps its first _NESTING_LIMIT when the rendered HTML
# is too deep, so the HTML to cut is small (20,000 ">" are 40,000 tags; cutting them took 25 ms).
_MARKER = r"[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))"
_DEEP_LINE = re.compile(rf"^((?:{_MARKER}){{{_NESTING_LIMIT}}})(?:{_MARKER})+", re.M)


def cut_deep_lines(text):
    """The Markdown with each line's quote and list markers past the _NESTING_LIMIT-th left out."""
    return _DEEP_LINE.sub(r"\1", text)


def _open_elements(steps):
    """How many elements are open after each step (+1 a start tag, -1 an end tag): the running sum,
    never below zero (an end tag with nothing open closes nothing). In numpy, not one Python step per
    tag: 20,000 nested quotes are 40,000 tags."""
    total = np.cumsum(steps, dtype=np.int64)
    return total - np.minimum(np.minimum.accumulate(total), 0)


def too_deep(html):
    """Whether elements of the HTML are nested deeper than _NESTING_LIMIT."""
    steps = "".join(_TAG_STEP.findall(html))
    if len(steps) <= _NESTING_LIMIT:
        return False
    ends = np.frombuffer(steps.encode("ascii"), np.uint8) == ord("/")
    return bool(_open_elements(1 - 2 * ends.astype(np.int64)).max() > _NESTING_LIMIT)


def flatten(html):
    """The HTML without the elements (start and end tags) nested deeper than _NESTING_LIMIT.

    An element is kept when it opens at depth _NESTING_LIMIT or less, counting open elements as
    _open_elements does; an end tag goes with the start tag it closes (the last one still open),
    and an end tag with nothing open stays."""
    parts = _ANY_TAG.split(html.replace("\x00", "\ufffd"))  # text, tag, text, tag, …, text
    kinds = "\x00".join(parts[1::2])
    kinds = _START_TAG.sub("o", _VOID_TAG.sub("v", _END_TAG.sub("e", kinds))).replace("\x00", "")
    kind = np.frombuffer(kinds.encode("ascii"), np.uint8)
    starts, ends = kind == ord("o"), kind == ord("e")
    after = _open_elements(starts.astype(np.int64) - ends)
    before = np.concatenate(([0], after[:-1]))
    dropped = (starts & (after > _NESTING_LIMIT)) | (ends & (before > _NESTING_LIMIT))
    for index in np.flatnonzero(dropped).tolist():
        parts[2 * index + 1] = ""
    return "".join(parts)


# A post shows its first _TABLE_ROWS table rows as rows; the rows after them follow their table as text,
# cells apart by " | " and rows by " / ", in paragraphs of about _ROWS_TEXT characters. Each row is two
# elements and a line for the sanitiser and the policy: 10,000 one-letter rows (20,000 characters) took
# 70 ms, and nobody reads a table of more than a few hundred rows in a post.
_TABLE_ROWS = 500
_ROWS_TEXT = 500
_CELL_START = re.compile(r'<t[dh](?: align="(?:left|center|right)")?>')
_TABLE_PARTS = ("<thead>\n", "</thead>\n", "<tbody>\n", "</tbody>\n", "<tr>")


def _rows_as_text(pieces):
    """Each piece of table HTML (rows, or a whole table's inside) as paragraphs of text, in one pass
    of replacements over all the pieces (they may be thousands of tables of a row each)."""
    text = _CELL_START.sub("", "\x00".join(pieces))
    for part in _TABLE_PARTS:
        text = text.replace(part, "")
    text = text.replace("</td>\n", " | ").replace("</th>\n", " | ").replace("</td>", "").replace("</th>", "")
    out = []
    for rows in text.replace("</tr>\n", " / ").split("\x00"):
        rows, paragraphs, position = rows.strip("\n").removesuffix(" / "), [], 0
        while position < len(rows):
            cut = rows.find(" / ", position + _ROWS_TEXT)
            paragraphs.append(f"<p>{rows[position:] if cut < 0 else rows[position:cut]}</p>\n")
            position = len(rows) if cut < 0 else cut + 3
        out.append("".join(paragraphs))
    return out


def cap_table_rows(html):
    """The HTML with the table rows past the post's first _TABLE_ROWS written as text."""
    if html.count("<tr>") <= _TABLE_ROWS:
        return html
    kept, as_text, position, rows_left = [], [], 0, _TABLE_ROWS
    while (start := html.find("<table>", position)) >= 0 and (end := html.find("</table>", start)) >= 0:
        rows = html.count("<tr>", start, end)
        if rows <= rows_left:
            rows_left -= rows
            kept.append(html[position : end + len("</table>")])
        elif rows_left == 0:
            kept += (html[position:start], None)
            as_text.append(html[start + len("<table>") : end])
        else:  # the header and rows_left - 1 rows of the body stay a table
            row = start
            for _ in range(rows_left + 1):
                row = html.find("<tr>", row + 1, end)
            kept += (html[position:row] + "</tbody>\n</table>\n", None)
            as_text.append(html[row:end])
            rows_left = 0
        position = end + len("</table>")
    kept.append(html[position:])
    texts = iter(_rows_as_text(as_text))  # each back where its table was
    return "".join(part if part is not None else next(texts) for part in kept)
