"""Crisis signposting: posts about suicide or self-harm, the moderators' care lane, following up.

A crisis post is never held for being one (holding a cry for help does harm). `post_crisis_check`
runs inside `post_screen` (moderation.services) on every new or edited post: it stores the
detector's decision on the post and, the first time a post is a crisis post, raises a care
alert: every moderator gets an in-app notification and a mail at once, and the alert sorts
first in the queue until a moderator marks the topic followed up (`care_follow_up`).
The topic's help line for readers is `Topic.crisis`, kept by forum.visibility.topic_refresh_counters.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.models import NotificationKind
from forum.notifications import notify_many
from moderation import cache_keys
from moderation.audit import audit
from moderation.models import AuditAction, CareAlert
from moderation.policy.crisis import crisis_text, detect_crisis

CARE_LANE_SECONDS = 60


class CareError(Exception):
    """A follow-up that cannot be recorded; the message is for the moderator."""


def post_crisis_text(post):
    """What readers see of the post: the rendered text, and a question's title with it."""
    body = crisis_text(post.body_html)
    return f"{post.topic.title}\n\n{body}" if post.is_question else body


def post_crisis_check(*, post, actor):
    """Decide whether the post is a crisis post and alert moderators the first time it is.
    Runs inside the caller's transaction and sets `post.crisis` (the caller saves it)."""
    result = detect_crisis(post_crisis_text(post))
    post.crisis = result.crisis
    if result.crisis and not CareAlert.objects.filter(post=post).exists():
        care_alert_raise(post=post, actor=actor, about_someone_else=result.about == "other", signals=list(result.signals))
    return result


def _moderators():
    permission = Q(codename="review_posts", content_type__app_label="moderation")
    user_model = get_user_model()
    review = Permission.objects.filter(permission)
    return (
        user_model.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__permissions__in=review) | Q(user_permissions__in=review))
        .distinct()
    )


def care_alert_raise(*, post, actor, about_someone_else=False, signals=()):
    """Put the post in the care lane and tell every moderator now (in the app and by mail)."""
    alert = CareAlert.objects.create(
        post=post, topic=post.topic, about_someone_else=about_someone_else, signals=list(signals)
    )
    audit(actor=None, action=AuditAction.CARE_ALERT, post=post, reason=", ".join(signals))
    notify_many(recipients=list(_moderators()), kind=NotificationKind.CARE_ALERT, actor=actor, topic=post.topic, post=post)
    cache_keys.queue_changed()
    return alert


@transaction.atomic
def care_follow_up(*, actor, topic, note=""):
    """A moderator has looked after the topic's open alerts: they leave the care lane. Audited."""
    alerts = list(CareAlert.objects.select_for_update().filter(topic=topic, followed_up_at__isnull=True).order_by("pk"))
    if not alerts:
        raise CareError(_("This topic has no open crisis alert; another moderator may have followed it up already."))
    now = timezone.now()
    for alert in alerts:
        alert.followed_up_at = now
        alert.followed_up_by = actor
        alert.save(update_fields=["followed_up_at", "followed_up_by"])
    audit(
        actor=actor, action=AuditAction.CARE_FOLLOWED_UP, topic=topic, post=alerts[0].post,
        reason=note.strip(), status_before="open", status_after="followed_up",
    )
    cache_keys.queue_changed()
    return alerts


def care_lane():
    """Open alerts, one row per topic, oldest first: plain dicts, cached under the queue's version."""
    key = f"moderation-care-lane:{cache_keys.queue_version()}"
    rows = cache.get(key)
    if rows is None:
        rows, seen = [], set()
        alerts = (
            CareAlert.objects.filter(followed_up_at__isnull=True)
            .select_related("topic", "post__author")
            .order_by("created_at", "pk")
        )
        for alert in alerts:
            if alert.topic_id in seen:
                continue
            seen.add(alert.topic_id)
            rows.append({
                "topic_id": alert.topic_id, "title": alert.topic.title, "post_id": alert.post_id,
                "author": alert.post.author.username, "created_at": alert.created_at,
                "about_someone_else": alert.about_someone_else, "excerpt": crisis_text(alert.post.body_html)[:200],
            })
        cache.set(key, rows, CARE_LANE_SECONDS)
    return rows
