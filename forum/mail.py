"""Notification mail: subject and body in the recipient's language, the absolute link to the post, and
a one-click unsubscribe per kind (RFC 8058) backed by a signed token that works without logging in."""

from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from forum.app_settings import forum_settings

UNSUBSCRIBE_SALT = "forum.unsubscribe"
# Each mail preference (a User field) and what it is about, for the unsubscribe page.
UNSUBSCRIBE_TOPICS = {
    "email_on_answer": _("new answers on your topics"),
    "email_on_reaction": _("votes and reactions on your posts"),
    "email_on_moderation": _("moderation decisions about your posts and flags"),
    "email_on_watched": _("new posts in topics and categories you watch"),
    "email_on_mention": _("mentions and quotes"),
}


def absolute_url(path):
    return f"{forum_settings.BASE_URL}{path}"


def unsubscribe_token(user, preference):
    return signing.dumps([user.pk, preference], salt=UNSUBSCRIBE_SALT)


def unsubscribe_read(token):
    """(user id, preference) from a token made by unsubscribe_token, or None if it was not ours."""
    try:
        user_id, preference = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if preference not in UNSUBSCRIBE_TOPICS or not isinstance(user_id, int):
        return None
    return user_id, preference


def unsubscribe_url(user, preference):
    return absolute_url(reverse("forum:unsubscribe", args=[unsubscribe_token(user, preference)]))


def recipient_language(user):
    return user.preferred_language or "nl"


def message(*, user, preference, subject_template, body_template, context):
    """One mail to `user`, rendered in their language, with the List-Unsubscribe headers for `preference`."""
    unsubscribe = unsubscribe_url(user, preference)
    with translation.override(recipient_language(user)):
        context = {
            **context, "unsubscribe_url": unsubscribe, "unsubscribe_topic": UNSUBSCRIBE_TOPICS[preference],
            "settings_url": absolute_url(reverse("forum:preferences")),
        }
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    headers = {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return EmailMessage(subject, body, None, [user.email], headers=headers)


def notification_link(notification):
    return absolute_url(post_path(notification))


def post_path(notification):
    """Where a notification leads: the post itself (its permalink finds its page), else the topic."""
    if notification.post_id:
        return reverse("forum:post", args=[notification.post_id])
    if notification.topic_id:
        return reverse("forum:topic_short", args=[notification.topic_id])  # redirects to the address with its slug
    return reverse("forum:notifications")
