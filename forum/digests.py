"""Daily and weekly digests: one mail with the new posts in the topics and categories a member watches.

Members who chose a digest (Settings) get no mail per watched post (forum/notifications.py); the
scheduled `manage.py send_digests daily|weekly` queues one digest task per member who is due, and
the task mails only when something is new since their last digest.
"""

import logging
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone, translation
from django_tasks import task

from forum import tasks
from forum.mail import message, notification_link, recipient_language
from forum.models import Notification, User
from forum.notifications import DIGEST_KINDS, describe, excerpt

PERIODS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}
# The schedule drifts a little (cron, a slow run): a member whose last digest is this much short of
# a full period is still due, so a daily digest never skips a day.
SLACK = timedelta(hours=2)
ITEMS_SHOWN = 50
logger = logging.getLogger(__name__)


def members_due(frequency, now):
    period = PERIODS[frequency]
    return User.objects.filter(
        Q(digest_sent_at__isnull=True) | Q(digest_sent_at__lte=now - period + SLACK),
        digest_frequency=frequency, email_on_watched=True, is_active=True,
    ).exclude(email="")


def digest_enqueue(frequency, now=None):
    """Queue a digest for every member due for one; returns how many were queued."""
    now = now or timezone.now()
    member_ids = list(members_due(frequency, now).values_list("pk", flat=True))
    for member_id in member_ids:
        send_digest_email.enqueue(member_id, frequency)
    return len(member_ids)


def digest_items(user, since):
    """The member's watch notifications since their last digest, oldest first, posts still readable."""
    return list(
        Notification.objects.filter(recipient=user, kind__in=DIGEST_KINDS, created_at__gt=since, cleared_at__isnull=True)
        .select_related("actor", "topic__category", "post", "recipient")
        .defer("post__body", "post__search_vector", "post__assessment")
        .order_by("created_at", "pk")[:ITEMS_SHOWN]
    )


def digest_message(user, items, frequency):
    with translation.override(recipient_language(user)):
        entries = [
            {"text": describe(item), "excerpt": excerpt(item), "link": notification_link(item)}
            for item in items if item.post is None or item.post.is_visible
        ]
    if not entries:
        return None
    return message(
        user=user, preference="email_on_watched",
        context={"entries": entries, "frequency": frequency},
        subject_template="emails/digest_subject.txt", body_template="emails/digest_body.txt",
    )


def digest_send(user_id, frequency, now=None):
    """Build and send one member's digest; True if a mail went out. Raises if sending fails (the task retries)."""
    now = now or timezone.now()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or user.digest_frequency != frequency:
        return False
    since = user.digest_sent_at or now - PERIODS[frequency]
    mail = digest_message(user, digest_items(user, since), frequency)
    if mail is not None:
        tasks.send_message(mail)
    User.objects.filter(pk=user.pk).update(digest_sent_at=now)
    return mail is not None


@task()
def send_digest_email(user_id, frequency, attempt=1):
    """One member's daily or weekly digest, tried again later if the mail fails."""
    try:
        digest_send(user_id, frequency)
    except Exception:
        if attempt >= tasks.MAX_ATTEMPTS:
            logger.error("Giving up on the digest for member %s after %s attempts", user_id, attempt)
            return
        logger.warning("Digest for member %s failed; retrying (attempt %s)", user_id, attempt + 1)
        tasks.retry_later(send_digest_email, user_id, frequency, attempt + 1)
