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
from cmarkgfm.cmark import Options
from django.conf import settings

from forum.markdown_limits import cap_table_rows, cut_deep_lines, flatten, too_deep

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


def _doc_id(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def _parsed(text, source):
    """cmark-gfm's HTML of ``text``, tightened, with the footnotes numbered for the post ``source``."""
    html = markdown_html(text)
    if "<tr>\n" in html or "<li>\n" in html:
        html = _tighten(html)
    html = cap_table_rows(html)
    if "data-footnote" in html:
        html = _number_footnotes(html, _doc_id(source))
    return html


def render_markdown(text):
    """Render member Markdown to sanitised HTML; the preview and the stored HTML both come from here."""
    text = text or ""
    html = _parsed(text, text)
    if too_deep(html):
        cut = cut_deep_lines(text)  # unchanged when the nesting is raw HTML: no second parse then
        if cut == text or too_deep(html := _parsed(cut, text)):
            html = flatten(html)
    html = sanitise_html(_demote_headings(html))
    if "<del>" in html:
        html = _STRUCK.sub(r"<\1s>", html)
    return link_text(html)
