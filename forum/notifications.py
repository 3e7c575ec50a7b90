"""In-app notifications and their emails. Services call `notify` (or `notify_many` for a fan-out);
mail is sent by a task after commit."""

import html
import logging

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from forum import tasks
from forum.caching import forget
from forum.mail import message, notification_link, recipient_language
from forum.models import Notification, NotificationKind

logger = logging.getLogger(__name__)

EMAIL_PREFERENCE = {
    NotificationKind.NEW_ANSWER: "email_on_answer",
    NotificationKind.REACTIONS: "email_on_reaction",
    NotificationKind.WATCHED_POST: "email_on_watched",
    NotificationKind.WATCHED_TOPIC: "email_on_watched",
    NotificationKind.MENTION: "email_on_mention",
    NotificationKind.QUOTE: "email_on_mention",
}
# Members who chose a daily or weekly digest get these in the digest (forum/digests.py), not one by one.
DIGEST_KINDS = (NotificationKind.WATCHED_POST, NotificationKind.WATCHED_TOPIC)
EXCERPT_CHARACTERS = 160


def email_preference(kind):
    """The member's setting (a User field) that turns mail of this kind on or off."""
    return EMAIL_PREFERENCE.get(kind, "email_on_moderation")


def wants_email(recipient, kind):
    if kind == NotificationKind.CARE_ALERT:
        return True  # a possible cry for help: every moderator is mailed at once, whatever their settings
    if kind in DIGEST_KINDS and recipient.digest_frequency != "immediate":
        return False
    return bool(getattr(recipient, email_preference(kind)))


def _email_after_commit(notification):
    if not wants_email(notification.recipient, notification.kind):
        return
    transaction.on_commit(lambda: send_notification_email.enqueue(notification.pk))


def notify(*, recipient, kind, actor=None, topic=None, post=None, reason=""):
    """Create one notification (never for your own action) and schedule its email."""
    if actor is not None and recipient.pk == actor.pk:
        return None
    notification = Notification.objects.create(
        recipient=recipient, kind=kind, actor=actor, topic=topic, post=post, reason=reason
    )
    _unread_changed(recipient.pk)
    _email_after_commit(notification)
    return notification


def notify_many(*, recipients, kind, actor=None, topic=None, post=None):
    """One notification of this kind for each recipient, in a fixed number of queries whatever their number.

    Callers pass each member once (forum/watching.py decides who hears of what); the actor is skipped.
    """
    rows = [
        Notification(recipient=recipient, kind=kind, actor=actor, topic=topic, post=post)
        for recipient in recipients
        if actor is None or recipient.pk != actor.pk
    ]
    if not rows:
        return []
    created = Notification.objects.bulk_create(rows)
    for notification, recipient in zip(created, (row.recipient for row in rows), strict=True):
        notification.recipient = recipient
    user_ids = [row.recipient_id for row in created]
    forget(*(unread_cache_key(pk) for pk in user_ids))
    mailed = [row.pk for row in created if wants_email(row.recipient, kind)]
    if mailed:
        transaction.on_commit(lambda: send_notification_emails.enqueue(mailed))
    return created


def notify_reaction(*, recipient, actor, post):
    """Votes and reactions on one post collect in one unread notification instead of one per click.

    Callers hold a lock on the post, so two clicks cannot both create a row.
    """
    if recipient.pk == actor.pk:
        return
    updated = Notification.objects.filter(
        recipient=recipient, kind=NotificationKind.REACTIONS, post=post, is_read=False, cleared_at__isnull=True
    ).update(count=F("count") + 1, actor=actor, updated_at=timezone.now())
    if not updated:
        notify(recipient=recipient, kind=NotificationKind.REACTIONS, actor=actor, topic=post.topic, post=post)


def notification_open(*, recipient, notification):
    if not notification.is_read:
        Notification.objects.filter(pk=notification.pk, recipient=recipient).update(is_read=True)
        _unread_changed(recipient.pk)


