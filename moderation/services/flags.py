"""Members' flags: one per member per post, a daily cap, and a threshold of established members that hides an answer."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import ratelimit
from forum.locks import lock_rows
from forum.models import NotificationKind, Visibility
from forum.notifications import notify
from forum.visibility import post_visibility_changed
from moderation.app_settings import moderation_settings
from moderation.audit import audit
from moderation.cache_keys import queue_changed
from moderation.models import AuditAction, Flag, FlagReason, HoldReason, ReviewItem, ReviewStatus
from moderation.services.errors import ModerationError
from moderation.services.review import set_visibility


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
        set_visibility(post, Visibility.PENDING, actor)
        audit(actor=None, action=AuditAction.HIDDEN_BY_FLAGS, post=post, reason=str(counted), status_before=before, status_after=post.visibility)
        notify(recipient=post.author, kind=NotificationKind.POST_HELD, topic=post.topic, post=post)
        post_visibility_changed(post=post, actor=actor, before=before, by_flags=True)
    return flag
