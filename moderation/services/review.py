"""The review queue's decisions: claim, approve, reject, dismiss flags, undo, and several at once.

Each decision locks the item's topic, post and item (forum.locks), refuses a stale or own-post
decision, writes its audit rows, tells whom it concerns and hands the post's new visibility to
forum.visibility.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.locks import lock_rows
from forum.models import Notification, NotificationKind, Visibility
from forum.notifications import notify
from forum.visibility import post_visibility_changed, topic_refresh_counters
from moderation.audit import audit
from moderation.cache_keys import queue_changed
from moderation.decisions import decision_record
from moderation.models import AuditAction, Flag, HoldReason, ReviewItem, ReviewStatus
from moderation.permissions import undo_refusal
from moderation.policy import Assessment
from moderation.policy import queue as queue_policy
from moderation.services.errors import ModerationError


def _lock_item(item_id):
    """The item's topic, post and the item itself, in the one order every service uses (forum.locks)."""
    post_id, topic_id = ReviewItem.objects.values_list("post_id", "post__topic_id").get(pk=item_id)
    return lock_rows(topic_id=topic_id, post_id=post_id, item_id=item_id)[2]


def _check_claim(item, actor, now):
    holder = queue_policy.claim_holder(item.claimed_by_id, item.claimed_until, now)
    if holder is not None and holder != actor.pk:
        raise ModerationError(
            _("%(name)s is working on this item until %(time)s.")
            % {"name": item.claimed_by.username, "time": timezone.localtime(item.claimed_until).strftime("%H:%M")}
        )


class RevisionChanged(ModerationError):
    """The post changed after the moderator opened it: the decision would apply to text they did not see."""

    def __init__(self, *, seen, current):
        self.seen, self.current = seen, current
        super().__init__(
            _("The post was changed after you opened it. Nothing was decided: read the changes below and decide again.")
        )


def check_revision(post, revision):
    """Refuse a decision made on another revision than the post's current one."""
    if revision is not None and int(revision) != post.revision:
        raise RevisionChanged(seen=int(revision), current=post.revision)


def check_not_own(post, actor):
    """Separation of duties: nobody decides on their own post."""
    if post.author_id == actor.pk:
        raise ModerationError(_("This is your own post: another moderator needs to decide on it."))


def _decide(item, decision, actor, now):
    try:
        item.status = queue_policy.decide(item.status, decision)
    except queue_policy.AlreadyDecided:
        raise ModerationError(_("This item was already decided by another moderator; nothing was changed.")) from None
    check_not_own(item.post, actor)
    _check_claim(item, actor, now)


@transaction.atomic
def review_claim(*, actor, item):
    """Claim an item for 10 minutes so two moderators don't decide it at once. Returns the holder."""
    item = _lock_item(item.pk)
    now = timezone.now()
    holder = queue_policy.claim_holder(item.claimed_by_id, item.claimed_until, now)
    if item.status != ReviewStatus.PENDING or (holder is not None and holder != actor.pk):
        return item
    fresh = holder is None
    item.claimed_by = actor
    item.claimed_until = now + queue_policy.CLAIM_DURATION
    item.save(update_fields=["claimed_by", "claimed_until"])
    if fresh:
        audit(actor=actor, action=AuditAction.CLAIMED, post=item.post, status_before=item.status, status_after=item.status)
    return item


_POST_STATE = ("visibility", "moderator_note", "reviewed_by_id", "rejection_reason")
_TOPIC_STATE = (
    "solution_state", "proposed_answer_id", "proposed_by_id", "proposed_at", "accepted_answer_id", "solved_by_id", "solved_at",
)


def _snapshot(post):
    """The post's and its topic's state before a decision, as plain JSON for review_undo."""
    topic = post.topic  # locked with the item (_lock_item)
    return {
        "post": {name: getattr(post, name) for name in _POST_STATE},
        "topic": {name: (value.isoformat() if hasattr(value, "isoformat") else value)
                  for name in _TOPIC_STATE for value in [getattr(topic, name)]},
        "flags": [], "notifications": [], "followup": None,
    }


def _finish(item, actor, now, note="", *, revision=None, undo_state=None):
    item.decided_by = actor
    item.decided_at = now
    item.decision_note = note
    item.claimed_by = None
    item.claimed_until = None
    item.decided_revision = revision
    item.undo_state = undo_state or {}
    item.save(update_fields=[
        "status", "decided_by", "decided_at", "decision_note", "claimed_by", "claimed_until", "decided_revision", "undo_state",
    ])


