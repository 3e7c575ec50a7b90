"""A member's own state on a topic page: their watch level and the answers new since their last visit.

The topic page is shared between members (forum/pagecache.py), so this state lives in a hole of
its own (MEMBER_TOPIC_HOLE), filled per request and never stored in the shared page. The state is
cached per member and topic, for the topic version it was made for: while nothing in the topic
changes, a returning member costs no query; when it changes (a new answer bumps the version) the
new answers are looked up again and the reading position moves on.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, F
from django.template.loader import render_to_string
from django.utils import timezone

from forum import pagecache
from forum.models import CategoryWatch, Post, TopicWatch, Visibility, WatchLevel
from forum.watching import reading_state_key, watched_unread_key

MEMBER_TOPIC_HOLE = "member-topic"
STATE_SECONDS = 60 * 60
NEW_SHOWN = 50
UNREAD_SECONDS = 5 * 60


@dataclass
class ReadingState:
    version: object
    level: str
    new_posts: tuple  # (post id, author name), oldest first


def reading_state(user, topic_id, version, found):
    """This member's state for the topic version `version` (None: unknown, looked up afresh)."""
    key = reading_state_key(user.pk, topic_id)
    entry = found.get(key) if key in found else None
    if entry is not None and version is not None and entry.version == version:
        return entry
    now = timezone.now()
    watch = TopicWatch.objects.filter(user=user, topic_id=topic_id).first()
    new_posts = ()
    if watch is not None and watch.last_seen_at is not None:
        new_posts = tuple(
            Post.objects.filter(
                topic_id=topic_id, is_question=False, visibility=Visibility.PUBLISHED, is_deleted=False,
                created_at__gt=watch.last_seen_at,
            ).exclude(author_id=user.pk).order_by("created_at", "pk").values_list("pk", "author__username")[:NEW_SHOWN]
        )
    cache.delete(watched_unread_key(user.pk))
    if watch is None:
        TopicWatch.objects.bulk_create([TopicWatch(user=user, topic_id=topic_id, last_seen_at=now)], ignore_conflicts=True)
    else:
        TopicWatch.objects.filter(pk=watch.pk).update(last_seen_at=now)
    state = ReadingState(version=version, level=watch.level if watch else WatchLevel.NORMAL, new_posts=new_posts)
    if version is not None:
        cache.set(key, state, STATE_SECONDS)
    return state


def reading_state_keys(user, topic_id):
    """For forum.pagecache.lookup: fetched in the page's one cache round trip."""
    return [reading_state_key(user.pk, topic_id)]


def member_topic_parts(request, topic, state):
    """The hole's parts: the watch control and the list of new answers (CSRF token as a hole)."""
    html = render_to_string(
        "includes/_topic_member.html",
        {"topic_id": topic, "state": state, "levels": WatchLevel.choices, "csrf_token": pagecache.CSRF_PLACEHOLDER},
    )
    return pagecache.split_into_parts(html)


def _unread_posts(user):
    """Published answers by others, newer than the member's last look, in topics they watch."""
    return Post.objects.filter(
        is_question=False, visibility=Visibility.PUBLISHED, is_deleted=False, topic__is_public=True,
        topic__watches__user=user, topic__watches__level=WatchLevel.WATCHING,
        created_at__gt=F("topic__watches__last_seen_at"),
    ).exclude(author_id=user.pk)


def unread_in_watched_topics(user, *, topic_ids):
    """{topic id: unread answers} for the watched topics among these (a category page): one query."""
    rows = _unread_posts(user).filter(topic_id__in=topic_ids).values("topic_id").annotate(n=Count("pk"))
    return {row["topic_id"]: row["n"] for row in rows}


def unread_by_category(user):
    """{category id: unread answers in the watched topics of that category} (the home page).

    Cached per member: a fan-out forgets it for the watchers it told, a topic visit for the visitor."""
    def count():
        rows = _unread_posts(user).values("topic__category_id").annotate(n=Count("pk"))
        return {row["topic__category_id"]: row["n"] for row in rows}

    return cache.get_or_set(watched_unread_key(user.pk), count, UNREAD_SECONDS)


def watches_category(user, category):
    return CategoryWatch.objects.filter(user=user, category=category).exists()
