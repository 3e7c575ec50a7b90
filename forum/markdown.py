"""Markdown to safe HTML. Called when a post is saved and by markdownx's preview, never per page view."""

import re

import markdown as markdown_lib
import nh3
from django.conf import settings

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "del", "s", "sup", "sub",
    "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4",
    "table", "thead", "tbody", "tr", "th", "td",
    "a", "img",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
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


def _filter_urls(tag, attribute, value):
    if attribute in ("href", "src") and _URL_CONTROL.search(value):
        return None
    if tag == "img" and attribute == "src":
        path = value[len(settings.MEDIA_URL) :].split("/") if value.startswith(settings.MEDIA_URL) else [""]
        return value if all(_MEDIA_SEGMENT.fullmatch(segment) for segment in path) else None
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


def render_markdown(text):
    """Render member Markdown to sanitised HTML; the preview and the stored HTML both come from here."""
    html = markdown_lib.markdown(
        text,
        # magiclink: a pasted address (https://…, www.…) becomes a link, as members expect; not inside code.
        extensions=["tables", "fenced_code", "sane_lists", "nl2br", "pymdownx.magiclink"],
        output_format="html",
    )
    return sanitise_html(_demote_headings(html))