def notifications_clear_all(*, recipient):
    """"Clear all" marks everything read and takes it off the list; the rows are kept."""
    _unread_changed(recipient.pk)
    return Notification.objects.filter(recipient=recipient, cleared_at__isnull=True).update(
        is_read=True, cleared_at=timezone.now()
    )


def unread_count(user):
    """The bell's number, cached until this module changes the member's notifications (asked once per
    request by the request's Viewer, forum.viewer)."""
    return cache.get_or_set(
        unread_cache_key(user.pk),
        lambda: Notification.objects.filter(recipient=user, is_read=False, cleared_at__isnull=True).count(),
        60 * 60,
    )


def unread_cache_key(user_id):
    return f"unread-notifications:{user_id}"


def _unread_changed(user_id):
    forget(unread_cache_key(user_id))


def _actor_name(notification):
    """Who acted, as the recipient may see it: an anonymous starter stays anonymous in their topic."""
    actor, topic = notification.actor, notification.topic
    if actor is None:
        return _("Someone")
    if topic is not None and topic.is_anonymous and actor.pk == topic.author_id:
        return _("Anonymous member")
    return actor.display_name


def describe(notification):
    """The sentence shown for a notification, in the active language."""
    actor = _actor_name(notification)
    title = notification.topic.title if notification.topic else ""
    kind = notification.kind
    params = {"actor": actor, "title": title, "count": notification.count}
    if kind == NotificationKind.NEW_ANSWER:
        return _("%(actor)s answered your topic “%(title)s”.") % params
    if kind == NotificationKind.WATCHED_POST:
        return _("%(actor)s answered in “%(title)s”, a topic you watch.") % params
    if kind == NotificationKind.WATCHED_TOPIC:
        category = notification.topic.category.name if notification.topic else ""
        return _("%(actor)s started “%(title)s” in %(category)s, a category you watch.") % {**params, "category": category}
    if kind == NotificationKind.MENTION:
        return _("%(actor)s mentioned you in “%(title)s”.") % params
    if kind == NotificationKind.QUOTE:
        return _("%(actor)s quoted you in “%(title)s”.") % params
    if kind == NotificationKind.REACTIONS:
        return ngettext(
            "%(count)d new vote or reaction on your post in “%(title)s”.",
            "%(count)d new votes and reactions on your post in “%(title)s”.",
            notification.count,
        ) % params
    if kind == NotificationKind.POST_HELD:
        return _("Your post in “%(title)s” is waiting for a moderator.") % params
    if kind == NotificationKind.POST_APPROVED:
        return _("A moderator approved your post in “%(title)s”.") % params
    if kind == NotificationKind.POST_REJECTED:
        return _("A moderator did not publish your post in “%(title)s”. You can edit it and submit it again.") % params
    if kind == NotificationKind.FLAG_OUTCOME:
        return _("A moderator handled the post you flagged in “%(title)s”.") % params
    if kind == NotificationKind.SOLUTION_PROPOSED:
        return _("%(actor)s proposed an answer as the solution for “%(title)s”; it waits for a moderator's sign-off.") % params
    if kind == NotificationKind.SOLUTION_ACCEPTED:
        return _("Your answer in “%(title)s” was accepted as the solution.") % params
    if kind == NotificationKind.SOLUTION_DECLINED:
        return _("The proposed solution for “%(title)s” was declined.") % params
    if kind == NotificationKind.TOPIC_SOLVED:
        return _("Your topic “%(title)s” is now marked solved.") % params
    if kind == NotificationKind.TOPIC_REOPENED:
        return _("The topic “%(title)s” was reopened.") % params
    if kind == NotificationKind.EXPORT_READY:
        return _("Your data export is ready. Download it from the export page; the link expires after a few days.")
    if kind == NotificationKind.ACCEPTED_ANSWER_CHANGED:
        return _("The accepted answer in “%(title)s” changed; the topic needs a new sign-off.") % params
    if kind == NotificationKind.CARE_ALERT:
        return _("A post in “%(title)s” may be a cry for help (suicide or self-harm). It is published; please look at it now.") % params
    if kind == NotificationKind.MEMBER_WARNED:
        return _("A moderator warned you: %(reason)s") % {"reason": notification.reason}
    if kind == NotificationKind.MEMBER_SILENCED:
        return _("A moderator silenced you for a while: you can read, but not post, vote, react or flag. Reason: %(reason)s") % {
            "reason": notification.reason}
    if kind == NotificationKind.MEMBER_SUSPENDED:
        return _("A moderator suspended your account for a while: you cannot log in. Reason: %(reason)s") % {
            "reason": notification.reason}
    if kind == NotificationKind.MODERATOR_EDITED:
        return _("A moderator edited your post in “%(title)s”. Reason: %(reason)s") % {**params, "reason": notification.reason}
    if kind == NotificationKind.SANCTION_LIFTED:
        return _("A moderator lifted a measure against you early: %(reason)s") % {"reason": notification.reason}
    if kind == NotificationKind.DECISION_WITHDRAWN:
        return _("A moderator withdrew an earlier decision about a post in “%(title)s”; it is being reviewed again.") % params
    return notification.get_kind_display()


