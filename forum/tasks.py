"""Background work: mail goes through the task queue so a mail failure loses nothing and is retried."""

import logging
from datetime import timedelta

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


@task()
def send_notification_email(notification_id, attempt=1):
    from forum.models import Notification
    from forum.notifications import describe

    notification = (
        Notification.objects.select_related("recipient", "topic", "actor", "post").filter(pk=notification_id).first()
    )
    if notification is None or not notification.recipient.email:
        return
    language = notification.recipient.preferred_language or "nl"
    with translation.override(language):
        context = {"notification": notification, "text": describe(notification)}
        subject = render_to_string("emails/notification_subject.txt", context).strip()
        body = render_to_string("emails/notification_body.txt", context)
    try:
        send_mail(subject, body, None, [notification.recipient.email])
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            logger.exception("Giving up on notification mail %s after %s attempts", notification_id, attempt)
            return
        logger.warning("Notification mail %s failed; retrying (attempt %s)", notification_id, attempt + 1)
        retry = send_notification_email
        if default_task_backend.supports_defer:
            retry = retry.using(run_after=timezone.now() + timedelta(seconds=30 * 2**attempt))
        retry.enqueue(notification_id, attempt + 1)


@task()
def flush_view_counts():
    from forum.viewcount import view_counts_flush

    view_counts_flush()
