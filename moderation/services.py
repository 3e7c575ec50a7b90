"""Every moderation state change: screening posts, queue decisions, claims, flags and rule changes.

Each public function is one transaction that locks the rows it changes, writes its audit
entry and sends its notifications after commit (through forum.notifications).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import ratelimit
from forum.locks import lock_rows
from forum.models import Notification, NotificationKind, Visibility
from forum.notifications import notify
from forum.visibility import post_visibility_changed, topic_refresh_counters
from moderation.app_settings import moderation_settings
from moderation.audit import audit
from moderation.cache_keys import queue_changed
from moderation.care import post_crisis_check
from moderation.decisions import decision_record
from moderation.models import AuditAction, Flag, FlagReason, HoldReason, ReviewItem, ReviewStatus
from moderation.permissions import undo_refusal
from moderation.policy import Assessment
from moderation.policy import queue as queue_policy
from moderation.rules import rules_changed as _bump_rules_version
from moderation.screening import screen_post


class ModerationError(Exception):
    """A decision that cannot be made; the message is for the moderator or member."""


def assess_post_text(*, title, body, is_question, html=None):
    """The assessment of a post as it will be stored and shown (moderation.screening): callers run it
    before they lock rows. `html`: the body's rendered HTML, when the caller has it."""
    return screen_post(body, title=title if is_question else None, html=html)


def post_screen(*, post, actor, is_edit, assessment=None, hold=True):
    """Assess a new or edited post and publish it or hold it. Runs inside the caller's transaction.

    - A claim without a qualifying source is held (pending) with a detector review item.
    - A held post whose edit adds a qualifying source is published at once.
    - An edit to a rejected post goes back to the queue as "resubmitted after rejection",
      whatever the policy now says: only a moderator publishes it again.
    - Posts held because of flags, or resubmitted after a rejection, stay queued until a
      moderator decides; their edits are assessed like any edit, and a flagged post that an
      edit turns into an unsourced claim is held.

    `assessment` is the caller's assessment of exactly this text (assess_post_text), made before it locked rows.
    """
    if assessment is None:
        assessment = screen_post(post.body, title=post.topic.title if post.is_question else None, html=post.body_html)
    post.assessment = assessment.to_dict()
    if not hold:  # a moderator's edit is assessed and checked for crisis signals, but never holds the post
        post_crisis_check(post=post, actor=actor)
        post.save(update_fields=["assessment", "crisis"])
        return
    before = post.visibility
    pending = ReviewItem.objects.select_for_update().filter(post=post, status=ReviewStatus.PENDING).first()
    if pending is not None:
        queue_changed()  # the queue shows the post's text, which may have changed
    update = ["assessment"]

    if is_edit and before == Visibility.REJECTED and pending is None:
        rejected = (
            ReviewItem.objects.filter(post=post, status=ReviewStatus.REJECTED).order_by("-decided_at", "-pk").first()
        )
        ReviewItem.objects.create(
            post=post, reason=HoldReason.RESUBMITTED, claim_types=list(assessment.claim_types),
            base_revision=rejected.decided_revision if rejected else None,
        )
        post.visibility = Visibility.PENDING
        update.append("visibility")
        audit(
            actor=actor, action=AuditAction.RESUBMITTED, post=post, reason=HoldReason.RESUBMITTED.label,
            status_before=before, status_after=Visibility.PENDING,
        )
        queue_changed()
    elif pending is not None and pending.reason in (HoldReason.FLAGS, HoldReason.RESUBMITTED):
        pending.claim_types = list(assessment.claim_types)
        pending.save(update_fields=["claim_types"])
        if is_edit and assessment.needs_review and before == Visibility.PUBLISHED:
            post.visibility = Visibility.PENDING
            update.append("visibility")
            audit(
                actor=actor, action=AuditAction.RESUBMITTED, post=post, reason=", ".join(m.rule for m in assessment.matched),
                status_before=before, status_after=Visibility.PENDING,
            )
    elif assessment.needs_review:
        if pending is None:
            ReviewItem.objects.create(post=post, reason=HoldReason.DETECTOR, claim_types=list(assessment.claim_types))
        else:
            pending.claim_types = list(assessment.claim_types)
            pending.save(update_fields=["claim_types"])
        if before != Visibility.PENDING or pending is None:
            post.visibility = Visibility.PENDING
            update.append("visibility")
            audit(
                actor=actor, action=AuditAction.RESUBMITTED if is_edit else AuditAction.HELD, post=post,
                reason=", ".join(m.rule for m in assessment.matched), status_before=before if is_edit else "",
                status_after=Visibility.PENDING,
            )
            notify(recipient=post.author, kind=NotificationKind.POST_HELD, topic=post.topic, post=post)
    elif before == Visibility.PENDING and pending is not None:
        pending.status = queue_policy.decide(pending.status, "withdraw")
        pending.decided_at = timezone.now()
        pending.save(update_fields=["status", "decided_at"])
        _publish_after_fix(post, actor, update)
    # Crisis signals never hold a post: they show help and alert moderators (moderation.care).
    post_crisis_check(post=post, actor=actor)
    post.save(update_fields=[*update, "crisis"])


