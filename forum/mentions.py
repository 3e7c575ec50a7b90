"""@mentions and quotes, read from a post's sanitised HTML as readers see it: never inside code or links.

Rendering (`render_post`) links each `@username` of an existing, active member to their profile, at most
FORUM_MENTIONS_PER_POST of them; the fan-out (forum/watching.py) reads the stored HTML back to learn
whom a post mentions and whose posts it quotes.
"""

import re
from urllib.parse import unquote

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import ngettext

from forum.app_settings import forum_settings
from forum.markdown import render_markdown, sanitise_html

# A tag, allowing ">" inside quoted attribute values (the sanitiser does not escape it there).
_TAG = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z0-9]+)")
# Not part of an email address or a longer word; a sentence's full stop is not part of the name.
_MENTION = re.compile(r"(?<![\w@.+-])@([\w+-](?:[\w.+-]*[\w+-])?)")
_SKIPPED = {"a", "code", "pre"}
_MENTION_LINK = re.compile(r'<a href="/u/([^/"]+)/"')
_POST_LINK = re.compile(r'<a href="(?:https?://[^/"]+)?/(?:p/(\d+)/|t/\d+/(?:\?[^"#]*)?#post-(\d+))"')


def _pieces(html):
    """(text or tag, is text, inside a link/code, inside a blockquote) for each piece of the HTML."""
    skipped = quoted = position = 0
    for match in _TAG.finditer(html):
        if match.start() > position:
            yield html[position:match.start()], True, skipped > 0, quoted > 0
        tag = match.group(0)
        name = _TAG_NAME.match(tag)
        if name:
            closing, tag_name = name.group(1) == "/", name.group(2).lower()
            step = -1 if closing else 1
            if tag_name in _SKIPPED:
                skipped = max(skipped + step, 0)
            elif tag_name == "blockquote":
                quoted = max(quoted + step, 0)
        yield tag, False, skipped > 0, quoted > 0
        position = match.end()
    if position < len(html):
        yield html[position:], True, skipped > 0, quoted > 0


def _names_in_text(html):
    names = []
    for piece, is_text, skipped, _quoted in _pieces(html):
        if is_text and not skipped:
            names.extend(match.group(1) for match in _MENTION.finditer(piece))
    return list(dict.fromkeys(names))


def _members_named(names):
    """{username: user} for the active members among these names: one query."""
    if not names:
        return {}
    found = get_user_model().objects.filter(username__in=names, is_active=True).only("pk", "username")
    return {user.username: user for user in found}


def link_mentions(html):
    """Sanitised HTML with each @username of an active member (up to the limit) linked to their profile."""
    names = _names_in_text(html)
    members = _members_named(names)
    linked = [name for name in names if name in members][: forum_settings.MENTIONS_PER_POST]
    if not linked:
        return html
    links = {name: f'<a href="{reverse("forum:profile", args=[name])}">@{name}</a>' for name in linked}

    def replace(match):
        return links.get(match.group(1), match.group(0))

    out = []
    for piece, is_text, skipped, _quoted in _pieces(html):
        out.append(_MENTION.sub(replace, piece) if is_text and not skipped else piece)
    return sanitise_html("".join(out))  # stored HTML is always the sanitiser's output


def render_post(text):
    """A post's stored HTML: the Markdown pipeline's sanitised output with mentions linked."""
    return link_mentions(render_markdown(text))


def mentioned_and_quoted(html):
    """(usernames mentioned outside quotes, ids of the posts quoted), in order, from stored HTML."""
    mentioned, quoted = [], []
    profile = None  # a profile link just opened: a mention if its text is "@name"
    for piece, is_text, _skipped, inside_quote in _pieces(html):
        if is_text:
            if profile is not None and piece == f"@{profile}":
                mentioned.append(profile)
            profile = None
            continue
        profile = None
        if not inside_quote:
            link = _MENTION_LINK.match(piece)
            if link:
                profile = unquote(link.group(1))
        else:
            link = _POST_LINK.match(piece)
            if link:
                quoted.append(int(link.group(1) or link.group(2)))
    return list(dict.fromkeys(mentioned)), list(dict.fromkeys(quoted))


def validate_mention_count(text):
    """Refuse a post that mentions more members than FORUM_MENTIONS_PER_POST."""
    limit = forum_settings.MENTIONS_PER_POST
    names = list(dict.fromkeys(match.group(1) for match in _MENTION.finditer(text)))
    if len(names) <= limit:
        return
    if len(_members_named(names)) > limit:
        raise ValidationError(
            ngettext(
                "You can mention at most %(limit)d member in one post.",
                "You can mention at most %(limit)d members in one post.",
                limit,
            ) % {"limit": limit},
            code="too_many_mentions",
        )


def suggest_members(prefix, limit=8):
    """Active members whose name starts with `prefix`, for the editor's @ autocomplete: one query."""
    prefix = prefix.strip().lstrip("@")
    if not prefix or len(prefix) > 150:
        return []
    return list(
        get_user_model().objects.filter(username__istartswith=prefix, is_active=True)
        .order_by("username").values_list("username", flat=True)[:limit]
    )
