"""Who may moderate. Members of the Moderators group (and superusers) hold these permissions.

A member's rights and whether they have TOTP set up are asked on every moderator request
and on many member pages, so they are kept in the shared cache (one round trip, no SQL)
for ACCESS_SECONDS. `forget_access` drops a member's entry; moderation.signals calls it
the moment their groups, permissions, account or authenticators change (and a group's
permissions or the group itself), so a moderator taken out of the Moderators group is
refused on their next request. The lifetime only bounds changes that bypass model signals
(QuerySet.update, raw SQL).
"""

from allauth.mfa.models import Authenticator
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from forum.caching import forget
from moderation.models import ReviewStatus
from moderation.policy import queue as queue_policy

REVIEW = "moderation.review_posts"
SIGN_OFF = "moderation.sign_off_solutions"
ACCESS_SECONDS = 60


def _access_key(user_id):
    return f"moderator-access:{user_id}"


def _access(user):
    """{"review": bool, "sign_off": bool, "totp": bool} for a logged-in member: memoised on the user, then in the cache."""
    known = getattr(user, "_moderator_access", None)
    if known is None:
        key = _access_key(user.pk)
        known = cache.get(key)
        if known is None:
            known = {
                "review": user.has_perm(REVIEW),
                "sign_off": user.has_perm(SIGN_OFF),
                "totp": Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
            }
            cache.set(key, known, ACCESS_SECONDS)
        user._moderator_access = known
    return known


def access_cache_key(user_id):
    """For views that fetch this entry together with others (forum.pagecache.lookup); see remember_access."""
    return _access_key(user_id)


def remember_access(user, access):
    """Seed this request's memo with an entry fetched from access_cache_key."""
    user._moderator_access = access


def forget_access(user_ids):
    """Drop the cached rights of these members, now and again after the current transaction commits.

    The second time matters: a request that read the old rights before the commit could
    have stored them again in between.
    """
    forget(*(_access_key(pk) for pk in user_ids))


def has_moderator_role(user):
    """In the Moderators group (or a superuser), whether or not two-factor authentication is set up.

    Not a power by itself: only `moderator_required` asks it, to send such a member to set up TOTP.
    """
    return user.is_authenticated and user.is_active and _access(user)["review"]


def can_review(user):
    """The one rule for every moderator power (seeing held, rejected and deleted posts, edit histories,
    the queue, decisions): the Moderators permission *and* two-factor authentication. Without TOTP a
    moderator sees the site as a member does."""
    return has_moderator_role(user) and _access(user)["totp"]


def shows_moderator_tools(user):
    """Whether pages show this member the moderator's view and tools (the same rule as `can_review`)."""
    return can_review(user)


def check_review(user):
    if not can_review(user):
        if has_moderator_role(user):
            raise PermissionDenied(_("Moderators must set up two-factor authentication before they can act."))
        raise PermissionDenied(_("Only moderators can do this."))


def can_sign_off(user):
    return user.is_authenticated and user.is_active and _access(user)["sign_off"] and _access(user)["totp"]


def check_sign_off(user):
    if not can_sign_off(user):
        raise PermissionDenied(_("Only moderators can sign off solutions."))


def can_decide_item(user, item):
    """Decide on a queue item: a moderator, and not on their own post (another moderator must)."""
    return can_review(user) and item.post.author_id != user.pk


def can_sign_off_topic(user, topic, answer=None):
    """Sign off, decline or mark solved: a moderator who neither started the topic nor wrote the answer."""
    return can_sign_off(user) and user.pk != topic.author_id and (answer is None or user.pk != answer.author_id)


def has_two_factor(user):
    """Moderators must have TOTP set up before they act (allauth's MFA)."""
    return user.is_authenticated and _access(user)["totp"]


class MemberSilenced(PermissionDenied):
    """A silenced member tried to write; the message says until when."""


def _in_force(until):
    return until is not None and until > timezone.now()


def is_silenced(user):
    """Silenced or suspended until a date still to come (the dates live on the member's row, moderation.sanctions)."""
    return user.is_authenticated and (_in_force(getattr(user, "silenced_until", None)) or is_suspended(user))


def is_suspended(user):
    return user.is_authenticated and _in_force(getattr(user, "suspended_until", None))


def check_not_silenced(user):
    """Every write path asks this (forum.permissions.check_post in views, forum.ratelimit.consume in services)."""
    if is_silenced(user):
        until = max(d for d in (user.silenced_until, user.suspended_until) if d is not None and _in_force(d))
        raise MemberSilenced(
            _("A moderator has silenced you until %(until)s: you can read, but not post, vote, react or flag until then.")
            % {"until": formats.date_format(timezone.localtime(until), "DATETIME_FORMAT")}
        )


def undo_refusal(item, now):
    """Why this item's decision cannot be undone now, or None if it can (for the page and the service alike)."""
    if item.status not in (ReviewStatus.APPROVED, ReviewStatus.REJECTED, ReviewStatus.DISMISSED):
        return _("This item has no decision to undo.")
    if not queue_policy.can_undo(item.decided_at, now):
        return _("This decision is too old to undo; open the post and decide again.")
    return None
