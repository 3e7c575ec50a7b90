"""Markdown to safe HTML. Called when a post is saved and by markdownx's preview, never per page view.

markdown-it-py is a CommonMark parser that is linear by design (Python-Markdown took seconds on
20,000 characters of `<a `), with its plugins for tables, strikethrough, footnotes and pasted
addresses (linkify-it-py). A DOI or PubMed id written as text becomes a link to doi.org or
PubMed, so readers and moderators can follow it and the health-claim policy counts exactly
that link (moderation.screening). nh3 then keeps only our allowlist.
"""

import hashlib
import re
from types import SimpleNamespace

import nh3
from django.conf import settings
from markdown_it import MarkdownIt
from markdown_it import helpers as markdown_it_helpers
from markdown_it.common.utils import unescapeAll
from markdown_it.helpers.parse_link_destination import _Result as _DestinationResult
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.footnote.index import footnote_ref

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "del", "s", "sup", "sub",
    "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4",
    "table", "thead", "tbody", "tr", "th", "td",
    "a", "img", "section",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
    "li": {"id"},
}
LINK_REL = "nofollow ugc noopener"
_HEADING = re.compile(r"<(/?)h([1-6])\b")


def _demote_headings(html):
    """h1 belongs to the page title; the allowlist keeps h2–h4, so shift and clamp."""

    def shift(match):
        level = min(max(int(match.group(2)) + 1, 2), 4)
        return f"<{match.group(1)}h{level}"

    return _HEADING.sub(shift, html)


# One path segment of an uploaded file's URL: no empty, "." or ".." segment (and no %2e%2e), so a
# browser cannot resolve an image URL out of the media folder onto a page of ours.
_MEDIA_SEGMENT = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*")
# Character references (&#1) can put control characters into a URL after nh3 has checked its
# scheme; no link needs them, and older browsers ignored them inside "javascript:".
_URL_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Footnote anchors, made unique per post (see _doc_id) so two posts on one page never share one.
_FOOTNOTE_ID = re.compile(r"fn(?:ref)?-[0-9a-f]{10}-\d{1,4}(?::\d{1,4})?")
# markdown-it aligns table cells with a style attribute, which our CSP would refuse: use align.
_CELL_STYLE = re.compile(r'<(t[hd]) style="text-align:(left|right|center)">')


def _filter_urls(tag, attribute, value):
    if attribute in ("href", "src") and _URL_CONTROL.search(value):
        return None
    if tag == "img" and attribute == "src":
        path = value[len(settings.MEDIA_URL) :].split("/") if value.startswith(settings.MEDIA_URL) else [""]
        return value if all(_MEDIA_SEGMENT.fullmatch(segment) for segment in path) else None
    if attribute == "id":
        return value if _FOOTNOTE_ID.fullmatch(value) else None
    return value


def sanitise_html(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=LINK_REL,
        attribute_filter=_filter_urls,
        strip_comments=True,
    )


# --- identifiers written as text --------------------------------------------------------------

# "10.1056/NEJMoa2032994", "doi:10.1016/S0140-6736(20)30183-5", "DOI 10.1000/x"; and PubMed ids
# ("PMID: 30301513") and PubMed Central ids ("PMCID: PMC7643046", "PMC7643046"). The suffix is
# bounded so the scan stays linear; trailing punctuation and unbalanced brackets are trimmed.
_IDENTIFIER = re.compile(
    r"(?<![\w/.:-])(?:(?P<doi>(?:doi[ \t]?:[ \t]?|doi[ \t])?(?P<doi_id>10\.\d{4,9}/[^\s<>\"'`\[\]{}|\\^]{1,300}))"
    r"|(?P<pmid>pmid[ \t]?[:#]?[ \t]?(?P<pmid_id>\d{1,12}))(?![\w])"
    r"|(?P<pmc>(?:pmcid[ \t]?:?[ \t]?)?(?P<pmc_id>pmc\d{5,9}))(?!\w))",
    re.IGNORECASE,
)
_TRAIL = ".,;:!?*_~'\"»›"


def _trim(identifier):
    end = len(identifier)
    opened = identifier.count("(")
    closed = identifier.count(")")
    while end > 0:
        ch = identifier[end - 1]
        if ch in _TRAIL:
            end -= 1
        elif ch == ")" and closed > opened:
            closed -= 1
            end -= 1
        else:
            break
    return identifier[:end]


def _identifier_links(text):
    """(start, end, href) of each DOI/PMID/PMCID in a piece of text."""
    for match in _IDENTIFIER.finditer(text):
        if match.group("doi"):
            doi = _trim(match.group("doi_id"))
            if "/" not in doi or doi.endswith("/"):
                continue
            end = match.start("doi_id") + len(doi)
            yield match.start(), end, "https://doi.org/" + doi
        elif match.group("pmid"):
            yield match.start(), match.end(), f"https://pubmed.ncbi.nlm.nih.gov/{int(match.group('pmid_id'))}/"
        else:
            yield match.start(), match.end(), f"https://www.ncbi.nlm.nih.gov/pmc/articles/{match.group('pmc_id').upper()}/"


_SCHEME_OR_WWW = re.compile(r"(?i)(?:[a-z][a-z0-9+.-]*:|www\.)")


def _link_tokens(href, text, level):
    opening = Token("link_open", "a", 1, attrs={"href": href}, level=level, markup="identifier", info="auto")
    inner = Token("text", "", 0, content=text, level=level + 1)
    closing = Token("link_close", "a", -1, level=level, markup="identifier", info="auto")
    return [opening, inner, closing]


