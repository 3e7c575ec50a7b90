"""Cache keys shared by the views and the services that invalidate them.

Each topic has a version number in the cache; cached anonymous pages and answer
fragments include it in their keys, so bumping it invalidates them all at once.
"""

import time

from django.core.cache import cache
from django.db import transaction

VERSION_TIMEOUT = 7 * 24 * 60 * 60


def topic_version_key(topic_id):
    return f"topic-version:{topic_id}"


def _new_version():
    """A version never handed out before, even after the cache was emptied: app processes keep
    copies of pages (forum.pagecache) that must not match a restarted counter."""
    return time.time_ns() // 1000


def topic_version_from_key(key):
    return cache.get_or_set(key, _new_version(), VERSION_TIMEOUT)


def topic_changed(topic_id):
    """Invalidate the topic's cached pages now, and again once the change is committed.

    The second bump matters: between the first and the commit a reader could cache the
    old state again.
    """
    _bump(topic_id)
    transaction.on_commit(lambda: _bump(topic_id))


def _bump(topic_id):
    key = topic_version_key(topic_id)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, _new_version(), VERSION_TIMEOUT)
