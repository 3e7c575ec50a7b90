"""Input limits on what members type: control characters, length and Markdown nesting."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from forum.app_settings import forum_settings

# Everything below U+0020 except tab and newline, DEL, and lone surrogates that cannot be stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_BLOCK_PREFIX = re.compile(r"^[ \t]*((?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)+)")


def clean_text(text):
    """Normalise line ends and drop control characters a member cannot have meant."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# The forum's own solved markers, in any bracket, or as the title's first word: only a moderator's
# sign-off shows "[Opgelost]"/"[Solved]" (includes/_solved_marker.html), a title cannot fake it.
_SOLVED_WORDS = r"(?:opgelost|solved|resolved|beantwoord|answered)"
_FAKE_SOLVED = re.compile(
    rf"[\[\(\{{<【〔［（]\s*{_SOLVED_WORDS}\s*[\]\)\}}>】〕］）]|^\W*{_SOLVED_WORDS}\s*(?:[:!|/\-–—✓✔]|$)"
)


def validate_title(title):
    """A title may not carry the solved marker ("[Opgelost]", "[Solved]"), however it is spelled."""
    from moderation.policy.normalise import normalise  # the policy's reading of look-alike letters

    if _FAKE_SOLVED.search(normalise(title).casefold()):
        raise ValidationError(
            _("A title cannot say the topic is solved: the forum shows that itself once a moderator signs off."),
            code="fake_solved",
        )


def markdown_nesting_depth(text):
    """The deepest nesting of quotes, lists (by indentation) and brackets: deep nesting makes renderers slow."""
    deepest = 0
    for line in text.split("\n"):
        prefix = _BLOCK_PREFIX.match(line)
        markers = len(re.findall(r">|[-*+][ \t]|\d[.)][ \t]", prefix.group(1))) if prefix else 0
        indent = (len(line) - len(line.lstrip(" \t"))) // 2
        deepest = max(deepest, markers + indent // 2)
    depth = 0
    for char in text:
        if char in "[(":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "])" and depth:
            depth -= 1
    return deepest


def validate_markdown(text):
    limit = forum_settings.BODY_MAX_LENGTH
    if len(text) > limit:
        raise ValidationError(
            ngettext(
                "This text is %(length)d character long; the limit is %(limit)d.",
                "This text is %(length)d characters long; the limit is %(limit)d.",
                len(text),
            ),
            code="too_long",
            params={"length": len(text), "limit": limit},
        )
    if markdown_nesting_depth(text) > forum_settings.MARKDOWN_MAX_NESTING:
        raise ValidationError(
            _("This text nests quotes, lists or brackets too deeply (more than %(limit)d levels). Please simplify it."),
            code="too_deep",
            params={"limit": forum_settings.MARKDOWN_MAX_NESTING},
        )
