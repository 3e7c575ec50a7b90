"""Per-member rate limits that hold across worker processes, on every set-up, and when Redis fails.

Each limit is a fixed window that starts at the member's first counted action and ends
`period` seconds later (not on the clock hour, where twice the limit would fit across the
boundary). The count lives in Redis when the "strict" cache alias is configured (SET NX EX,
then INCR, in one round trip), and otherwise, or while Redis is unreachable, in the database
(forum.models.RateLimitWindow, one atomic upsert): a Redis that fails never lifts a limit.
"""

import logging
import time

from django.db import connection
from django.utils.translation import ngettext
from redis.exceptions import RedisError

from forum.app_settings import forum_settings
from forum.cacheops import redis_backend
from forum.models import RateLimitWindow

logger = logging.getLogger(__name__)
STRICT_ALIAS = "strict"


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


def consume(actor, action):
    """Count one `action` by `actor`; raise RateLimitExceeded past the configured limit."""
    limit, period = forum_settings.RATE_LIMITS[action]
    bucket = f"rl:{action}:{actor.pk}"
    counted = _count_in_redis(bucket, period)
    if counted is None:
        counted = _count_in_database(bucket, period)
    count, retry_after = counted
    if count > limit:
        raise RateLimitExceeded(action, retry_after=max(1.0, retry_after))


def _count_in_redis(bucket, period):
    """(count, seconds left in the window), or None without Redis or while it is unreachable."""
    backend = redis_backend(STRICT_ALIAS)
    if backend is None:
        return None
    key = backend.make_key(bucket)
    try:
        pipe = backend.client.get_client(write=True).pipeline(transaction=True)
        pipe.set(key, 0, ex=period, nx=True)
        pipe.incr(key)
        pipe.pttl(key)
        _, count, left_ms = pipe.execute()
    except RedisError:
        logger.warning("Redis is unreachable: counting rate limits in the database", exc_info=True)
        return None
    return count, (left_ms if left_ms > 0 else period * 1000) / 1000


_UPSERT = """
INSERT INTO {table} (bucket, count, expires_at) VALUES (%s, 1, %s)
ON CONFLICT (bucket) DO UPDATE SET
    count = CASE WHEN {table}.expires_at > %s THEN {table}.count + 1 ELSE 1 END,
    expires_at = CASE WHEN {table}.expires_at > %s THEN {table}.expires_at ELSE excluded.expires_at END
RETURNING count, expires_at
"""


def _count_in_database(bucket, period):
    """One statement, atomic on PostgreSQL and SQLite: parallel requests of one member count one by one.

    The row stays locked until the caller's transaction ends, so one member's actions of one kind
    queue up there; it is locked before any topic or post row, so it cannot take part in a deadlock.
    """
    now = time.time()
    sql = _UPSERT.format(table=connection.ops.quote_name(RateLimitWindow._meta.db_table))
    with connection.cursor() as cursor:
        cursor.execute(sql, [bucket, now + period, now, now])
        count, expires_at = cursor.fetchone()
    return count, expires_at - now
