"""Services for "solved" with moderator sign-off, driven by the table in moderation/policy/solution.py.

Every move locks the topic row, asks the policy whether it is allowed, changes the
topic, writes an audit entry and notifies. A refused move raises SolutionError and changes nothing.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import ratelimit
from forum.cache_keys import topic_changed
from forum.models import NotificationKind, Post, SolutionState, Topic, Visibility
from forum.notifications import notify
from moderation.audit import audit
from moderation.cache_keys import queue_changed
from moderation.models import AuditAction
from moderation.permissions import SIGN_OFF, solution_roles
from moderation.policy import Assessment
from moderation.policy import solution as machine


class SolutionError(Exception):
    """A refused solution move; the message is for the person who tried it."""


REFUSALS = {
    "state": lambda: _("That is not possible in the topic's current state; the page may be out of date."),
    "role": lambda: _("You may not do that for this topic."),
    "reason": lambda: _("Please give a reason."),
    "unknown": lambda: _("Unknown action."),
}

AUDIT_ACTIONS = {
    "propose": AuditAction.SOLUTION_PROPOSED,
    "withdraw": AuditAction.SOLUTION_WITHDRAWN,
    "sign_off": AuditAction.SOLUTION_SIGNED_OFF,
    "decline": AuditAction.SOLUTION_DECLINED,
    "request_reopen": AuditAction.REOPEN_REQUESTED,
    "decline_reopen": AuditAction.REOPEN_DECLINED,
    "reopen": AuditAction.TOPIC_REOPENED,
    "mark_solved": AuditAction.MARKED_SOLVED,
    "accepted_edited": AuditAction.ACCEPTED_ANSWER_CHANGED,
    "answer_withdrawn": AuditAction.ACCEPTED_ANSWER_CHANGED,
}

NOTICE_FOR_STARTER = {
    "sign_off": NotificationKind.TOPIC_SOLVED,
    "mark_solved": NotificationKind.TOPIC_SOLVED,
    "decline": NotificationKind.SOLUTION_DECLINED,
    "decline_reopen": NotificationKind.TOPIC_SOLVED,
    "reopen": NotificationKind.TOPIC_REOPENED,
    "answer_withdrawn": NotificationKind.ACCEPTED_ANSWER_CHANGED,
}


def roles_of(user, topic):
    return {machine.SYSTEM} if user is None else solution_roles(user, topic)


def _moderators():
    User = get_user_model()
    return User.objects.filter(
        Q(is_superuser=True) | Q(groups__permissions__codename=SIGN_OFF.split(".")[1]) | Q(user_permissions__codename=SIGN_OFF.split(".")[1]),
        is_active=True,
    ).distinct()


def _apply(*, topic, event, actor, reason="", answer=None):
    """Lock, check, change, audit, notify. `answer` is the answer the move is about, if any."""
    topic = Topic.objects.select_for_update().get(pk=topic.pk)
    before = topic.solution_state
    try:
        target = machine.transition(before, event, roles_of(actor, topic), reason)
    except machine.InvalidTransition as refusal:
        raise SolutionError(REFUSALS[refusal.code]()) from None
    now = timezone.now()
    if target == SolutionState.PROPOSED:
        topic.proposed_answer = answer
        topic.proposed_by = actor if actor is not None else topic.proposed_by
        topic.proposed_at = now
        topic.accepted_answer = None
        topic.solved_by = None
        topic.solved_at = None
    elif target == SolutionState.OPEN:
        topic.proposed_answer = topic.proposed_by = topic.proposed_at = None
        topic.accepted_answer = topic.solved_by = topic.solved_at = None
    elif target == SolutionState.SOLVED and before in (SolutionState.OPEN, SolutionState.PROPOSED):
        topic.accepted_answer = answer
        topic.solved_by = actor
        topic.solved_at = now
        topic.proposed_answer = topic.proposed_by = topic.proposed_at = None
    topic.solution_state = target
    topic.save(
        update_fields=[
            "solution_state", "proposed_answer", "proposed_by", "proposed_at", "accepted_answer", "solved_by", "solved_at",
        ]
    )
    subject = answer or topic.accepted_answer
    audit(actor=actor, action=AUDIT_ACTIONS[event], topic=topic, post=subject, reason=reason, status_before=before, status_after=target)
    _notify(event, topic, actor, subject, reason)
    topic_changed(topic.pk)
    queue_changed()  # the count of topics waiting for sign-off
    return topic


def _notify(event, topic, actor, answer, reason):
    rule = machine.TRANSITIONS[event]
    if event == "propose" and answer is not None:
        # The answer's author, and the starter when a moderator proposed it (notify skips the actor).
        for recipient in {answer.author_id: answer.author, topic.author_id: topic.author}.values():
            notify(recipient=recipient, kind=NotificationKind.SOLUTION_PROPOSED, actor=actor, topic=topic, post=answer)
    if "starter" in rule.notifies and event in NOTICE_FOR_STARTER:
        notify(recipient=topic.author, kind=NOTICE_FOR_STARTER[event], actor=actor, topic=topic, post=answer, reason=reason)
    if "answer_author" in rule.notifies and answer is not None:
        notify(recipient=answer.author, kind=NotificationKind.SOLUTION_ACCEPTED, actor=actor, topic=topic, post=answer)
    if "moderators" in rule.notifies:
        for moderator in _moderators():
            notify(recipient=moderator, kind=NotificationKind.ACCEPTED_ANSWER_CHANGED, actor=actor, topic=topic, post=answer, reason=reason)


def _check_answer(topic, answer):
    if answer.topic_id != topic.pk or answer.is_question or not answer.is_visible:
        raise SolutionError(_("Only a published answer in this topic can be the solution."))


def _check_health_rule(topic, answer, override_reason):
    """In health categories an answer that needs review cannot be accepted without a written override.

    The override is its own field with its own reason: no other reason (to mark solved, to
    decline) ever counts as one.
    """
    if not topic.category.is_health or not answer.assessment:
        return False
    if Assessment.from_dict(answer.assessment).needs_review:
        if not override_reason.strip():
            raise SolutionError(
                _("This answer makes a health claim without a qualifying source. Ask for a source, or override with a written reason.")
            )
        return True
    return False


def check_not_involved(actor, topic, answer=None):
    """Separation of duties: no moderator signs off a solution in their own topic or on their own answer."""
    if actor.pk == topic.author_id or (answer is not None and actor.pk == answer.author_id):
        raise SolutionError(_("This is your own topic or answer: another moderator needs to decide on it."))


def _check_answer_revision(answer, revision):
    if revision is not None and int(revision) != answer.revision:
        raise SolutionRevisionChanged(seen=int(revision), current=answer.revision)


class SolutionRevisionChanged(SolutionError):
    """The answer changed after the moderator opened the sign-off page."""

    def __init__(self, *, seen, current):
        self.seen, self.current = seen, current
        super().__init__(
            _("The answer was changed after you opened it. Nothing was decided: read the changes below and decide again.")
        )


def _audit_override(actor, topic, answer, override_reason):
    audit(actor=actor, action=AuditAction.HEALTH_OVERRIDE, topic=topic, post=answer, reason=override_reason.strip(),
          status_before=topic.solution_state, status_after=topic.solution_state)


@transaction.atomic
def solution_propose(*, actor, topic, answer):
    ratelimit.consume(actor, "solution")
    answer = Post.objects.select_related("author").get(pk=answer.pk)
    _check_answer(topic, answer)
    return _apply(topic=topic, event="propose", actor=actor, answer=answer)


@transaction.atomic
def solution_withdraw(*, actor, topic):
    ratelimit.consume(actor, "solution")
    return _apply(topic=topic, event="withdraw", actor=actor)


@transaction.atomic
def solution_sign_off(*, actor, topic, override_reason="", revision=None):
    """Sign off the proposed answer at the revision the moderator saw (Post.revision; views always pass it)."""
    # OF self: PostgreSQL cannot lock the nullable side of the outer join to proposed_answer.
    locked = Topic.objects.select_for_update(of=("self",)).select_related("category", "proposed_answer__author").get(pk=topic.pk)
    answer = locked.proposed_answer
    if locked.solution_state != SolutionState.PROPOSED or answer is None:
        raise SolutionError(REFUSALS["state"]())
    _check_answer(locked, answer)
    check_not_involved(actor, locked, answer)
    _check_answer_revision(answer, revision)
    if _check_health_rule(locked, answer, override_reason):
        _audit_override(actor, locked, answer, override_reason)
    return _apply(topic=locked, event="sign_off", actor=actor, answer=answer)


@transaction.atomic
def solution_decline(*, actor, topic, reason):
    found = Topic.objects.select_related("proposed_answer__author").get(pk=topic.pk)
    answer = found.proposed_answer
    check_not_involved(actor, found, answer)
    return _apply(topic=topic, event="decline", actor=actor, reason=reason, answer=answer)


@transaction.atomic
def solution_request_reopen(*, actor, topic, reason):
    ratelimit.consume(actor, "reopen")
    return _apply(topic=topic, event="request_reopen", actor=actor, reason=reason)


@transaction.atomic
def solution_decline_reopen(*, actor, topic, reason):
    return _apply(topic=topic, event="decline_reopen", actor=actor, reason=reason)


@transaction.atomic
def solution_reopen(*, actor, topic, reason):
    return _apply(topic=topic, event="reopen", actor=actor, reason=reason)


@transaction.atomic
def solution_mark_solved(*, actor, topic, answer, reason, override_reason=""):
    """A moderator marks a topic solved directly (for example when the starter is gone)."""
    topic = Topic.objects.select_related("category").get(pk=topic.pk)
    answer = Post.objects.select_related("author").get(pk=answer.pk)
    _check_answer(topic, answer)
    check_not_involved(actor, topic, answer)
    if _check_health_rule(topic, answer, override_reason):
        _audit_override(actor, topic, answer, override_reason)
    return _apply(topic=topic, event="mark_solved", actor=actor, reason=reason, answer=answer)


def accepted_answer_changed(*, topic, post, actor, change):
    """Called inside post services when a post is edited, hidden, rejected or deleted.

    An edited accepted answer that is still published goes back to "solution proposed",
    so a moderator signs off on the new text. A proposed or accepted answer that is no
    longer visible leaves nothing to sign off: the topic goes back to "open".
    Moderators are notified either way.
    """
    topic = Topic.objects.get(pk=topic.pk)
    involved = post.pk in (topic.accepted_answer_id, topic.proposed_answer_id)
    if not involved:
        return
    post = Post.objects.select_related("author").get(pk=post.pk)
    still_visible = post.visibility == Visibility.PUBLISHED and not post.is_deleted
    if still_visible and change == "edited" and topic.accepted_answer_id == post.pk:
        _apply(topic=topic, event="accepted_edited", actor=None, answer=post, reason=change)
    elif not still_visible:
        _apply(topic=topic, event="answer_withdrawn", actor=None, answer=post, reason=change)
