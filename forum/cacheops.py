"""The few cache operations that need more than Django's cache API, on the public APIs of django-redis.

Two aliases (config/env.py): "default" holds copies (pages, fragments, counters shown on
pages) and turns a Redis failure into a miss; "strict", present only with Redis, raises, for
what must not silently pass: the buffered view counts (forum.viewcount), which then go to the
database directly. Rate limits are not in the cache at all (forum.ratelimit).
"""

import logging

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def redis_backend(alias=DEFAULT_CACHE_ALIAS):
    """The django-redis backend of `alias`, or None when that cache is not Redis (or not configured)."""
    if alias not in settings.CACHES:
        return None
    backend = caches[alias]
    return backend if hasattr(backend, "client") and hasattr(backend.client, "get_client") else None


def get_many_and_add(keys, add_key, value, timeout):
    """`get_many(keys)` and `add(add_key, value, timeout)`: one round trip with Redis, two elsewhere.

    Returns (found, added). With Redis down: nothing found and nothing added (a miss, never an error).
    """
    backend = redis_backend()
    if backend is None:
        cache = caches[DEFAULT_CACHE_ALIAS]
        return cache.get_many(keys), cache.add(add_key, value, timeout)
    client = backend.client
    key_map = {client.make_key(key): key for key in keys}
    try:
        pipe = client.get_client(write=True).pipeline(transaction=False)
        pipe.mget(list(key_map))
        pipe.set(client.make_key(add_key), client.encode(value), ex=timeout, nx=True)
        values, added = pipe.execute()
    except RedisError as error:
        logger.warning("Redis is unreachable: serving without the cache (%s)", error)
        return {}, False
    return {key_map[key]: client.decode(raw) for key, raw in zip(key_map, values, strict=True) if raw is not None}, bool(added)
