"""What a public display name may be. It appears in URLs (/u/<name>/), so it needs a letter or digit."""

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

username_validators = [
    UnicodeUsernameValidator(),
    RegexValidator(r"[^\W_]", _("A username needs at least one letter or digit.")),
]