def excerpt(notification):
    """A short plain-text excerpt of the post, if the recipient may still read it."""
    post = notification.post
    if post is None or not (post.is_visible or post.author_id == notification.recipient_id):
        return ""
    text = " ".join(html.unescape(strip_tags(post.body_html)).split())
    return Truncator(text).chars(EXCERPT_CHARACTERS)


def reason_for_mail(kind):
    """The footer's "why you get this", in the active language."""
    if kind == NotificationKind.NEW_ANSWER:
        return _("You get this email because you started this topic.")
    if kind == NotificationKind.REACTIONS:
        return _("You get this email because you wrote this post.")
    if kind == NotificationKind.WATCHED_POST:
        return _("You get this email because you watch this topic.")
    if kind == NotificationKind.WATCHED_TOPIC:
        return _("You get this email because you watch this category.")
    if kind in (NotificationKind.MENTION, NotificationKind.QUOTE):
        return _("You get this email because another member mentioned or quoted you.")
    if kind == NotificationKind.CARE_ALERT:
        return _("You get this email because you are a moderator; crisis alerts are always mailed.")
    return _("You get this email because it is about your post, your topic or your flag.")


def notification_message(notification):
    """The mail for one notification, in the recipient's language."""
    user = notification.recipient
    with translation.override(recipient_language(user)):
        context = {
            "notification": notification,
            "text": describe(notification),
            "excerpt": excerpt(notification),
            "link": notification_link(notification),
            "why": reason_for_mail(notification.kind),
        }
    return message(
        user=user, preference=email_preference(notification.kind), context=context,
        subject_template="emails/notification_subject.txt", body_template="emails/notification_body.txt",
    )


def _send_notifications(notification_ids):
    """Send each notification's mail; returns the ids whose mail failed."""
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
            tasks.send_message(notification_message(notification))
        except Exception:
            failed.append(notification.pk)
    return failed


@task()
def send_notification_email(notification_id, attempt=1):
    if _send_notifications([notification_id]):
        if attempt >= tasks.MAX_ATTEMPTS:
            logger.error("Giving up on notification mail %s after %s attempts", notification_id, attempt)
            return
        logger.warning("Notification mail %s failed; retrying (attempt %s)", notification_id, attempt + 1)
        tasks.retry_later(send_notification_email, notification_id, attempt + 1)


@task()
def send_notification_emails(notification_ids, attempt=1):
    """The mails of one fan-out (forum/watching.py); only the failed ones are tried again."""
    failed = _send_notifications(notification_ids)
    if failed:
        if attempt >= tasks.MAX_ATTEMPTS:
            logger.error("Giving up on notification mails %s after %s attempts", failed, attempt)
            return
        logger.warning("%s notification mails failed; retrying (attempt %s)", len(failed), attempt + 1)
        tasks.retry_later(send_notification_emails, failed, attempt + 1)
