"""Markdown to safe HTML. Called when a post is saved and by markdownx's preview, never per page view.

cmark-gfm (GitHub's C CommonMark parser, through cmarkgfm) is linear by design and fast: 20,000
characters of any hostile shape render in a few milliseconds, where Python-Markdown took seconds
and markdown-it-py up to 100 ms. Its extensions give tables, strikethrough (``~~`` only: a single
``~`` means "about" in a dose) and footnotes. nh3 then keeps only our allowlist, and one linear
pass over the sanitised HTML's text turns pasted addresses (``https://…``, ``www.…``) and DOI or
PubMed ids written as text into links (doi.org, PubMed), so readers and moderators can follow
them and the health-claim policy counts exactly those links (moderation.screening). Text inside
code and inside written links is left as it is; a bare domain name in a sentence stays text.
"""

import hashlib
import re
from html import escape, unescape
from urllib.parse import quote

import cmarkgfm
import nh3
import numpy as np
from cmarkgfm.cmark import Options
from django.conf import settings

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
# One path segment of an uploaded file's URL: no empty, "." or ".." segment (and no %2e%2e), so a
# browser cannot resolve an image URL out of the media folder onto a page of ours.
_MEDIA_SEGMENT = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*")
# Character references (&#1) can put control characters into a URL after nh3 has checked its
# scheme; no link needs them, and older browsers ignored them inside "javascript:".
_URL_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Footnote anchors, made unique per post (see _doc_id) so two posts on one page never share one.
_FOOTNOTE_ID = re.compile(r"fn(?:ref)?-[0-9a-f]{10}-\d{1,4}(?::\d{1,4})?")


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


# --- the parser ----------------------------------------------------------------------------------

# Raw HTML is passed on (nh3 decides what stays; a refused javascript: link keeps its text, never
# its Markdown source); every line break is a <br>, as members type them.
_OPTIONS = (Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_HARDBREAKS | Options.CMARK_OPT_FOOTNOTES
            | Options.CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE)
_EXTENSIONS = ("table", "strikethrough")


def markdown_html(text):
    """cmark-gfm's HTML of member Markdown, not yet sanitised (the XSS tests' control run uses it)."""
    try:
        return cmarkgfm.markdown_to_html_with_extensions(text, options=_OPTIONS, extensions=_EXTENSIONS)
    except UnicodeEncodeError:  # a lone surrogate (clean_text removes them; other callers may not)
        text = text.encode("utf-8", "replace").decode("utf-8")
        return cmarkgfm.markdown_to_html_with_extensions(text, options=_OPTIONS, extensions=_EXTENSIONS)


# cmark-gfm names footnote anchors after their labels ("#fn-bron"); they become the post's own
# numbered anchors ("#fn-<doc id>-1", "fnref-<doc id>-1:1" for a second reference), as the stored
# posts have them, so two posts on one page never share one and the allowlist can check them.
_FOOTNOTE = re.compile(
    r'<sup class="footnote-ref"><a href="#fn-(?P<ref>[^"]*)" id="fnref-[^"]*" data-footnote-ref>(?P<n>\d+)</a></sup>'
    r'|<li id="fn-(?P<item>[^"]*)">'
    r'|<a href="#fnref-(?P<back>[^"]*)" class="footnote-backref" data-footnote-backref'
    r' data-footnote-backref-idx="[^"]*" aria-label="[^"]*">\u21a9(?:<sup class="footnote-ref">\d+</sup>)?</a>'
    r'|<section class="footnotes" data-footnotes>'
)
_REPEAT = re.compile(r"(.*)-(\d+)")


def _number_footnotes(html, doc_id):
    numbers, seen = {}, {}

    def replace(match):
        if match.group("ref") is not None:
            label, number = match.group("ref"), match.group("n")
            numbers.setdefault(label, number)
            seen[label] = seen.get(label, 0) + 1
            anchor = number if seen[label] == 1 else f"{number}:{seen[label] - 1}"
            return f'<sup><a href="#fn-{doc_id}-{number}" id="fnref-{doc_id}-{anchor}">[{anchor}]</a></sup>'
        if match.group("item") is not None:
            number = numbers.get(match.group("item"))
            return f'<li id="fn-{doc_id}-{number}">' if number else "<li>"
        if match.group("back") is not None:
            label, repeat = match.group("back"), 1
            if label not in numbers and (split := _REPEAT.fullmatch(label)):
                label, repeat = split.group(1), int(split.group(2))
            number = numbers.get(label)
            if number is None:
                return "\u21a9\ufe0e"
            anchor = number if repeat == 1 else f"{number}:{repeat - 1}"
            return f'<a href="#fnref-{doc_id}-{anchor}">\u21a9\ufe0e</a>'
        return "<hr>\n<section>"

    return _FOOTNOTE.sub(replace, html)


