"""What a reader sees of a post: the visible text and the links they can follow.

``visible_document(html)`` reads *sanitised* HTML (the stored ``body_html``, see
``forum.markdown``) with the standard library's ``html.parser`` and returns a
:class:`VisibleDocument`:

* ``text``: every word a reader sees, image alt text and link/image titles included, code
  (inline and blocks) left out, in :func:`~moderation.policy.normalise.normalise`-d form;
* ``author_text``: the same without block quotes: a claim that only appears inside a quote
  is another person's claim, not the author's;
* ``quoted_text``: the text inside block quotes, and ``quotes``: their ``(start, end)`` offsets in
  ``text``;
* ``links``: each ``<a href>`` that survived sanitising, with its visible text.

Inline markup never splits a word (``ge<strong>nee</strong>st`` is ``geneest``, as on
screen); block elements, line breaks and table cells do.  Entities are decoded by the
parser.  Comments, ``<script>``/``<style>`` and anything the sanitiser dropped simply do not
exist here.  Standard library only (no Django): a contract of ``moderation.policy``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser

from .normalise import normalise

__all__ = ["VisibleDocument", "VisibleLink", "visible_document", "plain_document"]

_BLOCK = frozenset("""p div li ul ol dl dt dd blockquote pre h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr
caption hr section article aside header footer nav main figure figcaption details summary address
center""".split())
_CELL = frozenset(("td", "th"))
# content a reader never sees as text (code is not judged: people quote commands and logs)
_HIDDEN = frozenset("""script style template textarea noscript iframe object embed svg math title head
code pre select option""".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
# Private-use characters that mark where a quote starts and ends in the combined text while it is
# normalised and tidied; they are removed again and become the offsets in ``quotes``.
_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKERS = re.compile("[\ue000\ue001]")


@dataclass(frozen=True, slots=True)  # slots: half the cost of making one, and a post may have 2,500
class VisibleLink:
    """A link a reader can follow: its target and what it says on screen."""

    href: str
    text: str
    title: str = ""
    quoted: bool = False


@dataclass(frozen=True)
class VisibleDocument:
    """The visible text of a post (normalised) and its followable links."""

    text: str
    author_text: str
    links: tuple[VisibleLink, ...] = ()
    quoted_text: str = ""
    quotes: tuple[tuple[int, int], ...] = ()

    def with_title(self, title: str | None) -> VisibleDocument:
        """The document with a topic title in front: a question is judged with its title."""
        title = normalise(_SPACE_RUN.sub(" ", title or "").strip())
        if not title:
            return self
        shift = len(title) + 2
        return VisibleDocument(
            text=f"{title}\n\n{self.text}", author_text=f"{title}\n\n{self.author_text}",
            links=self.links, quoted_text=self.quoted_text,
            quotes=tuple((start + shift, end + shift) for start, end in self.quotes),
        )


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.all: list[str] = []
        self.author: list[str] = []
        self.quoted: list[str] = []
        self.links: list[VisibleLink] = []
        self.hidden = 0
        self.quote = 0
        self.link: tuple[str, str, list[str], bool] | None = None  # href, title, text parts, quoted
        self.pending_titles: list[str] = []

    # -- output -------------------------------------------------------------
    def emit(self, s: str) -> None:
        self.all.append(s)
        (self.quoted if self.quote else self.author).append(s)
        if self.link is not None:
            self.link[2].append(s)

    def boundary(self, s: str = "\n") -> None:
        self.all.append(s)
        self.author.append(s)
        self.quoted.append(s)
        if self.link is not None:
            self.link[2].append(" ")

    # -- parser callbacks ---------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            if tag not in _VOID:
                self.hidden += 1
            if tag == "code" or tag == "pre":
                self.boundary(" " if tag == "code" else "\n")
            return
        if self.hidden:
            return
        if tag == "br":
            self.boundary("\n")
        elif tag in _BLOCK:
            if tag == "blockquote":
                self.boundary("\n")
                if not self.quote:
                    self.all.append(_OPEN)
                self.quote += 1
            self.boundary("\n")
        elif tag in _CELL:
            self.boundary(" ")
        elif tag == "img":
            values = dict(attrs)
            for name in ("alt", "title"):
                if values.get(name):
                    self.emit(f" {values[name]} ")
        elif tag == "a":
            values = dict(attrs)
            if self.link is not None:
                self._close_link()
            if values.get("href") is not None:
                self.link = (values["href"] or "", values.get("title") or "", [], bool(self.quote))
            elif values.get("title"):
                self.pending_titles.append(values["title"])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            if tag not in _VOID and self.hidden:
                self.hidden -= 1
            if not self.hidden and (tag == "code" or tag == "pre"):
                self.boundary(" " if tag == "code" else "\n")
            return
        if self.hidden:
            return
        if tag in _BLOCK:
            self.boundary("\n")
            if tag == "blockquote" and self.quote:
                self.quote -= 1
                if not self.quote:
                    self.all.append(_CLOSE)
                self.boundary("\n")
        elif tag in _CELL:
            self.boundary(" ")
        elif tag == "a":
            if self.link is not None:
                self._close_link()
            elif self.pending_titles:
                self.emit(f" {self.pending_titles.pop()} ")

    def handle_data(self, data: str) -> None:
        if self.hidden or not data:
            return
        self.emit(_MARKERS.sub("", _SPACE_RUN.sub(" ", data)))

    def _close_link(self) -> None:
        href, title, parts, quoted = self.link  # type: ignore[misc]
        self.link = None
        text = normalise("".join(parts)).strip()
        self.links.append(VisibleLink(href=href.strip(), text=_SPACE_RUN.sub(" ", text),
                                      title=normalise(title).strip(), quoted=quoted))
        if title:
            self.emit(f" {title} ")


_LINE_SPACE = re.compile(r"[^\S\n]+")
_LINE_EDGE = re.compile(r" ?\n ?")
_EMPTY_LINES = re.compile(r"\n{3,}")


def _tidy(parts: list[str]) -> str:
    """The text of the parts, normalised, each line's white space one space and none at its ends,
    at most one empty line in a row (in three passes, not a step per line: 4,000 quotes are 300,000)."""
    text = normalise("".join(parts))
    return _EMPTY_LINES.sub("\n\n", _LINE_EDGE.sub("\n", _LINE_SPACE.sub(" ", text))).strip()


_PIECES = re.compile("\ue000|\ue001|\n+|[^\ue000\ue001\n]+")


def _unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove the quote markers: the text (at most one empty line in a row) and the quotes' offsets."""
    out: list[str] = []
    quotes: list[tuple[int, int]] = []
    length, start, newlines = 0, None, 0
    for match in _PIECES.finditer(marked):
        piece = match.group()
        if piece == _OPEN:
            start = None if start is not None else -1
            continue
        if piece == _CLOSE:
            if start is not None and start >= 0 and length > start:
                quotes.append((start, length))
            start = None
            continue
        if piece[0] == "\n":
            newlines += len(piece)
            continue
        if length and newlines:
            out.append("\n" * min(newlines, 2))
            length += min(newlines, 2)
        newlines = 0
        if start == -1:
            start = length
        out.append(piece)
        length += len(piece)
    return "".join(out), tuple(quotes)


