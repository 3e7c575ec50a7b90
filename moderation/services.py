"""Every moderation state change: screening posts, queue decisions, claims, flags and rule changes.

Each public function is one transaction that locks the rows it changes, writes its audit
entry and sends its notifications after commit (through forum.notifications).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import ratelimit
from forum.locks import lock_rows
from forum.models import NotificationKind, Visibility
from forum.notifications import notify
from moderation.app_settings import moderation_settings
from moderation.audit import audit
from moderation.cache_keys import queue_changed
from moderation.models import AuditAction, Flag, FlagReason, HoldReason, ReviewItem, ReviewStatus
from moderation.policy import assess
from moderation.policy import queue as queue_policy
from moderation.rules import load_rules
from moderation.rules import rules_changed as _bump_rules_version


class ModerationError(Exception):
    """A decision that cannot be made; the message is for the moderator or member."""


def post_assessment_text(post):
    """The question is assessed with its title: a title alone can make the claim."""
    return assessment_text(title=post.topic.title, body=post.body, is_question=post.is_question)


def assessment_text(*, title, body, is_question):
    return f"{title}\n\n{body}" if is_question else body


def assess_post_text(*, title, body, is_question):
    """The assessment of a post's text as it will be stored: callers run it before they lock rows."""
    return assess(assessment_text(title=title, body=body, is_question=is_question), load_rules())


def post_screen(*, post, actor, is_edit, assessment=None):
    """Assess a new or edited post and publish it or hold it. Runs inside the caller's transaction.

    - A claim without a qualifying source is held (pending) with a detector review item.
    - A held post whose edit adds a qualifying source is published at once.
    - An edit to a rejected post resubmits it to the queue, except that a detector
      rejection is lifted at once when the edit adds a qualifying source.
    - Posts held because of flags stay held until a moderator decides.

    `assessment` is the caller's assessment of exactly this text (assess_post_text), made before it locked rows.
    """
    if assessment is None:
        assessment = assess(post_assessment_text(post), load_rules())
    post.assessment = assessment.to_dict()
    before = post.visibility
    pending = ReviewItem.objects.select_for_update().filter(post=post, status=ReviewStatus.PENDING).first()
    if pending is not None:
        queue_changed()  # the queue shows the post's text, which may have changed
    last = None if pending else ReviewItem.objects.filter(post=post).order_by("-created_at", "-pk").first()
    update = ["assessment"]

    if pending and pending.reason == HoldReason.FLAGS:
        pass
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
    elif before == Visibility.REJECTED and is_edit:
        if last is not None and last.reason == HoldReason.DETECTOR:
            _publish_after_fix(post, actor, update)
        else:
            ReviewItem.objects.create(post=post, reason=last.reason if last else HoldReason.MANUAL)
            post.visibility = Visibility.PENDING
            update.append("visibility")
            audit(actor=actor, action=AuditAction.RESUBMITTED, post=post, status_before=before, status_after=Visibility.PENDING)
    post.save(update_fields=update)


def _publish_after_fix(post, actor, update):
    before = post.visibility
    post.visibility = Visibility.PUBLISHED
    post.rejection_reason = ""
    update += ["visibility", "rejection_reason"]
    audit(actor=actor, action=AuditAction.AUTO_PUBLISHED, post=post, status_before=before, status_after=Visibility.PUBLISHED)
    if not post.is_question:
        from forum.services import answer_announce

        answer_announce(post)


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


def _decide(item, decision, actor, now):
    try:
        item.status = queue_policy.decide(item.status, decision)
    except queue_policy.AlreadyDecided:
        raise ModerationError(_("This item was already decided by another moderator; nothing was changed.")) from None
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


def _finish(item, actor, now, note=""):
    item.decided_by = actor
    item.decided_at = now
    item.decision_note = note
    item.claimed_by = None
    item.claimed_until = None
    item.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "claimed_by", "claimed_until"])


def _close_flags(post, outcome, actor):
    flaggers = get_user_model().objects.filter(
        flags__post=post, flags__outcome=ReviewStatus.PENDING
    ).distinct()
    for flagger in flaggers:
        notify(recipient=flagger, kind=NotificationKind.FLAG_OUTCOME, actor=actor, topic=post.topic, post=post)
    Flag.objects.filter(post=post, outcome=ReviewStatus.PENDING).update(outcome=outcome)


def _set_visibility(post, visibility, actor, **fields):
    post.visibility = visibility
    for name, value in fields.items():
        setattr(post, name, value)
    post.save(update_fields=["visibility", *fields])


def _after_visibility_change(post, actor, before):
    from forum.services import answer_announce, topic_refresh_counters
    from moderation.solutions import accepted_answer_changed

    if post.visibility == Visibility.PUBLISHED and before != Visibility.PUBLISHED and not post.is_question:
        answer_announce(post)
    if post.visibility != Visibility.PUBLISHED:
        accepted_answer_changed(topic=post.topic, post=post, actor=actor, change="hidden")
    topic_refresh_counters(post.topic_id)


@transaction.atomic
def review_approve(*, actor, item, note=""):
    """Publish the post, optionally with a public moderator note shown on it."""
    item = _lock_item(item.pk)
    now = timezone.now()
    _decide(item, "approve", actor, now)
    post = item.post  # locked with the item (_lock_item)
    before = post.visibility
    _set_visibility(post, Visibility.PUBLISHED, actor, moderator_note=note.strip(), reviewed_by=actor, rejection_reason="")
    _finish(item, actor, now, note)
    audit(actor=actor, action=AuditAction.APPROVED, post=post, reason=note, status_before=before, status_after=post.visibility)
    if note.strip():
        audit(actor=actor, action=AuditAction.NOTE_ADDED, post=post, reason=note, status_before=post.visibility, status_after=post.visibility)
    notify(recipient=post.author, kind=NotificationKind.POST_APPROVED, actor=actor, topic=post.topic, post=post, reason=note)
    _close_flags(post, ReviewStatus.APPROVED, actor)
    _after_visibility_change(post, actor, before)
    return item


