"""Who may moderate. Members of the Moderators group (and superusers) hold these permissions."""

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

REVIEW = "moderation.review_posts"
SIGN_OFF = "moderation.sign_off_solutions"


def can_review(user):
    return user.is_authenticated and user.is_active and user.has_perm(REVIEW)


def shows_moderator_tools(user):
    """Whether pages show this member the moderator's view and tools.

    Cached for a minute so ordinary page views cost no permission queries; every
    moderator *action* still checks `can_review`/`can_sign_off` uncached.
    """
    if not user.is_authenticated:
        return False
    known = getattr(user, "_shows_moderator_tools", None)
    if known is None:
        known = user._shows_moderator_tools = cache.get_or_set(f"shows-moderator-tools:{user.pk}", lambda: can_review(user), 60)
    return known


def check_review(user):
    if not can_review(user):
        raise PermissionDenied(_("Only moderators can do this."))


def can_sign_off(user):
    return user.is_authenticated and user.is_active and user.has_perm(SIGN_OFF)


def check_sign_off(user):
    if not can_sign_off(user):
        raise PermissionDenied(_("Only moderators can sign off solutions."))


def has_two_factor(user):
    """Moderators must have TOTP set up before they act (allauth's MFA)."""
    from allauth.mfa.models import Authenticator

    cached = getattr(user, "_has_totp", None)
    if cached is None:
        cached = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        user._has_totp = cached
    return cached
