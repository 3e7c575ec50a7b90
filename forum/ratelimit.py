"""Per-member rate limits that hold across worker processes, on every set-up, whatever Redis does.

Each limit is a fixed window that starts at the member's first counted action and ends
`period` seconds later (not on the clock hour, where twice the limit would fit across the
boundary). Counts live in the database (forum.models.RateLimitWindow, one atomic upsert per
action), never in the cache: a Redis that is down, flushed or restarted can neither lift a
limit nor restart its count, and the database cache's habit of resetting expiry on every
write cannot shorten a window. Every limited action writes to the database anyway.
"""

import time

from django.db import connection
from django.utils.translation import ngettext

from forum.app_settings import forum_settings
from forum.models import RateLimitWindow
from moderation.permissions import check_not_silenced


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
    """Count one `action` by `actor`; raise RateLimitExceeded past the configured limit.

    Every write service and endpoint counts here first, so this is also where a silenced
    member is refused (MemberSilenced, a PermissionDenied), whichever path they take.
    """
    check_not_silenced(actor)
    limit, period = forum_settings.RATE_LIMITS[action]
    count, retry_after = _count(f"rl:{action}:{actor.pk}", period)
    if count > limit:
        raise RateLimitExceeded(action, retry_after=max(1.0, retry_after))


_UPSERT = """
INSERT INTO {table} (bucket, count, expires_at) VALUES (%s, 1, %s)
ON CONFLICT (bucket) DO UPDATE SET
    count = CASE WHEN {table}.expires_at > %s THEN {table}.count + 1 ELSE 1 END,
    expires_at = CASE WHEN {table}.expires_at > %s THEN {table}.expires_at ELSE excluded.expires_at END
RETURNING count, expires_at
"""


def _count(bucket, period):
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
