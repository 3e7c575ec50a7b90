"""What a public display name may be. It appears in URLs (/u/<name>/), so it needs a letter or digit,
and it must not pass for another member or for the forum's staff.

Names are compared on a confusable skeleton: what the name looks like, not how it is spelled.
`mоderator` with a Cyrillic о, `m0derator`, `Mod.Erator` and `rnoderator` all have the skeleton
of `moderator`. The look-alike letters come from Unicode's confusables data (the pinned
`confusable-homoglyphs` package, through moderation.policy.normalise).
"""

import re
import unicodedata

from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forum.app_settings import forum_settings
from moderation.policy.normalise import normalise

_SEPARATORS = re.compile(r"[\s._+@-]+")
# Latin letters and digits that look alike in most fonts, after case folding (longest first).
_LOOK_ALIKES = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("0", "o"), ("1", "l"), ("i", "l"), ("|", "l"), ("5", "s"))


def username_skeleton(name):
    """The name as it looks: look-alike letters folded, case and separators dropped. Pure function."""
    text = unicodedata.normalize("NFKD", normalise(name).casefold())
    text = _SEPARATORS.sub("", "".join(char for char in text if not unicodedata.combining(char)))  # í looks like i
    for look, like in _LOOK_ALIKES:
        text = text.replace(look, like)
    return text


def validate_not_reserved(name):
    """A name that looks like one of the reserved names (moderator, admin, beheerder, the forum's name) is refused."""
    skeleton = username_skeleton(name)
    if skeleton in {username_skeleton(reserved) for reserved in forum_settings.RESERVED_USERNAMES}:
        raise ValidationError(_("This name is reserved for the forum's staff. Please choose another."), code="reserved")


def validate_not_confusable(name, *, exclude_pk=None):
    """A name that looks like an existing member's name is refused (one query, on an indexed column)."""
    taken = get_user_model().objects.filter(username_skeleton=username_skeleton(name))
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError(_("This name looks too much like another member's name. Please choose another."), code="confusable")


username_validators = [
    UnicodeUsernameValidator(),
    RegexValidator(r"[^\W_]", gettext_lazy("A username needs at least one letter or digit.")),
    validate_not_reserved,
]
