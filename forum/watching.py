"""Who hears of what: watch levels per topic, watched categories, muted members, and the fan-out
of a post that became visible.

Levels: *watching* (every new published answer), *normal* (only posts that mention or quote you, and
your own topics' events), *muted* (nothing from the topic). A member who muted another hears nothing
of what that member writes. The fan-out runs as a background task after the post's transaction
commits, creates at most one notification per recipient per post, and costs the same number of
queries whether a topic has one watcher or thousands (watchers are inserted by one INSERT … SELECT).
"""

from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import task

from forum.caching import forget
from forum.mentions import mentioned_and_quoted
from forum.models import (
    CategoryWatch,
    MemberMute,
    Notification,
    NotificationKind,
    Post,
    PostMention,
    TopicWatch,
    User,
    WatchLevel,
)
from forum.notifications import notify_many, send_notification_emails, unread_cache_key, wants_email

# The kinds a fan-out creates; a member gets at most one of them per post.
FAN_OUT_KINDS = (
    NotificationKind.QUOTE, NotificationKind.MENTION, NotificationKind.NEW_ANSWER,
    NotificationKind.WATCHED_POST, NotificationKind.WATCHED_TOPIC,
)


def reading_state_key(user_id, topic_id):
    """The member's cached level and reading position in a topic (forum/reading.py)."""
    return f"topic-reading:{topic_id}:{user_id}"


def watched_unread_key(user_id):
    """The member's unread counts in watched topics, per category (forum/reading.py)."""
    return f"watched-unread:{user_id}"


def _forget_member_state(user_id, topic_id):
    forget(reading_state_key(user_id, topic_id), watched_unread_key(user_id))


@transaction.atomic
def watch_set(*, actor, topic, level):
    """Set the member's level for a topic (watching, normal or muted)."""
    if level not in WatchLevel.values:
        raise ValueError("Unknown watch level.")
    watch, created = TopicWatch.objects.select_for_update().get_or_create(user=actor, topic=topic, defaults={"level": level})
    if not created and watch.level != level:
        watch.level = level
        watch.save(update_fields=["level"])
    _forget_member_state(actor.pk, topic.pk)
    return watch


def watch_after_posting(*, actor, topic):
    """Starting or answering a topic makes the member watch it, if their settings say so (never over a mute)."""
    if not actor.watch_participated:
        return
    watch, created = TopicWatch.objects.get_or_create(user=actor, topic=topic, defaults={"level": WatchLevel.WATCHING})
    if not created and watch.level == WatchLevel.NORMAL:
        TopicWatch.objects.filter(pk=watch.pk).update(level=WatchLevel.WATCHING)
    _forget_member_state(actor.pk, topic.pk)


def category_watch_set(*, actor, category, watching):
    """Watch a category (a notification for each new topic in it) or stop watching it."""
    if watching:
        CategoryWatch.objects.get_or_create(user=actor, category=category)
    else:
        CategoryWatch.objects.filter(user=actor, category=category).delete()


def member_mute_set(*, actor, member, muted):
    """Hear nothing more of what `member` writes (mentions, quotes, answers), or hear it again."""
    if member.pk == actor.pk:
        return
    if muted:
        MemberMute.objects.get_or_create(user=actor, muted=member)
    else:
        MemberMute.objects.filter(user=actor, muted=member).delete()


def has_muted(user, member):
    return MemberMute.objects.filter(user=user, muted=member).exists()


def post_published(post):
    """A post became visible: tell whom it concerns, in the background once the transaction commits."""
    transaction.on_commit(lambda: fan_out_post.enqueue(post.pk, False))


def post_edited(post):
    """A visible post was edited: members it newly mentions or quotes are told (no one else, no one twice)."""
    transaction.on_commit(lambda: fan_out_post.enqueue(post.pk, True))


