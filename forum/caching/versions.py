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
    """The current version under `key`, starting one if there is none.

    One round trip when the version exists, two when it must be started. Not get_or_set: on a
    failing cache (django-redis ignores its errors) that is three calls, each waiting for the
    socket timeout, on pages that otherwise never need the cache. A cache that answers nothing
    gives a fresh version, which matches no copy, so the caller renders anew."""
    version = cache.get(key)
    if version is not None:
        return version
    fresh = new_version()
    if cache.add(key, fresh, VERSION_SECONDS) is False:  # another process started it just now
        return cache.get(key) or fresh
    return fresh


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
