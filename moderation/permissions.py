"""Who may moderate. Members of the Moderators group (and superusers) hold these permissions.

Every function takes the request's `Viewer` (forum.viewer), which asks a member's rights and whether
they have TOTP set up once per request (kept in the shared cache for ACCESS_SECONDS), or a member
(a service's actor), who is asked afresh. `forget_access` drops a member's entry; moderation.signals
calls it the moment their groups, permissions, account or authenticators change (and a group's
permissions or the group itself), so a moderator taken out of the Moderators group is refused on
their next request. The lifetime only bounds changes that bypass model signals (QuerySet.update, raw SQL).
"""

from django.core.exceptions import PermissionDenied
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from forum.caching import forget
from forum.viewer import ACCESS_SECONDS, REVIEW, SIGN_OFF, access_cache_key, as_viewer
from moderation.models import ReviewStatus
from moderation.policy import queue as queue_policy
from moderation.policy import solution as solution_machine

__all__ = ["ACCESS_SECONDS", "REVIEW", "SIGN_OFF"]


def forget_access(user_ids):
    """Drop the cached rights of these members, now and again after the current transaction commits.

    The second time matters: a request that read the old rights before the commit could
    have stored them again in between.
    """
    forget(*(access_cache_key(pk) for pk in user_ids))


def has_moderator_role(user):
    """In the Moderators group (or a superuser), whether or not two-factor authentication is set up.

    Not a power by itself: only `moderator_required` asks it, to send such a member to set up TOTP.
    """
    return as_viewer(user).has_moderator_role


def can_review(user):
    """The one rule for every moderator power (seeing held, rejected and deleted posts, edit histories,
    the queue, decisions): the Moderators permission *and* two-factor authentication. Without TOTP a
    moderator sees the site as a member does."""
    return as_viewer(user).is_moderator


def shows_moderator_tools(user):
    """Whether pages show this member the moderator's view and tools (the same rule as `can_review`)."""
    return can_review(user)


def check_review(user):
    if not can_review(user):
        if has_moderator_role(user):
            raise PermissionDenied(_("Moderators must set up two-factor authentication before they can act."))
        raise PermissionDenied(_("Only moderators can do this."))


def can_sign_off(user):
    return as_viewer(user).may_sign_off


def check_sign_off(user):
    if not can_sign_off(user):
        raise PermissionDenied(_("Only moderators can sign off solutions."))


def can_decide_item(user, item):
    """Decide on a queue item: a moderator, and not on their own post (another moderator must)."""
    return can_review(user) and item.post.author_id != user.pk


def can_sign_off_topic(user, topic, answer=None):
    """Sign off, decline or mark solved: a moderator who neither started the topic nor wrote the answer."""
    return can_sign_off(user) and user.pk != topic.author_id and (answer is None or user.pk != answer.author_id)


def solution_roles(user, topic):
    """The solution table's roles (moderation/policy/solution.py) this member holds in the topic."""
    viewer = as_viewer(user)
    roles = set()
    if viewer.is_authenticated and viewer.pk is not None and viewer.pk == topic.author_id:
        roles.add(solution_machine.STARTER)
    if viewer.may_sign_off:
        roles.add(solution_machine.MODERATOR)
    return roles


def can_move_solution(user, topic, event):
    """Whether the solution table lets this member make the move now (the service asks the same table)."""
    return solution_machine.allowed(topic.solution_state, event, solution_roles(user, topic))


def solution_moves(user, topic):
    """{move: allowed} for every move a person makes, for the topic page's solution controls."""
    roles = solution_roles(user, topic)
    return {event: solution_machine.allowed(topic.solution_state, event, roles)
            for event, rule in solution_machine.TRANSITIONS.items() if solution_machine.SYSTEM not in rule.roles}


def has_two_factor(user):
    """Moderators must have TOTP set up before they act (allauth's MFA)."""
    return as_viewer(user).has_two_factor


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