def _close_flags(post, outcome, actor, state):
    """Close the post's open flags and tell the flaggers; their ids go into the undo state."""
    flags = list(Flag.objects.filter(post=post, outcome=ReviewStatus.PENDING).select_related("flagger"))
    told = set()
    for flag in flags:
        if flag.flagger_id in told:
            continue
        told.add(flag.flagger_id)
        sent = notify(recipient=flag.flagger, kind=NotificationKind.FLAG_OUTCOME, actor=actor, topic=post.topic, post=post)
        if sent is not None:
            state["notifications"].append(sent.pk)
    Flag.objects.filter(pk__in=[flag.pk for flag in flags]).update(outcome=outcome)
    state["flags"] = [flag.pk for flag in flags]


def set_visibility(post, visibility, actor, **fields):
    post.visibility = visibility
    for name, value in fields.items():
        setattr(post, name, value)
    post.save(update_fields=["visibility", *fields])


def _decided_post(item, revision):
    post = item.post  # locked with the item (_lock_item)
    check_revision(post, revision)
    return post


@transaction.atomic
def review_approve(*, actor, item, note="", revision=None):
    """Publish the post, optionally with a public moderator note shown on it.

    `revision` is the post revision the moderator saw (Post.revision); if the post changed
    since, RevisionChanged is raised and nothing changes. Views always pass it.
    """
    item = _lock_item(item.pk)
    now = timezone.now()
    _decide(item, "approve", actor, now)
    post = _decided_post(item, revision)
    before = post.visibility
    state = _snapshot(post)
    set_visibility(post, Visibility.PUBLISHED, actor, moderator_note=note.strip(), reviewed_by=actor, rejection_reason="")
    decision_record(item=item, post=post, decision=ReviewStatus.APPROVED, actor=actor, reason=note)
    audit(actor=actor, action=AuditAction.APPROVED, post=post, reason=note, status_before=before, status_after=post.visibility)
    if note.strip():
        audit(actor=actor, action=AuditAction.NOTE_ADDED, post=post, reason=note, status_before=post.visibility, status_after=post.visibility)
    sent = notify(recipient=post.author, kind=NotificationKind.POST_APPROVED, actor=actor, topic=post.topic, post=post, reason=note)
    _close_flags(post, ReviewStatus.APPROVED, actor, state)
    if sent is not None:
        state["notifications"].append(sent.pk)
    _finish(item, actor, now, note, revision=post.revision, undo_state=state)
    # A post hidden by flags and approved is shown again: nothing new was said, the topic keeps its place.
    post_visibility_changed(post=post, actor=actor, before=before, by_flags=item.reason == HoldReason.FLAGS)
    return item


@transaction.atomic
def review_reject(*, actor, item, reason, revision=None):
    """Keep the post from readers; the author sees the reason and can revise and resubmit."""
    if not reason.strip():
        raise ModerationError(_("Give the author a reason for the rejection."))
    item = _lock_item(item.pk)
    now = timezone.now()
    _decide(item, "reject", actor, now)
    post = _decided_post(item, revision)
    before = post.visibility
    state = _snapshot(post)
    set_visibility(post, Visibility.REJECTED, actor, rejection_reason=reason.strip(), reviewed_by=actor)
    decision_record(item=item, post=post, decision=ReviewStatus.REJECTED, actor=actor, reason=reason)
    audit(actor=actor, action=AuditAction.REJECTED, post=post, reason=reason, status_before=before, status_after=post.visibility)
    sent = notify(recipient=post.author, kind=NotificationKind.POST_REJECTED, actor=actor, topic=post.topic, post=post, reason=reason)
    _close_flags(post, ReviewStatus.REJECTED, actor, state)
    if sent is not None:
        state["notifications"].append(sent.pk)
    _finish(item, actor, now, reason, revision=post.revision, undo_state=state)
    post_visibility_changed(post=post, actor=actor, before=before)
    return item


