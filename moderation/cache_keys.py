"""Cache keys for the moderator pages, and the calls that invalidate them.

The queue's pages (items, their count, and the count of topics waiting for sign-off) are
cached under one version number (moderation.selectors.queue_page). `queue_changed` bumps it
whenever a review item changes or a category is renamed (moderation.signals), a held post
is screened again after an edit (moderation.services.post_screen), or a topic's solution
state changes (moderation.solutions).
"""

from django.core.cache import cache
from django.db import transaction

QUEUE_VERSION_KEY = "moderation-queue-version"
VERSION_SECONDS = 7 * 24 * 60 * 60
CATEGORY_CHOICES_KEY = "moderation-category-choices"
CATEGORY_CHOICES_SECONDS = 60 * 60


def queue_version():
    return cache.get_or_set(QUEUE_VERSION_KEY, 1, VERSION_SECONDS)


def queue_changed():
    """Make every cached queue count stale: now, and again once the change is committed.

    The second bump matters: between the first and the commit a moderator's request could
    cache the old count again.
    """
    _bump()
    transaction.on_commit(_bump)


def _bump():
    try:
        cache.incr(QUEUE_VERSION_KEY)
    except ValueError:
        cache.set(QUEUE_VERSION_KEY, 2, VERSION_SECONDS)


def categories_changed():
    cache.delete(CATEGORY_CHOICES_KEY)
    transaction.on_commit(lambda: cache.delete(CATEGORY_CHOICES_KEY))
