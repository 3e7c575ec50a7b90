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
exist here.  Most sanitised HTML has a plain shape that moderation.policy.visible_plain reads
with a few substitutions instead of a callback per tag, to the same document.  Standard library
only (no Django): a contract of ``moderation.policy``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser

from .document import BLOCK, CELL, CLOSE, HIDDEN, MARKERS, OPEN, SPACE_RUN, VOID, VisibleDocument, VisibleLink, tidy
from .normalise import normalise
from .visible_plain import plain_html_document

__all__ = ["VisibleDocument", "VisibleLink", "visible_document", "plain_document"]


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
        if tag in HIDDEN:
            if tag not in VOID:
                self.hidden += 1
            if tag == "code" or tag == "pre":
                self.boundary(" " if tag == "code" else "\n")
            return
        if self.hidden:
            return
        if tag == "br":
            self.boundary("\n")
        elif tag in BLOCK:
            if tag == "blockquote":
                self.boundary("\n")
                if not self.quote:
                    self.all.append(OPEN)
                self.quote += 1
            self.boundary("\n")
        elif tag in CELL:
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
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            if tag not in VOID and self.hidden:
                self.hidden -= 1
            if not self.hidden and (tag == "code" or tag == "pre"):
                self.boundary(" " if tag == "code" else "\n")
            return
        if self.hidden:
            return
        if tag in BLOCK:
            self.boundary("\n")
            if tag == "blockquote" and self.quote:
                self.quote -= 1
                if not self.quote:
                    self.all.append(CLOSE)
                self.boundary("\n")
        elif tag in CELL:
            self.boundary(" ")
        elif tag == "a":
            if self.link is not None:
                self._close_link()
            elif self.pending_titles:
                self.emit(f" {self.pending_titles.pop()} ")

    def handle_data(self, data: str) -> None:
        if self.hidden or not data:
            return
        self.emit(MARKERS.sub("", SPACE_RUN.sub(" ", data)))

    def _close_link(self) -> None:
        href, title, parts, quoted = self.link  # type: ignore[misc]
        self.link = None
        text = normalise("".join(parts)).strip()
        self.links.append(VisibleLink(href=href.strip(), text=SPACE_RUN.sub(" ", text),
                                      title=normalise(title).strip(), quoted=quoted))
        if title:
            self.emit(f" {title} ")


_PIECES = re.compile("\ue000|\ue001|\n+|[^\ue000\ue001\n]+")


def _unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove the quote markers: the text (at most one empty line in a row) and the quotes' offsets."""
    out: list[str] = []
    quotes: list[tuple[int, int]] = []
    length, start, newlines = 0, None, 0
    for match in _PIECES.finditer(marked):
        piece = match.group()
        if piece == OPEN:
            start = None if start is not None else -1
            continue
        if piece == CLOSE:
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


@lru_cache(maxsize=8)
def _visible_document(html: str, parser_only: bool) -> VisibleDocument:
    if html and not parser_only and _SANITISED.fullmatch(html):
        plain = plain_html_document(html)
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
        reader.all.append(CLOSE)
    text, quotes = _unmark(tidy(reader.all))
    return VisibleDocument(
        text=text, author_text=tidy(reader.author), links=tuple(reader.links),
        quoted_text=tidy(reader.quoted), quotes=tuple(quotes),
    )


def plain_document(text: str) -> VisibleDocument:
    """A document of plain text (no markup, no links): for callers that only have words."""
    normal = normalise(text or "")
    return VisibleDocument(text=normal, author_text=normal)


def forget_documents() -> None:
    """Empty the memo of recent documents (the bench times the reading itself, not the memo)."""
    _visible_document.cache_clear()