# The sanitiser's output has one regular shape: lower-case tags whose attribute values are in double
# quotes, and text in which every "<" is written "&lt;". Read in that shape with two regular
# expressions it gives the same callbacks as html.parser (names, unescaped values and text) at a
# third of the cost; anything else (a comment, a script, an unquoted value) goes to html.parser.
_SANITISED_TOKEN = re.compile(r'([^<]+)|<(/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*+)\s*(/?)>')
_SANITISED = re.compile(r'(?:[^<]++|</?[a-z][a-z0-9]*+(?:\s+[a-z][a-z0-9-]*+(?:="[^"]*+")?)*+\s*/?>)*+')
_SANITISED_ATTR_WHOLE = re.compile(r'(([a-z][a-z0-9-]*)(?:="([^"]*)")?)')
_RAW_TEXT_TAGS = frozenset(("script", "style"))


def _read_sanitised(reader: _Reader, html: str) -> bool:
    """Feed sanitised HTML to the reader; False (nothing fed) if the HTML has another shape."""
    if not _SANITISED.fullmatch(html):
        return False
    tokens = _SANITISED_TOKEN.findall(html)
    if any(name in _RAW_TEXT_TAGS for _, _, name, _, _ in tokens):
        return False
    data, start, end, startend = reader.handle_data, reader.handle_starttag, reader.handle_endtag, reader.handle_startendtag
    for text, closing, name, attributes, self_closing in tokens:
        if text == "\n":  # between block tags: what handle_data makes of it, without its two substitutions
            if not reader.hidden:
                reader.emit(" ")
        elif text:
            data(unescape(text) if "&" in text else text)
        elif closing:
            end(name)
        else:
            attrs = [(attr, None if "=" not in whole else unescape(value))
                     for whole, attr, value in _SANITISED_ATTR_WHOLE.findall(attributes)] if attributes else []
            (startend if self_closing else start)(name, attrs)
    return True


