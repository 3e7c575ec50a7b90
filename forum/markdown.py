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


def _keep_own_images(tag, attribute, value):
    if tag == "img" and attribute == "src":
        return value if value.startswith(settings.MEDIA_URL) and "//" not in value else None
    return value


def sanitise_html(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=LINK_REL,
        attribute_filter=_keep_own_images,
        strip_comments=True,
    )


def render_markdown(text):
    """Render member Markdown to sanitised HTML; the preview and the stored HTML both come from here."""
    html = markdown_lib.markdown(
        text,
        extensions=["tables", "fenced_code", "sane_lists", "nl2br"],
        output_format="html",
    )
    return sanitise_html(_demote_headings(html))
