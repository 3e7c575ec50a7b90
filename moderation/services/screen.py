"""Screening a new or edited post: moderation decides whether it is published or held and returns the
decision; forum applies it to the post and publishes (forum.services, then forum.visibility)."""

from dataclasses import dataclass

from django.utils import timezone

from forum.models import NotificationKind, Visibility
from forum.notifications import notify
from moderation.audit import audit
from moderation.cache_keys import queue_changed
from moderation.care import post_crisis_check
from moderation.models import AuditAction, HoldReason, ReviewItem, ReviewStatus
from moderation.policy import queue as queue_policy
from moderation.screening import screen_post


@dataclass(frozen=True)
class ScreenDecision:
    """What moderation decided about a screened post, for the forum service that writes the post.

    `visibility`: the post's visibility from now on (the one it had when nothing changes);
    `assessment` and `crisis`: what the policy and the crisis detector found, stored on the post;
    `clear_rejection`: a rejected post fixed by its author is published, and the old reason goes.
    """

    visibility: str
    assessment: dict
    crisis: bool
    clear_rejection: bool = False


def assess_post_text(*, title, body, is_question, html=None):
    """The assessment of a post as it will be stored and shown (moderation.screening): callers run it
    before they lock rows. `html`: the body's rendered HTML, when the caller has it."""
    return screen_post(body, title=title if is_question else None, html=html)


def post_screen(*, post, actor, is_edit, assessment=None, hold=True):
    """Assess a new or edited post and decide whether it is published or held: a `ScreenDecision`.
    Runs inside the caller's transaction; the review item, the audit row, the author's notice and a
    crisis alert are moderation's and written here, the post itself is the caller's to change.

    - A claim without a qualifying source is held (pending) with a detector review item.
    - A held post whose edit adds a qualifying source is published at once.
    - An edit to a rejected post goes back to the queue as "resubmitted after rejection",
      whatever the policy now says: only a moderator publishes it again.
    - Posts held because of flags, or resubmitted after a rejection, stay queued until a
      moderator decides; their edits are assessed like any edit, and a flagged post that an
      edit turns into an unsourced claim is held.
    - `hold=False` (a moderator's edit): assessed and checked for crisis signals, never held.

    `assessment` is the caller's assessment of exactly this text (assess_post_text), made before it locked rows.
    """
    if assessment is None:
        assessment = screen_post(post.body, title=post.topic.title if post.is_question else None, html=post.body_html)
    before = post.visibility
    after, clear_rejection = (_decide(post, actor, is_edit, assessment) if hold else (before, False))
    # Crisis signals never hold a post: they show help and alert moderators (moderation.care).
    crisis = post_crisis_check(post=post, actor=actor).crisis
    return ScreenDecision(visibility=after, assessment=assessment.to_dict(), crisis=crisis, clear_rejection=clear_rejection)


def _decide(post, actor, is_edit, assessment):
    """(the visibility from now on, whether a rejection's reason goes), with the queue's and audit's rows written."""
    before = post.visibility
    pending = ReviewItem.objects.select_for_update().filter(post=post, status=ReviewStatus.PENDING).first()
    if pending is not None:
        queue_changed()  # the queue shows the post's text, which may have changed

    if is_edit and before == Visibility.REJECTED and pending is None:
        rejected = (
            ReviewItem.objects.filter(post=post, status=ReviewStatus.REJECTED).order_by("-decided_at", "-pk").first()
        )
        ReviewItem.objects.create(
            post=post, reason=HoldReason.RESUBMITTED, claim_types=list(assessment.claim_types),
            base_revision=rejected.decided_revision if rejected else None,
        )
        audit(
            actor=actor, action=AuditAction.RESUBMITTED, post=post, reason=HoldReason.RESUBMITTED.label,
            status_before=before, status_after=Visibility.PENDING,
        )
        queue_changed()
        return Visibility.PENDING, False
    if pending is not None and pending.reason in (HoldReason.FLAGS, HoldReason.RESUBMITTED):
        pending.claim_types = list(assessment.claim_types)
        pending.save(update_fields=["claim_types"])
        if is_edit and assessment.needs_review and before == Visibility.PUBLISHED:
            audit(
                actor=actor, action=AuditAction.RESUBMITTED, post=post, reason=", ".join(m.rule for m in assessment.matched),
                status_before=before, status_after=Visibility.PENDING,
            )
            return Visibility.PENDING, False
        return before, False
    if assessment.needs_review:
        if pending is None:
            ReviewItem.objects.create(post=post, reason=HoldReason.DETECTOR, claim_types=list(assessment.claim_types))
        else:
            pending.claim_types = list(assessment.claim_types)
            pending.save(update_fields=["claim_types"])
        if before != Visibility.PENDING or pending is None:
            audit(
                actor=actor, action=AuditAction.RESUBMITTED if is_edit else AuditAction.HELD, post=post,
                reason=", ".join(m.rule for m in assessment.matched), status_before=before if is_edit else "",
                status_after=Visibility.PENDING,
            )
            notify(recipient=post.author, kind=NotificationKind.POST_HELD, topic=post.topic, post=post)
        return Visibility.PENDING, False
    if before == Visibility.PENDING and pending is not None:
        pending.status = queue_policy.decide(pending.status, "withdraw")
        pending.decided_at = timezone.now()
        pending.save(update_fields=["status", "decided_at"])
        audit(actor=actor, action=AuditAction.AUTO_PUBLISHED, post=post, status_before=before, status_after=Visibility.PUBLISHED)
        return Visibility.PUBLISHED, True
    return before, False