def visible_document(html: str, *, parser_only: bool = False) -> VisibleDocument:
    """The visible document of sanitised HTML (see the module docstring). Linear time.

    ``parser_only``: read with html.parser even when the HTML has the sanitiser's shape (the tests
    compare both readings). The last few documents are kept: posting reads the same HTML for the
    health claims and again for crisis signals (moderation.care), and a document never changes.
    """
    return _visible_document(html if isinstance(html, str) else str(html or ""), parser_only)


# Sanitised HTML with no image, quote or code, whose links have plain text and no title (most long posts,
# and the crafted shapes that make the most elements), is read with a few substitutions over the whole
# text instead of one callback per tag: the same document (a test compares it with html.parser's
# reading), without the per-tag cost.
_HIDDEN_NAMES = "|".join(sorted(_HIDDEN))
_BLOCK_NAMES = "|".join(sorted(_BLOCK, key=len, reverse=True))
_NOT_PLAIN = re.compile(rf"<(?:img|{_HIDDEN_NAMES})(?=[\s/>])|&(?!(?:amp|lt|gt|nbsp|quot);)")
_LINK_START = re.compile(r"<a(?=[\s/>])")
_PLAIN_LINK = re.compile(r'<a href="([^"]*)"(?: (?!title=)[a-z-]+="[^"]*")*>([^<]*)</a>')
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_NAMES})(?=[\s/>])[^>]*+>")
_CELL_TAG = re.compile(r"</?t[dh](?=[\s/>])[^>]*+>")
_BREAK_TAG = re.compile(r"<br(?=[\s/>])[^>]*+>")
_OTHER_TAG = re.compile(r"<[^>]*+>")


_UNTIDY = re.compile("[\t\n\r\f\ue000\ue001]|  ")


# The runs _SPACE_RUN would change: a single space is left alone (on 200 kB, replacing each one by
# itself took 6 ms). Every match starts at a white-space character, so the engine skips to those (a
# pattern that may start with " *" is tried at every position: twice the time on 200 kB of links).
_FOLDED_SPACE = re.compile(r"(?:[\t\n\r\f]| (?=[ \t\n\r\f]))[ \t\n\r\f]*")


def _plain_text(data: str) -> str:
    data = _FOLDED_SPACE.sub(" ", data)
    return _MARKERS.sub("", data) if "\ue000" in data or "\ue001" in data else data


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
            words = _SPACE_RUN.sub(" ", words)
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


def _plain_document(html: str) -> VisibleDocument | None:
    """The document of plain sanitised HTML (see above); None when the HTML is not that plain.

    Block quotes are read as the reader reads them: the outermost ones are marked in the text and
    make quoted_text, their links are quoted, and every quote tag is a boundary of each text."""
    if _NOT_PLAIN.search(html):
        return None
    if "<blockquote>" not in html:
        links = _plain_links(html)
        if links is None:
            return None
        text = _tidy([_plain_words(html)])
        return VisibleDocument(text=text, author_text=text, links=tuple(links))
    if "\x00" in html:
        return None  # NUL joins the pieces below
    # The texts between quote tags, read and tidied in one go; every quote tag is at least an empty
    # line between two of them, as the reader's boundaries make it.
    pieces = _QUOTE_TAG.split(html)  # text, quote tag, text, …
    texts = [text.strip() for text in _tidy([_plain_words("\x00".join(pieces[::2]))]).split("\x00")]
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


@lru_cache(maxsize=8)
def _visible_document(html: str, parser_only: bool) -> VisibleDocument:
    if html and not parser_only and _SANITISED.fullmatch(html):
        plain = _plain_document(html)
        if plain is not None:
            return plain
    reader = _Reader()
    if html:
        if parser_only or not _read_sanitised(reader, html):
            reader.feed(html)
            reader.close()
    if reader.link is not None:
        reader._close_link()
    if reader.quote:
        reader.all.append(_CLOSE)
    text, quotes = _unmark(_tidy(reader.all))
    return VisibleDocument(
        text=text, author_text=_tidy(reader.author), links=tuple(reader.links),
        quoted_text=_tidy(reader.quoted), quotes=tuple(quotes),
    )


def plain_document(text: str) -> VisibleDocument:
    """A document of plain text (no markup, no links): for callers that only have words."""
    normal = normalise(text or "")
    return VisibleDocument(text=normal, author_text=normal)


def forget_documents() -> None:
    """Empty the memo of recent documents (the bench times the reading itself, not the memo)."""
    _visible_document.cache_clear()
