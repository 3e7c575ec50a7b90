"""The quick reading of plain sanitised HTML, beside moderation.policy.visible's reader (see there)."""

from __future__ import annotations

import re
from bisect import bisect_right

from .document import BLOCK, HIDDEN, MARKERS, SPACE_RUN, VisibleDocument, VisibleLink, tidy
from .normalise import normalise

# Sanitised HTML with no image, quote or code, whose links have plain text and no title (most long posts,
# and the crafted shapes that make the most elements), is read with a few substitutions over the whole
# text instead of one callback per tag: the same document (a test compares it with html.parser's
# reading), without the per-tag cost.
_HIDDEN_NAMES = "|".join(sorted(HIDDEN))
_BLOCK_NAMES = "|".join(sorted(BLOCK, key=len, reverse=True))
_NOT_PLAIN = re.compile(rf"<(?:img|{_HIDDEN_NAMES})(?=[\s/>])|&(?!(?:amp|lt|gt|nbsp|quot);)")
_LINK_START = re.compile(r"<a(?=[\s/>])")
_PLAIN_LINK = re.compile(r'<a href="([^"]*)"(?: (?!title=)[a-z-]+="[^"]*")*>([^<]*)</a>')
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_NAMES})(?=[\s/>])[^>]*+>")
_CELL_TAG = re.compile(r"</?t[dh](?=[\s/>])[^>]*+>")
_BREAK_TAG = re.compile(r"<br(?=[\s/>])[^>]*+>")
_OTHER_TAG = re.compile(r"<[^>]*+>")


_UNTIDY = re.compile("[\t\n\r\f\ue000\ue001]|  ")


# The runs SPACE_RUN would change: a single space is left alone (on 200 kB, replacing each one by
# itself took 6 ms). Every match starts at a white-space character, so the engine skips to those (a
# pattern that may start with " *" is tried at every position: twice the time on 200 kB of links).
_FOLDED_SPACE = re.compile(r"(?:[\t\n\r\f]| (?=[ \t\n\r\f]))[ \t\n\r\f]*")


def _plain_text(data: str) -> str:
    data = _FOLDED_SPACE.sub(" ", data)
    return MARKERS.sub("", data) if "\ue000" in data or "\ue001" in data else data


def _plain_links(html: str, quoted_from: list[int] | None = None) -> list[VisibleLink] | None:
    """The links of plain sanitised HTML; None when one of them is not plain (a title, markup inside).

    ``quoted_from``: the offsets where the outermost quotes start and end, alternately (a link is
    quoted when an odd number of them lie before it)."""
    links = list(_PLAIN_LINK.finditer(html)) if "<a" in html else []
    if len(links) != len(_LINK_START.findall(html)):
        return None
    found = []
    for link in links:
        href, inner = link.groups()
        words = _unescape_sanitised(inner)
        if _UNTIDY.search(words):
            words = _plain_text(words)
        words = normalise(words).strip()
        if _UNTIDY.search(words):
            words = SPACE_RUN.sub(" ", words)
        quoted = bool(quoted_from) and bisect_right(quoted_from, link.start()) % 2 == 1
        found.append(VisibleLink(href=_unescape_sanitised(href).strip(), text=words, quoted=quoted))
    return found


def _plain_words(html: str) -> str:
    """The words of plain sanitised HTML with the reader's boundaries, before tidying."""
    flat = _plain_text(html.replace(">\n<", "> <"))  # a line break between tags: handle_data's space
    flat = _OTHER_TAG.sub("", _BREAK_TAG.sub("\n", _CELL_TAG.sub(" ", _BLOCK_TAG.sub("\n", flat))))
    return _unescape_sanitised(flat)


def _unescape_sanitised(text: str) -> str:
    """html.unescape of the plain shape's text, whose only references are the five _NOT_PLAIN allows:
    plain replacements, where unescape calls a function per reference (15 ms on 20,000 "&")."""
    if "&" not in text:
        return text
    for reference, character in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&nbsp;", "\xa0")):
        if reference in text:
            text = text.replace(reference, character)
    return text.replace("&amp;", "&")


_QUOTE_TAG = re.compile(r"(</?blockquote>)")


def plain_html_document(html: str) -> VisibleDocument | None:
    """The document of plain sanitised HTML (see above); None when the HTML is not that plain.

    Block quotes are read as the reader reads them: the outermost ones are marked in the text and
    make quoted_text, their links are quoted, and every quote tag is a boundary of each text."""
    if _NOT_PLAIN.search(html):
        return None
    if "<blockquote>" not in html:
        links = _plain_links(html)
        if links is None:
            return None
        text = tidy([_plain_words(html)])
        return VisibleDocument(text=text, author_text=text, links=tuple(links))
    if "\x00" in html:
        return None  # NUL joins the pieces below
    # The texts between quote tags, read and tidied in one go; every quote tag is at least an empty
    # line between two of them, as the reader's boundaries make it.
    pieces = _QUOTE_TAG.split(html)  # text, quote tag, text, …
    texts = [text.strip() for text in tidy([_plain_words("\x00".join(pieces[::2]))]).split("\x00")]
    if len(texts) != len(pieces[::2]):
        return None  # normalising took a NUL (it keeps them today)
    every, author, quoted, quotes, quoted_from = [], [], [], [], []
    depth, length, start, offset = 0, 0, None, 0
    for index, text in enumerate(texts):
        if index:
            tag = pieces[2 * index - 1]
            if tag[1] != "/":
                depth += 1
                if depth == 1:
                    start = None  # the quote starts at its first text
                    quoted_from.append(offset)
            elif depth:
                depth -= 1
                if depth == 0:
                    if start is not None:
                        quotes.append((start, length))
                    quoted_from.append(offset)
            offset += len(tag)
        offset += len(pieces[2 * index])
        if text:
            length += 2 * bool(every)
            if depth and start is None:
                start = length
            every.append(text)
            length += len(text)
            (quoted if depth else author).append(text)
    if depth and start is not None:
        quotes.append((start, length))
    links = _plain_links(html, quoted_from)
    if links is None:
        return None
    return VisibleDocument(text="\n\n".join(every), author_text="\n\n".join(author), links=tuple(links),
                           quoted_text="\n\n".join(quoted), quotes=tuple(quotes))