@transaction.atomic
def review_dismiss_flags(*, actor, item, revision=None):
    """The flags were unfounded: the post is shown again and the flaggers are told.

    If the post now makes a health claim without a qualifying source (it was edited while
    held), dismissing the flags does not publish it: it stays held for that, as a new item.
    """
    item = _lock_item(item.pk)
    if item.reason != HoldReason.FLAGS:
        raise ModerationError(_("Only flagged items have flags to dismiss."))
    now = timezone.now()
    _decide(item, "dismiss_flags", actor, now)
    post = _decided_post(item, revision)
    before = post.visibility
    state = _snapshot(post)
    assessment = Assessment.from_dict(post.assessment) if post.assessment else None
    _close_flags(post, ReviewStatus.DISMISSED, actor, state)
    _finish(item, actor, now, revision=post.revision, undo_state=state)
    if assessment is not None and assessment.needs_review:
        followup = ReviewItem.objects.create(post=post, reason=HoldReason.DETECTOR, claim_types=list(assessment.claim_types))
        state["followup"] = followup.pk
        item.save(update_fields=["undo_state"])
        set_visibility(post, Visibility.PENDING, actor)
        audit(actor=actor, action=AuditAction.FLAGS_DISMISSED, post=post, status_before=before, status_after=post.visibility)
        audit(actor=None, action=AuditAction.HELD, post=post, reason=", ".join(m.rule for m in assessment.matched),
              status_before=before, status_after=post.visibility)
    else:
        set_visibility(post, Visibility.PUBLISHED, actor)
        audit(actor=actor, action=AuditAction.FLAGS_DISMISSED, post=post, status_before=before, status_after=post.visibility)
    post_visibility_changed(post=post, actor=actor, before=before, by_flags=True)
    return item


@transaction.atomic
def review_undo(*, actor, item):
    """Reverse a recent decision exactly: the post, its topic's solution, the flags and the counters are
    as they were before it, the item is pending again, and everyone told of the decision learns it was
    withdrawn (their earlier notification is marked withdrawn)."""
    item = _lock_item(item.pk)
    now = timezone.now()
    refusal = undo_refusal(item, now)
    if refusal:
        raise ModerationError(refusal)
    check_not_own(item.post, actor)
    before_status = item.status
    item.status = queue_policy.decide(item.status, "undo")
    state = item.undo_state or {}
    if state.get("followup"):
        ReviewItem.objects.filter(pk=state["followup"], status=ReviewStatus.PENDING).update(
            status=ReviewStatus.WITHDRAWN, decided_at=now
        )
    post = item.post  # locked with the item (_lock_item)
    before = post.visibility
    item.decided_by = None
    item.decided_at = None
    item.decision_note = ""
    item.undo_state = {}
    try:
        with transaction.atomic():
            item.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "undo_state"])
    except IntegrityError:
        raise ModerationError(_("This post is already back in the queue.")) from None
    restored = state.get("post") or {"visibility": Visibility.PENDING, "moderator_note": "", "reviewed_by_id": None,
                                      "rejection_reason": ""}
    for name, value in restored.items():
        setattr(post, name, value)
    post.save(update_fields=["visibility", "moderator_note", "reviewed_by", "rejection_reason"])
    if state.get("topic"):
        topic = post.topic  # locked with the item (_lock_item)
        for name, value in state["topic"].items():
            setattr(topic, name, value)
        topic.save(update_fields=[name.removesuffix("_id") for name in state["topic"]])
    Flag.objects.filter(pk__in=state.get("flags", [])).update(outcome=ReviewStatus.PENDING)
    earlier = Notification.objects.filter(pk__in=state.get("notifications", [])).select_related("recipient")
    told = {}
    for notification in earlier:
        told[notification.recipient_id] = notification.recipient
    earlier.update(withdrawn_at=now)
    for recipient in told.values():
        notify(recipient=recipient, kind=NotificationKind.DECISION_WITHDRAWN, actor=actor, topic=post.topic, post=post)
    audit(actor=actor, action=AuditAction.DECISION_UNDONE, post=post, reason=before_status, status_before=before, status_after=post.visibility)
    topic_refresh_counters(post.topic_id)
    queue_changed()
    return item


def review_bulk(*, actor, items, decision, reason="", revisions=None):
    """Approve or reject several items; each is its own transaction. Returns (done, failed messages).

    `revisions`: {item id: post revision shown in the queue}; an item whose post changed since is refused.
    """
    done, failed = 0, []
    revisions = revisions or {}
    for item in items:
        try:
            if decision == "approve":
                review_approve(actor=actor, item=item, revision=revisions.get(item.pk))
            else:
                review_reject(actor=actor, item=item, reason=reason, revision=revisions.get(item.pk))
            done += 1
        except ModerationError as error:
            failed.append(f"#{item.pk}: {error}")
    return done, failed