def _link_identifiers(state):
    """Core rule after linkify: identifiers in text become links; bare domains stay text.

    Not inside code (a separate token type) or inside an existing link. linkify-it's fuzzy
    mode links "www.…" addresses, as members expect, but also bare names like "thuisarts.nl":
    those are returned to text, since a name in a sentence is not a link its writer made.
    """
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children = []
        in_link = 0
        tokens = block.children
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if (token.type == "link_open" and token.markup == "linkify" and index + 2 < len(tokens)
                    and tokens[index + 1].type == "text" and tokens[index + 2].type == "link_close"
                    and not _SCHEME_OR_WWW.match(tokens[index + 1].content)):
                token = Token("text", "", 0, content=tokens[index + 1].content, level=token.level)
                index += 2
            elif token.type == "link_open":
                in_link += 1
            elif token.type == "link_close":
                in_link = max(0, in_link - 1)
            index += 1
            if token.type != "text" or in_link or not token.content:
                children.append(token)
                continue
            content, position = token.content, 0
            for start, end, href in _identifier_links(content):
                if start > position:
                    children.append(Token("text", "", 0, content=content[position:start], level=token.level))
                children.extend(_link_tokens(href, content[start:end], token.level))
                position = end
            if position == 0:
                children.append(token)
            elif position < len(content):
                children.append(Token("text", "", 0, content=content[position:], level=token.level))
        block.children = children


# --- linear time on hostile input ---------------------------------------------------------------

# markdown-it scans for the end of a link label from every "[" it meets; on text like 20,000 "["
# or "![" those scans add up to seconds. Each render gets a budget of label-scanning steps in
# proportion to its length (env[_BUDGET]); real posts use a small part of it, and once it is
# spent a "[" is plain text. Only our instance's helpers are replaced.
_BUDGET = "label_steps_left"
_BUDGET_PER_CHARACTER = 1
_BUDGET_BASE = 2_000
_FOOTNOTE_LABEL_MAX = 200


def _parse_link_label(state, start, disableNested=False):  # noqa: N803 - markdown-it's signature
    """markdown_it.helpers.parseLinkLabel, with every step counted against the render's budget."""
    env = state.env
    steps = env.get(_BUDGET)
    if steps is None:
        steps = env[_BUDGET] = _BUDGET_BASE + _BUDGET_PER_CHARACTER * len(state.src)
    if steps <= 0:
        return -1
    old_pos = state.pos
    found = False
    state.pos = start + 1
    level = 1
    src, maximum, skip = state.src, state.posMax, state.md.inline.skipToken
    while state.pos < maximum:
        steps -= 1
        if steps <= 0:
            break
        marker = src[state.pos]
        if marker == "]":
            level -= 1
            if level == 0:
                found = True
                break
        previous = state.pos
        skip(state)
        if marker == "[":
            if previous == state.pos - 1:
                level += 1
            elif disableNested:
                env[_BUDGET] = steps
                state.pos = old_pos
                return -1
    env[_BUDGET] = steps
    end = state.pos if found else -1
    state.pos = old_pos
    return end


_DESTINATION_RUN = re.compile(r"[^\x00-\x20\x7f\\()]+")


def _parse_link_destination(string, pos, maximum):
    """markdown_it.helpers.parseLinkDestination with the same result, stepping over plain runs with
    one regex match instead of one Python step per character (20,000 characters of "[a](" took
    five times as long)."""
    if pos < maximum and string[pos] == "<":
        return markdown_it_helpers.parseLinkDestination(string, pos, maximum)
    start, level, result = pos, 0, _DestinationResult()
    run = _DESTINATION_RUN.match
    while pos < maximum:
        found = run(string, pos, maximum)
        if found:
            pos = found.end()
            continue
        ch = string[pos]
        if ch == "\\":
            if pos + 1 < maximum:
                if string[pos + 1] == " ":
                    break
                pos += 2
                continue
        elif ch == "(":
            level += 1
            if level > 32:
                return result
        elif ch == ")":
            if level == 0:
                break
            level -= 1
        else:  # a space or a control character ends it
            break
        pos += 1
    if start == pos or level != 0:
        return result
    result.str = unescapeAll(string[start:pos])
    result.pos = pos
    result.ok = True
    return result


def _bounded_footnote_ref(state, silent):
    """The footnote plugin scans a "[^label" to the end of the paragraph; a label is short."""
    src, start = state.src, state.pos
    end = src.find("]", start + 2, min(state.posMax, start + 2 + _FOOTNOTE_LABEL_MAX))
    if end < 0:
        return False
    return footnote_ref(state, silent)


def _build():
    # maxNesting: beyond it markdown-it drops the rest of a block; the preset's 20 lost the words of
    # a list nested 11 deep. 100 still keeps the recursion far from Python's limit.
    md = MarkdownIt("commonmark", {"html": True, "linkify": True, "breaks": True, "typographer": False,
                                   "maxNesting": 100})
    md.enable(["table", "strikethrough", "linkify"])
    md.use(footnote_plugin, inline=False)
    md.helpers = SimpleNamespace(
        parseLinkDestination=_parse_link_destination,
        parseLinkTitle=markdown_it_helpers.parseLinkTitle,
        parseLinkLabel=_parse_link_label,
    )
    md.inline.ruler.at("footnote_ref", _bounded_footnote_ref)
    md.linkify.set({"fuzzy_email": False})
    # Every written link becomes an <a>; nh3 decides which targets survive (a refused
    # javascript: link shows its text without a target, as before, never its Markdown source).
    md.validateLink = lambda url: True
    md.core.ruler.after("linkify", "identifiers", _link_identifiers)
    return md


_MD = _build()


def _doc_id(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def render_markdown(text):
    """Render member Markdown to sanitised HTML; the preview and the stored HTML both come from here."""
    text = text or ""
    html = _MD.render(text, {"docId": _doc_id(text)})
    return sanitise_html(_CELL_STYLE.sub(r'<\1 align="\2">', _demote_headings(html)))