@transaction.atomic
def review_reject(*, actor, item, reason):
    """Keep the post from readers; the author sees the reason and can revise and resubmit."""
    if not reason.strip():
        raise ModerationError(_("Give the author a reason for the rejection."))
    item = _lock_item(item.pk)
    now = timezone.now()
    _decide(item, "reject", actor, now)
    post = item.post  # locked with the item (_lock_item)
    before = post.visibility
    _set_visibility(post, Visibility.REJECTED, actor, rejection_reason=reason.strip(), reviewed_by=actor)
    _finish(item, actor, now, reason)
    audit(actor=actor, action=AuditAction.REJECTED, post=post, reason=reason, status_before=before, status_after=post.visibility)
    notify(recipient=post.author, kind=NotificationKind.POST_REJECTED, actor=actor, topic=post.topic, post=post, reason=reason)
    _close_flags(post, ReviewStatus.REJECTED, actor)
    _after_visibility_change(post, actor, before)
    return item


@transaction.atomic
def review_dismiss_flags(*, actor, item):
    """The flags were unfounded: the post is shown again and the flaggers are told."""
    item = _lock_item(item.pk)
    if item.reason != HoldReason.FLAGS:
        raise ModerationError(_("Only flagged items have flags to dismiss."))
    now = timezone.now()
    _decide(item, "dismiss_flags", actor, now)
    post = item.post  # locked with the item (_lock_item)
    before = post.visibility
    _set_visibility(post, Visibility.PUBLISHED, actor)
    _finish(item, actor, now)
    audit(actor=actor, action=AuditAction.FLAGS_DISMISSED, post=post, status_before=before, status_after=post.visibility)
    _close_flags(post, ReviewStatus.DISMISSED, actor)
    _after_visibility_change(post, actor, before)
    return item


@transaction.atomic
def review_undo(*, actor, item):
    """Reverse a recent decision: the item is pending again and the post is held again."""
    item = _lock_item(item.pk)
    now = timezone.now()
    if not queue_policy.can_undo(item.decided_at, now):
        raise ModerationError(_("This decision is too old to undo; open the post and decide again."))
    before_status = item.status
    try:
        item.status = queue_policy.decide(item.status, "undo")
    except queue_policy.AlreadyDecided:
        raise ModerationError(_("This item has no decision to undo.")) from None
    post = item.post  # locked with the item (_lock_item)
    before = post.visibility
    item.decided_by = None
    item.decided_at = None
    item.decision_note = ""
    try:
        with transaction.atomic():
            item.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    except IntegrityError:
        raise ModerationError(_("This post is already back in the queue.")) from None
    _set_visibility(post, Visibility.PENDING, actor, moderator_note="", rejection_reason="", reviewed_by=None)
    audit(actor=actor, action=AuditAction.DECISION_UNDONE, post=post, reason=before_status, status_before=before, status_after=post.visibility)
    _after_visibility_change(post, actor, before)
    return item


def review_bulk(*, actor, items, decision, reason=""):
    """Approve or reject several items; each is its own transaction. Returns (done, failed messages)."""
    done, failed = 0, []
    for item in items:
        try:
            if decision == "approve":
                review_approve(actor=actor, item=item)
            else:
                review_reject(actor=actor, item=item, reason=reason)
            done += 1
        except ModerationError as error:
            failed.append(f"#{item.pk}: {error}")
    return done, failed


class FlagError(ModerationError):
    pass


@transaction.atomic
def flag_create(*, actor, post, reason, text=""):
    """Flag a published post. One flag per member per post; a daily cap per member.

    The member's row is locked while counting, so parallel flags cannot slip past the cap.
    Enough flags from distinct members hide the post and queue it.
    """
    if reason == FlagReason.OTHER and not text.strip():
        raise FlagError(_("Please say what is wrong with this post."))
    ratelimit.consume(actor, "flag")
    # NO KEY UPDATE: serialises this member's flags without blocking rows that merely refer to the member.
    get_user_model().objects.select_for_update(no_key=True).only("pk").get(pk=actor.pk)
    since = timezone.now() - timedelta(days=1)
    if Flag.objects.filter(flagger=actor, created_at__gte=since).count() >= moderation_settings.FLAG_DAILY_CAP:
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
    open_flags = Flag.objects.filter(post=post, outcome=ReviewStatus.PENDING).values("flagger").distinct().count()
    if open_flags >= moderation_settings.FLAG_THRESHOLD:
        if not ReviewItem.objects.filter(post=post, status=ReviewStatus.PENDING).exists():
            ReviewItem.objects.create(post=post, reason=HoldReason.FLAGS)
        before = post.visibility
        _set_visibility(post, Visibility.PENDING, actor)
        audit(actor=None, action=AuditAction.HIDDEN_BY_FLAGS, post=post, reason=str(open_flags), status_before=before, status_after=post.visibility)
        notify(recipient=post.author, kind=NotificationKind.POST_HELD, topic=post.topic, post=post)
        _after_visibility_change(post, actor, before)
    return flag


def rules_changed(*, actor, description):
    """An admin changed a term or domain: record it and make every worker rebuild its rules."""
    audit(actor=actor, action=AuditAction.RULE_CHANGED, reason=description)
    transaction.on_commit(_bump_rules_version)
