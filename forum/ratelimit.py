"""Per-member rate limits in the shared cache, so they hold across worker processes."""

import time

from django.core.cache import cache
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


def consume(actor, action):
    """Count one `action` by `actor`; raise RateLimitExceeded past the configured limit (fixed window)."""
    limit, period = forum_settings.RATE_LIMITS[action]
    window = int(time.time() // period)
    key = f"rl:{action}:{actor.pk}:{window}"
    cache.add(key, 0, timeout=period + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, timeout=period + 5)
        count = 1
    if count > limit:
        raise RateLimitExceeded(action, retry_after=(window + 1) * period - time.time())
