"""Counting topic views: once per visitor per topic per window, bots excluded.

With Redis (REDIS_URL), counted views are buffered with atomic INCR and flushed to the
database in batches: `manage.py flush_view_counts` every minute, and a queued task when a
topic's buffer fills. Without Redis
the database cache's incr is not atomic, so each counted view is an atomic F() update.
"""

import hashlib
import logging

from django.conf import settings
from django.db.models import F
from django_tasks import task
from redis.exceptions import RedisError

from forum.app_settings import forum_settings
from forum.cacheops import redis_backend
from forum.models import Topic

BUFFER_KEY = "views-buffer:{}"
BUFFERED_TOPICS_KEY = "views-buffer-topics"
FLUSH_AT = 50
logger = logging.getLogger(__name__)


def buffering_enabled():
    return getattr(settings, "FORUM_BUFFER_VIEWS", True) and redis_backend(STRICT_ALIAS) is not None


def is_bot(user_agent):
    agent = (user_agent or "").lower()
    return not agent or any(word in agent for word in forum_settings.BOT_USER_AGENT_WORDS)


def visitor_key(*, user_id, session_key, ip):
    """A member counts by id; a visitor by session, or else by address alone: a new User-Agent string
    on every request must not make a new visitor."""
    if user_id:
        return f"u{user_id}"
    if session_key:
        return f"s{session_key}"
    return "a" + hashlib.sha256(f"{ip}|{settings.SECRET_KEY[:16]}".encode()).hexdigest()[:24]


def view_mark_key(*, topic_id, visitor, user_agent):
    """The cache key that marks this visitor's view of the topic for the window, or None for a bot."""
    if is_bot(user_agent):
        return None
    return f"viewed:{topic_id}:{visitor}"


def view_recorded(topic_id):
    """Count a view whose mark was just added (the first from this visitor in the window)."""
    if buffering_enabled():
        try:
            buffered = _buffer_incr(topic_id)
        except RedisError:
            logger.warning("Redis is unreachable: counting the view in the database", exc_info=True)
        else:
            if buffered == FLUSH_AT:
                flush_view_counts.enqueue()
            return
    Topic.objects.filter(pk=topic_id).update(view_count=F("view_count") + 1)


STRICT_ALIAS = "strict"  # a failed INCR must be seen (and counted in the database instead), not ignored


def _redis():
    return redis_backend(STRICT_ALIAS).client.get_client(write=True)


def _buffer_incr(topic_id):
    client = _redis()
    key = redis_backend(STRICT_ALIAS).make_key(BUFFER_KEY.format(topic_id))
    pipe = client.pipeline()
    pipe.incr(key)
    pipe.sadd(redis_backend(STRICT_ALIAS).make_key(BUFFERED_TOPICS_KEY), topic_id)
    return pipe.execute()[0]


def view_counts_flush(topic_ids=None):
    """Move buffered counts into the database. GETDEL takes each buffer atomically, so no view is counted twice or lost."""
    if not buffering_enabled():
        return 0
    client = _redis()
    if topic_ids is None:
        topic_ids = [int(t) for t in client.smembers(redis_backend(STRICT_ALIAS).make_key(BUFFERED_TOPICS_KEY))]
    flushed = 0
    for topic_id in topic_ids:
        client.srem(redis_backend(STRICT_ALIAS).make_key(BUFFERED_TOPICS_KEY), topic_id)
        count = int(client.getdel(redis_backend(STRICT_ALIAS).make_key(BUFFER_KEY.format(topic_id))) or 0)
        if count:
            Topic.objects.filter(pk=topic_id).update(view_count=F("view_count") + count)
            flushed += count
    return flushed


@task()
def flush_view_counts():
    view_counts_flush()
