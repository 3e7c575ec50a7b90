"""Version numbers and forgetting: the two ways a cached copy is kept true (forum/caching/__init__.py)."""

import time

from django.core.cache import cache
from django.db import transaction

VERSION_SECONDS = 7 * 24 * 60 * 60


def new_version():
    """A version never handed out before, even after the cache was emptied: app processes keep copies
    of pages (forum.pagecache) that must not match a restarted counter."""
    return time.time_ns() // 1000


def version_read(key):
    """The current version under `key`, starting one if there is none."""
    return cache.get_or_set(key, new_version(), VERSION_SECONDS)


def version_bump(key):
    """Make everything cached under the version at `key` stale: now, and again once the change is committed."""
    _bump(key)
    transaction.on_commit(lambda: _bump(key))


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:  # no version yet (or the cache lost it): a fresh one matches no stored entry
        cache.set(key, new_version(), VERSION_SECONDS)


def forget(*keys):
    """Drop these entries now, and again once the change is committed."""
    keys = [key for key in keys if key]
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
