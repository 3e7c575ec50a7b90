"""Which moderators get the queue digest. Run hourly from cron: `manage.py send_queue_digest`."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from moderation.permissions import REVIEW
from moderation.tasks import send_queue_digest


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