def _publish_after_fix(post, actor, update):
    before = post.visibility
    post.visibility = Visibility.PUBLISHED
    post.rejection_reason = ""
    update += ["visibility", "rejection_reason"]
    audit(actor=actor, action=AuditAction.AUTO_PUBLISHED, post=post, status_before=before, status_after=Visibility.PUBLISHED)


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


def _set_visibility(post, visibility, actor, **fields):
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
    _set_visibility(post, Visibility.PUBLISHED, actor, moderator_note=note.strip(), reviewed_by=actor, rejection_reason="")
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
    _set_visibility(post, Visibility.REJECTED, actor, rejection_reason=reason.strip(), reviewed_by=actor)
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
        _set_visibility(post, Visibility.PENDING, actor)
        audit(actor=actor, action=AuditAction.FLAGS_DISMISSED, post=post, status_before=before, status_after=post.visibility)
        audit(actor=None, action=AuditAction.HELD, post=post, reason=", ".join(m.rule for m in assessment.matched),
              status_before=before, status_after=post.visibility)
    else:
        _set_visibility(post, Visibility.PUBLISHED, actor)
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


class FlagError(ModerationError):
    pass


def _counting_flaggers(post, now):
    """How many distinct members with open flags on the post count toward hiding it: accounts old
    enough and with enough published posts, so a handful of fresh accounts cannot hide anything."""
    cutoff = now - timedelta(days=moderation_settings.FLAG_MIN_ACCOUNT_DAYS)
    return (
        get_user_model().objects.filter(flags__post=post, flags__outcome=ReviewStatus.PENDING, date_joined__lte=cutoff)
        .annotate(published=Count("posts", filter=Q(posts__visibility=Visibility.PUBLISHED, posts__is_deleted=False), distinct=True))
        .filter(published__gte=moderation_settings.FLAG_MIN_PUBLISHED_POSTS)
        .count()
    )


@transaction.atomic
def flag_create(*, actor, post, reason, text=""):
    """Flag a published post. One flag per member per post; a daily cap per member; never one's own post.

    The member's row is locked while counting, so parallel flags cannot slip past the cap.
    Every flag queues the post (a flagged question with priority). Flags from enough distinct
    established members (moderation.app_settings) hide an answer until a moderator decides; a
    question is never hidden by flags, so a topic never goes offline because of them, and a
    topic whose accepted answer is hidden keeps its solved state, shown as "under review".
    """
    if reason == FlagReason.OTHER and not text.strip():
        raise FlagError(_("Please say what is wrong with this post."))
    if post.author_id == actor.pk:
        raise FlagError(_("You cannot flag your own post."))
    ratelimit.consume(actor, "flag")
    # NO KEY UPDATE: serialises this member's flags without blocking rows that merely refer to the member.
    get_user_model().objects.select_for_update(no_key=True).only("pk").get(pk=actor.pk)
    now = timezone.now()
    if Flag.objects.filter(flagger=actor, created_at__gte=now - timedelta(days=1)).count() >= moderation_settings.FLAG_DAILY_CAP:
        raise FlagError(_("You have reached today's limit of flags. Thank you for helping; a moderator will look."))
    post = lock_rows(topic_id=post.topic_id, post_id=post.pk)[1]
    if not post.is_visible:
        raise FlagError(_("This post is not published."))
    try:
        with transaction.atomic():
            flag = Flag.objects.create(post=post, flagger=actor, reason=reason, text=text.strip())
    except IntegrityError:
        raise FlagError(_("You have already flagged this post.")) from None
    audit(actor=actor, action=AuditAction.FLAGGED, post=post, reason=f"{reason}: {text}".strip(": "))
    pending = ReviewItem.objects.filter(post=post, status=ReviewStatus.PENDING).first()
    if pending is None:
        pending = ReviewItem.objects.create(post=post, reason=HoldReason.FLAGS, priority=post.is_question)
    queue_changed()
    counted = _counting_flaggers(post, now)
    if counted >= moderation_settings.FLAG_THRESHOLD and not post.is_question and pending.reason == HoldReason.FLAGS:
        before = post.visibility
        _set_visibility(post, Visibility.PENDING, actor)
        audit(actor=None, action=AuditAction.HIDDEN_BY_FLAGS, post=post, reason=str(counted), status_before=before, status_after=post.visibility)
        notify(recipient=post.author, kind=NotificationKind.POST_HELD, topic=post.topic, post=post)
        post_visibility_changed(post=post, actor=actor, before=before, by_flags=True)
    return flag


def rules_changed(*, actor, description):
    """An admin changed a term or domain: record it and make every worker rebuild its rules."""
    audit(actor=actor, action=AuditAction.RULE_CHANGED, reason=description)
    _bump_rules_version()  # in the database, committed with the change
