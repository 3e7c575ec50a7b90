"""Django's Redis cache, keeping one client object per connection pool, with one combined operation.

Django builds a new redis.Redis client for every cache call; building it costs about as
much as the network round trip itself, and the cached topic page makes three calls per
request. Clients are thread-safe and share their pool, so one per pool is enough.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ReusingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def get_many_and_add(self, keys, add_key, value, timeout):
        """`get_many(keys)` and `add(add_key, value, timeout)` in one round trip: the cached topic page
        needs both (the page and its version, and this visitor's view mark), and each trip costs as
        much as the rest of serving the page. Returns (found, added)."""
        key_map = {self.make_and_validate_key(key): key for key in keys}
        pipe = self._cache.get_client(write=True).pipeline(transaction=False)
        pipe.mget(list(key_map))
        timeout = self.get_backend_timeout(timeout)
        pipe.set(self.make_and_validate_key(add_key), self._cache._serializer.dumps(value), ex=timeout, nx=True)
        values, added = pipe.execute()
        loads = self._cache._serializer.loads
        return {key_map[key]: loads(raw) for key, raw in zip(key_map, values, strict=True) if raw is not None}, bool(added)


def get_many_and_add(cache, keys, add_key, value, timeout):
    """The same for any cache backend: one round trip with Redis, two elsewhere."""
    combined = getattr(cache, "get_many_and_add", None)  # `cache` may be Django's proxy, not the backend
    if combined is not None:
        return combined(keys, add_key, value, timeout)
    return cache.get_many(keys), cache.add(add_key, value, timeout)