# --- pasted addresses and identifiers written as text ---------------------------------------------

# Read on the sanitiser's escaped text (in it "&" is always "&amp;", "<" "&lt;", a no-break space
# "&nbsp;"), so a piece without a link is never decoded and re-encoded. An address: a scheme or
# "www." at the start of a word, up to a space or a character no address has. Identifiers:
# "10.1056/NEJMoa2032994", "doi:10.1016/S0140-6736(20)30183-5", "DOI 10.1000/x"; PubMed ids
# ("PMID: 30301513") and PubMed Central ids ("PMCID: PMC7643046", "PMC7643046"). A DOI's suffix is
# bounded; trailing punctuation and unbalanced closing brackets are trimmed from both.
_LINKABLE = re.compile(
    r"(?<![\w+.@/:-])(?P<address>(?:(?P<web>https?://)|(?P<www>www\.)|(?P<mail>mailto:))"
    r"(?:[^\s<>\"`&\x00-\x1f\x7f-\x9f]|&amp;)+)"
    r"|(?<![\w/.:-])(?:(?P<doi>(?:doi[ \t]?:[ \t]?|doi[ \t])?(?P<doi_id>10\.\d{4,9}/[^\s<>\"'`\[\]{}|\\^&]{1,300}))"
    r"|(?P<pmid>pmid[ \t]?[:#]?[ \t]?(?P<pmid_id>\d{1,12}))(?!\w)"
    r"|(?P<pmc>(?:pmcid[ \t]?:?[ \t]?)?(?P<pmc_id>pmc\d{5,9}))(?!\w))",
    re.IGNORECASE,
)
def _may_link(text):
    """Whether a piece of text has anything that could start a link (str methods: a regex alternation
    without a first character to look for took 8 ms on 170 kB of table HTML)."""
    if "://" in text or "10." in text:
        return True
    low = text.lower()
    return "www." in low or "mailto:" in low or "pm" in low