@transaction.atomic
def fan_out(post_id, *, edit=False):
    """Create the notifications for a visible post. Safe to run twice: no one is told twice about one post."""
    post = Post.objects.select_related("topic__category", "author").filter(pk=post_id).first()
    if post is None or not post.is_visible or not post.topic.is_public:
        return
    topic, author = post.topic, post.author
    silenced = _silenced(topic.pk, author.pk)  # muted the topic or the author
    already = set(
        Notification.objects.filter(post=post, kind__in=FAN_OUT_KINDS).values_list("recipient_id", flat=True)
    )
    told = set(PostMention.objects.filter(post=post).values_list("user_id", flat=True))
    names, quoted_posts = mentioned_and_quoted(post.body_html)
    quoted_ids = set(
        Post.objects.filter(pk__in=quoted_posts, topic_id=topic.pk, is_deleted=False).values_list("author_id", flat=True)
    )
    named = {user.username: user for user in User.objects.filter(username__in=names, is_active=True)} if names else {}
    people = {user.pk: user for user in named.values()}
    if quoted_ids - people.keys():
        people.update({user.pk: user for user in User.objects.filter(pk__in=quoted_ids - people.keys(), is_active=True)})

    skip = {author.pk} | silenced | already
    chosen = {}  # recipient id -> kind, in order of precedence
    for user_id in quoted_ids:
        if user_id in people and user_id not in skip and user_id not in told:
            chosen.setdefault(user_id, NotificationKind.QUOTE)
    for name in names:
        user = named.get(name)
        if user is not None and user.pk not in skip and user.pk not in told:
            chosen.setdefault(user.pk, NotificationKind.MENTION)
    if not edit and not post.is_question and topic.author_id not in skip:
        chosen.setdefault(topic.author_id, NotificationKind.NEW_ANSWER)
    people.setdefault(topic.author_id, topic.author)

    for kind in (NotificationKind.QUOTE, NotificationKind.MENTION, NotificationKind.NEW_ANSWER):
        recipients = [people[user_id] for user_id, chosen_kind in chosen.items() if chosen_kind == kind]
        notify_many(recipients=recipients, kind=kind, actor=author, topic=topic, post=post)
    mentioned_now = [user_id for user_id, kind in chosen.items() if kind in (NotificationKind.QUOTE, NotificationKind.MENTION)]
    PostMention.objects.bulk_create([PostMention(post=post, user_id=user_id) for user_id in mentioned_now], ignore_conflicts=True)
    if not edit:
        _notify_watchers(post, skip | chosen.keys())


def _silenced(topic_id, author_id):
    """Members who muted this topic or this author: one query."""
    muted_topic = TopicWatch.objects.filter(topic_id=topic_id, level=WatchLevel.MUTED).values("user_id")
    muted_author = MemberMute.objects.filter(muted_id=author_id).values("user_id")
    return set(muted_topic.union(muted_author).values_list("user_id", flat=True))


def _notify_watchers(post, excluded):
    """Topic watchers (for an answer) or category watchers (for a question), in one INSERT … SELECT."""
    topic = post.topic
    if post.is_question:
        kind, source, column, value = NotificationKind.WATCHED_TOPIC, CategoryWatch, "category_id", topic.category_id
        extra = ""
    else:
        kind, source, column, value = NotificationKind.WATCHED_POST, TopicWatch, "topic_id", topic.pk
        extra = f" AND w.level = '{WatchLevel.WATCHING}'"
    excluded = sorted(excluded)
    # Recent ones are few (author, mentioned, quoted, starter); the muted and the already told are
    # excluded by the subqueries, so the query's size does not grow with the number of watchers.
    not_in = f" AND w.user_id NOT IN ({', '.join(['%s'] * len(excluded))})" if excluded else ""
    now = timezone.now()
    notification, user = Notification._meta.db_table, User._meta.db_table
    sql = (
        f"INSERT INTO {notification} (recipient_id, kind, actor_id, topic_id, post_id, count, reason, is_read, created_at, updated_at) "
        f"SELECT w.user_id, %s, %s, %s, %s, 1, '', %s, %s, %s FROM {source._meta.db_table} w "
        f"JOIN {user} u ON u.id = w.user_id "
        f"WHERE w.{column} = %s AND u.is_active{extra}{not_in} "
        f"AND NOT EXISTS (SELECT 1 FROM {MemberMute._meta.db_table} m WHERE m.user_id = w.user_id AND m.muted_id = %s) "
        f"AND NOT EXISTS (SELECT 1 FROM {TopicWatch._meta.db_table} t WHERE t.user_id = w.user_id AND t.topic_id = %s AND t.level = %s) "
        f"AND NOT EXISTS (SELECT 1 FROM {notification} n WHERE n.recipient_id = w.user_id AND n.post_id = %s)"
    )
    params = [kind, post.author_id, topic.pk, post.pk, False, now, now, value, *excluded, post.author_id, topic.pk, WatchLevel.MUTED, post.pk]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    created = list(
        Notification.objects.filter(post=post, kind=kind, created_at=now)
        .select_related("recipient")
    )
    if not created:
        return
    user_ids = [row.recipient_id for row in created]
    cache.delete_many([key for pk in user_ids for key in (unread_cache_key(pk), watched_unread_key(pk))])
    mailed = [row.pk for row in created if wants_email(row.recipient, kind)]
    if mailed:
        transaction.on_commit(lambda: send_notification_emails.enqueue(mailed))


@task()
def fan_out_post(post_id, edit=False):
    """Tell whom it concerns about a post that became visible (or was edited)."""
    fan_out(post_id, edit=edit)
