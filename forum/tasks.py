"""Background work: mail goes through the task queue so a mail failure loses nothing and is retried."""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


def send_message(message):
    message.send()


def _later(task_function, *args):
    retry = task_function
    if default_task_backend.supports_defer:
        retry = retry.using(run_after=timezone.now() + timedelta(seconds=30 * 2 ** args[-1]))
    retry.enqueue(*args)


def _send_notifications(notification_ids):
    """Send each notification's mail; returns the ids whose mail failed."""
    from forum.mail import notification_message
    from forum.models import Notification

    notifications = (
        Notification.objects.filter(pk__in=notification_ids)
        .select_related("recipient", "topic__category", "actor", "post")
        .defer("post__body", "post__search_vector", "post__assessment")
    )
    failed = []
    for notification in notifications:
        if not notification.recipient.email or not notification.recipient.is_active:
            continue
        try:
            send_message(notification_message(notification))
        except Exception:
            failed.append(notification.pk)
    return failed


@task()
def send_notification_email(notification_id, attempt=1):
    if _send_notifications([notification_id]):
        if attempt >= MAX_ATTEMPTS:
            logger.error("Giving up on notification mail %s after %s attempts", notification_id, attempt)
            return
        logger.warning("Notification mail %s failed; retrying (attempt %s)", notification_id, attempt + 1)
        _later(send_notification_email, notification_id, attempt + 1)


@task()
def send_notification_emails(notification_ids, attempt=1):
    """The mails of one fan-out (forum/watching.py); only the failed ones are tried again."""
    failed = _send_notifications(notification_ids)
    if failed:
        if attempt >= MAX_ATTEMPTS:
            logger.error("Giving up on notification mails %s after %s attempts", failed, attempt)
            return
        logger.warning("%s notification mails failed; retrying (attempt %s)", len(failed), attempt + 1)
        _later(send_notification_emails, failed, attempt + 1)


@task()
def send_digest_email(user_id, frequency, attempt=1):
    """One member's daily or weekly digest (forum/digests.py), tried again later if the mail fails."""
    from forum.digests import digest_send

    try:
        digest_send(user_id, frequency)
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            logger.error("Giving up on the digest for member %s after %s attempts", user_id, attempt)
            return
        logger.warning("Digest for member %s failed; retrying (attempt %s)", user_id, attempt + 1)
        _later(send_digest_email, user_id, frequency, attempt + 1)


@task()
def fan_out_post(post_id, edit=False):
    """Tell whom it concerns about a post that became visible (or was edited): forum/watching.py."""
    from forum.watching import fan_out

    fan_out(post_id, edit=edit)


@task()
def flush_view_counts():
    from forum.viewcount import view_counts_flush

    view_counts_flush()
