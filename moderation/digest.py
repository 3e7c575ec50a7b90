"""The opt-in digest of queue items that have waited too long: who gets it, and the task that mails it.
Run hourly from cron: `manage.py send_queue_digest`."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from moderation.app_settings import moderation_settings
from moderation.models import ReviewItem, ReviewStatus
from moderation.permissions import REVIEW


def queue_digest_enqueue():
    """Queue one digest mail per moderator who opted in; each mail lists only long-waiting items."""
    app_label, codename = REVIEW.split(".")
    moderators = (
        get_user_model()
        .objects.filter(is_active=True, email_queue_digest=True)
        .filter(Q(is_superuser=True) | Q(groups__permissions__codename=codename) | Q(user_permissions__codename=codename))
        .distinct()
    )
    count = 0
    for moderator in moderators:
        send_queue_digest.enqueue(moderator.pk)
        count += 1
    return count


@task()
def send_queue_digest(moderator_id):
    moderator = get_user_model().objects.get(pk=moderator_id)
    cutoff = timezone.now() - timedelta(hours=moderation_settings.DIGEST_AFTER_HOURS)
    waiting = list(
        ReviewItem.objects.filter(status=ReviewStatus.PENDING, created_at__lt=cutoff)
        .select_related("post__topic")
        .order_by("created_at")[:50]
    )
    if not waiting:
        return 0
    with translation.override(moderator.preferred_language or "nl"):
        context = {"items": waiting, "hours": moderation_settings.DIGEST_AFTER_HOURS, "moderator": moderator}
        subject = render_to_string("emails/queue_digest_subject.txt", context).strip()
        body = render_to_string("emails/queue_digest_body.txt", context)
    send_mail(subject, body, None, [moderator.email])
    return len(waiting)
