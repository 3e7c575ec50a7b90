"""Per-member rate limits in the shared cache, so they hold across worker processes."""

import time

from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection, transaction
from django.utils.translation import ngettext

from forum.app_settings import forum_settings


class RateLimitExceeded(Exception):
    def __init__(self, action, retry_after):
        self.action = action
        self.retry_after = retry_after
        minutes = max(1, round(retry_after / 60))
        super().__init__(
            ngettext(
                "You are doing that too often. Please try again in about %(minutes)d minute.",
                "You are doing that too often. Please try again in about %(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes}
        )


# pg_advisory_xact_lock's first key: this module's locks, apart from any other use of advisory locks.
_LOCK_SPACE = 0x52415445


def consume(actor, action):
    """Count one `action` by `actor`; raise RateLimitExceeded past the configured limit (fixed window)."""
    limit, period = forum_settings.RATE_LIMITS[action]
    window = int(time.time() // period)
    key = f"rl:{action}:{actor.pk}:{window}"
    with transaction.atomic():
        _count_one_at_a_time(actor)
        cache.add(key, 0, timeout=period + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # the key expired between add and incr
            cache.add(key, 1, timeout=period + 5)
            count = 1
    if count > limit:
        raise RateLimitExceeded(action, retry_after=(window + 1) * period - time.time())


def _count_one_at_a_time(actor):
    """The database cache's incr is a read then a write, so parallel requests of one member would all
    read the same count. A per-member advisory lock, held until the caller's transaction commits,
    makes them count one by one (Redis's INCR is atomic already). An advisory lock, not a row lock,
    so it cannot deadlock with the row locks the services take."""
    if connection.vendor == "postgresql" and isinstance(caches["default"], DatabaseCache):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK_SPACE, actor.pk % 2**31])
