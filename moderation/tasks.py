"""Background work for moderators: the opt-in digest of items that have waited too long."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from moderation.app_settings import moderation_settings
from moderation.models import ReviewItem, ReviewStatus


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
