"""The visible document of a post: its words and the links a reader can follow (moderation.policy.visible
reads it from sanitised HTML), and what counts as a block, a cell and hidden content there."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import normalise

BLOCK = frozenset("""p div li ul ol dl dt dd blockquote pre h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr
caption hr section article aside header footer nav main figure figcaption details summary address
center""".split())
CELL = frozenset(("td", "th"))
# content a reader never sees as text (code is not judged: people quote commands and logs)
HIDDEN = frozenset("""script style template textarea noscript iframe object embed svg math title head
code pre select option""".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
# Private-use characters that mark where a quote starts and ends in the combined text while it is
# normalised and tidied; they are removed again and become the offsets in ``quotes``.
OPEN, CLOSE = "\ue000", "\ue001"
MARKERS = re.compile("[\ue000\ue001]")


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
        title = normalise(SPACE_RUN.sub(" ", title or "").strip())
        if not title:
            return self
        shift = len(title) + 2
        return VisibleDocument(
            text=f"{title}\n\n{self.text}", author_text=f"{title}\n\n{self.author_text}",
            links=self.links, quoted_text=self.quoted_text,
            quotes=tuple((start + shift, end + shift) for start, end in self.quotes),
        )


_LINE_SPACE = re.compile(r"[^\S\n]+")
_LINE_EDGE = re.compile(r" ?\n ?")
_EMPTY_LINES = re.compile(r"\n{3,}")


def tidy(parts: list[str]) -> str:
    """The text of the parts, normalised, each line's white space one space and none at its ends,
    at most one empty line in a row (in three passes, not a step per line: 4,000 quotes are 300,000)."""
    text = normalise("".join(parts))
    return _EMPTY_LINES.sub("\n\n", _LINE_EDGE.sub("\n", _LINE_SPACE.sub(" ", text))).strip()