_WWW_HOST = re.compile(r"www\.[\w-]+(?:\.[\w-]+)+(?:[/?#:]|$)", re.IGNORECASE)
_WEB_HOST = re.compile(r"https?://[\w\[]", re.IGNORECASE)
# A host name as DNS allows it (labels up to 63 characters, 253 in all), or an IP address in brackets.
_HOST_PART = re.compile(r"[a-z]+://(?:[^/?#@]*@)?([^/?#:]*)", re.IGNORECASE)
_HOST = re.compile(r"\[[0-9a-f:.]+\]|[\w-]{1,63}(?:\.[\w-]{1,63})*\.?", re.IGNORECASE)
_MAIL = re.compile(r"mailto:[^@\s&]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# An address that can be an href as written (ASCII, nothing to percent-encode; "&amp;" is
# already what an attribute needs); any other goes through IDNA and percent-encoding.
_PLAIN_HREF = re.compile(r"[A-Za-z0-9;/?:@&=+$,_.!~*'()#%\[\]-]+")
_HREF_SAFE = ";/?:@&=+$,-_.!~*'()#%[]"
_TRAIL = ".,;:!?*_~'\"»›"
_PAIRS = {")": "(", "]": "["}


def _trim(found):
    end = len(found)
    closed = None
    while end > 0:
        ch = found[end - 1]
        if ch in _TRAIL:
            end -= 5 if ch == ";" and found.endswith("&amp;", 0, end) else 1
        elif ch in _PAIRS:
            if closed is None:
                closed = {close: found.count(close) - found.count(opening) for close, opening in _PAIRS.items()}
            if closed[ch] <= 0:
                break
            closed[ch] -= 1
            end -= 1
        else:
            break
    return found[:end]


def _address_href(address, match):
    if match.group("mail"):
        return address if _MAIL.fullmatch(address) else None
    if match.group("www"):
        if not _WWW_HOST.match(address):
            return None
        address = "http://" + address
    elif not _WEB_HOST.match(address):
        return None
    host = _HOST_PART.match(address).group(1)
    if len(host) > 253 or not _HOST.fullmatch(host):  # no such name: 20,000 characters of "www." stay text
        return None
    if _PLAIN_HREF.fullmatch(address):
        return address
    scheme, _, rest = unescape(address).partition("://")
    host_end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    host = rest[:host_end]
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    return escape(quote(f"{scheme}://{host}{rest[host_end:]}", safe=_HREF_SAFE))


def _link(match):
    """(end, href) of a link found by _LINKABLE, or None when the match is no link after all."""
    if match.group("address"):
        address = _trim(match.group("address"))
        href = _address_href(address, match)
        return None if href is None else (match.start() + len(address), href)
    if match.group("doi"):
        doi = _trim(match.group("doi_id"))
        if "/" not in doi or doi.endswith("/"):
            return None
        return match.start("doi_id") + len(doi), "https://doi.org/" + doi
    if match.group("pmid"):
        return match.end(), f"https://pubmed.ncbi.nlm.nih.gov/{int(match.group('pmid_id'))}/"
    return match.end(), f"https://www.ncbi.nlm.nih.gov/pmc/articles/{match.group('pmc_id').upper()}/"


def _link_piece(piece):
    """One escaped text piece of sanitised HTML with its addresses and identifiers linked."""
    if not _may_link(piece):
        return piece
    out, position = [], 0
    for match in _LINKABLE.finditer(piece):
        found = _link(match)
        if found is None:
            continue
        start, (end, href) = match.start(), found
        out.append(piece[position:start])
        out.append(f'<a href="{href}" rel="{LINK_REL}">{piece[start:end]}</a>')
        position = end
    if not out:
        return piece
    out.append(piece[position:])
    return "".join(out)


# A tag of the sanitiser's output: its attribute values are in double quotes and may hold ">";
# in its text "<" is always written "&lt;", so every "<" starts a tag.
_TAG = re.compile(r'<[^>"]*(?:"[^"]*"[^>"]*)*>')
_SKIPPED_TAG = re.compile(r"<(/?)(?:a|code|pre)[\s>]")


def link_text(html):
    """Sanitised HTML with pasted addresses and identifiers linked, except inside links and code.

    What it adds is what the sanitiser would keep: an http(s), mailto, doi.org or PubMed target,
    escaped, with our rel attribute (tests/security/test_xss_renderer.py checks it on the corpus).
    """
    if not _may_link(html):
        return html
    out, position, skipped = [], 0, 0
    for match in _TAG.finditer(html):
        if match.start() > position:
            piece = html[position:match.start()]
            out.append(piece if skipped else _link_piece(piece))
        tag = match.group()
        name = _SKIPPED_TAG.match(tag)
        if name:
            skipped = max(skipped + (-1 if name.group(1) else 1), 0)
        out.append(tag)
        position = match.end()
    if position < len(html):
        out.append(html[position:] if skipped else _link_piece(html[position:]))
    return "".join(out)


# --- depth ------------------------------------------------------------------------------------------

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


def _open_elements(steps):
    """How many elements are open after each step (+1 a start tag, -1 an end tag): the running sum,
    never below zero (an end tag with nothing open closes nothing). In numpy, not one Python step per
    tag: 20,000 nested quotes are 40,000 tags."""
    total = np.cumsum(steps, dtype=np.int64)
    return total - np.minimum(np.minimum.accumulate(total), 0)


def _too_deep(html):
    steps = "".join(_TAG_STEP.findall(html))
    if len(steps) <= _NESTING_LIMIT:
        return False
    ends = np.frombuffer(steps.encode("ascii"), np.uint8) == ord("/")
    return bool(_open_elements(1 - 2 * ends.astype(np.int64)).max() > _NESTING_LIMIT)


def _flatten(html):
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


_HEADINGS = (("h6", "h4"), ("h5", "h4"), ("h3", "h4"), ("h2", "h3"), ("h1", "h2"))


def _demote_headings(html):
    """h1 belongs to the page title; the allowlist keeps h2–h4, so shift and clamp (deepest first)."""
    if "<h" not in html:
        return html
    for old, new in _HEADINGS:
        html = html.replace(f"<{old}", f"<{new}").replace(f"</{old}", f"</{new}")
    return html


_STRUCK = re.compile(r"<(/?)del>")


def _tighten(html):
    """Without the line breaks cmark-gfm writes just inside table rows and loose list items: nobody
    sees them, and on 8,000 one-cell rows they were a tenth of what nh3 and the policy read. The breaks
    between cells, rows and items stay, so text taken from the HTML keeps its words apart."""
    for opening, closing in (("<tr>", "</tr>"), ("<li>", "</li>")):
        html = html.replace(opening + "\n", opening).replace("\n" + closing, closing)
    return html


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


def _cap_table_rows(html):
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


def _doc_id(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def _parsed(text, source):
    """cmark-gfm's HTML of ``text``, tightened, with the footnotes numbered for the post ``source``."""
    html = markdown_html(text)
    if "<tr>\n" in html or "<li>\n" in html:
        html = _tighten(html)
    if html.count("<tr>") > _TABLE_ROWS:
        html = _cap_table_rows(html)
    if "data-footnote" in html:
        html = _number_footnotes(html, _doc_id(source))
    return html


def render_markdown(text):
    """Render member Markdown to sanitised HTML; the preview and the stored HTML both come from here."""
    text = text or ""
    html = _parsed(text, text)
    if _too_deep(html):
        html = _parsed(_DEEP_LINE.sub(r"\1", text), text)
        if _too_deep(html):
            html = _flatten(html)
    html = sanitise_html(_demote_headings(html))
    if "<del>" in html:
        html = _STRUCK.sub(r"<\1s>", html)
    return link_text(html)
