"""Reads the views need, each shaped for a fixed query budget whatever the number of posts."""

import functools
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Q
from django.urls import reverse

from forum import model_rows, permissions
from forum.app_settings import forum_settings
from forum.fragments import render_posts
from forum.models import REACTION_EMOJI, Category, Notification, Post, Reaction, ReactionKind, Topic, User, Visibility, Vote
from forum.viewer import as_viewer
from moderation.permissions import shows_moderator_tools, solution_moves


def visible_topics(viewer=None):
    return Topic.objects.filter(is_public=True, is_deleted=False)


def public_categories():
    """Categories anyone may read: the ones crawlers, feeds and sitemaps are given (not members-only ones)."""
    return Category.objects.filter(members_only=False).order_by("position", "name")


def public_topics():
    """Topics anyone may read, with their question published: what sitemaps, feeds and cards show."""
    return visible_topics().filter(category__in=public_categories())


# What the topic page shows of a member (name, profile link, "former member"): the rest of the user
# row (password hash, email, preferences) is never read there, and building it was a good part of
# the page's ORM time. A field missing here would cost a query per post: the query-count tests catch it.
MEMBER_SHOWN = ("id", "username", "closed_at")


_TOPIC = model_rows.Columns(Topic, "t")
_CATEGORY = model_rows.Columns(Category, "c")
_TOPIC_AUTHOR = model_rows.Columns(User, "a", only=MEMBER_SHOWN)
_TOPIC_SOLVED_BY = model_rows.Columns(User, "s", only=MEMBER_SHOWN)


def topic_for_page(pk):
    """The topic of a topic page, with its category, its starter and the moderator who signed it off: one query.

    Plain SQL read into the ORM's instances (forum.model_rows): building the queryset cost more than running it."""
    parts = (_TOPIC, _CATEGORY, _TOPIC_AUTHOR, _TOPIC_SOLVED_BY)
    sql = (
        f"SELECT {', '.join(part.sql() for part in parts)} FROM {Topic._meta.db_table} t "
        f"INNER JOIN {Category._meta.db_table} c ON c.id = t.category_id INNER JOIN {User._meta.db_table} a ON a.id = t.author_id "
        f"LEFT OUTER JOIN {User._meta.db_table} s ON s.id = t.solved_by_id WHERE t.id = %s"
    )
    with connection.cursor() as cursor:
        model_rows.native_datetimes(cursor)
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    if row is None:
        raise Topic.DoesNotExist("Topic matching query does not exist.")
    instances, start = [], 0
    for part in parts:
        instances.append(part.instance(row[start:start + len(part)]))
        start += len(part)
    topic, category, author, solved_by = instances
    model_rows.set_related(topic, "category", category)
    model_rows.set_related(topic, "author", author)
    model_rows.set_related(topic, "solved_by", solved_by)
    return topic


@dataclass
class TopicPage:
    topic: Topic
    question: Post
    answers: list
    page: object
    order: str
    post_count: int
    participant_count: int
    reactions: dict = field(default_factory=dict)  # post id -> {kind: count}
    authors_with_unpublished_posts: frozenset = frozenset()  # filled for the shared member page only
    accepted_under_review: bool = False
    viewer: object = None  # whom the page was made for (forum.viewer.Viewer)
    solution_moves: dict = field(default_factory=dict)  # move -> whether this viewer may make it (moderation.permissions)


def shown_posts(viewer):
    """Which of a topic's posts its page shows this viewer (a filter on Post): the published ones;
    authors also their own held or rejected posts, in place with the banner that explains why;
    moderators every post not deleted."""
    if not viewer.is_authenticated:
        return Q(visibility=Visibility.PUBLISHED, is_deleted=False)
    if viewer.is_moderator:
        return Q(is_deleted=False)
    return Q(visibility=Visibility.PUBLISHED, is_deleted=False) | Q(author_id=viewer.pk, is_deleted=False)


def topic_shows_post(post, viewer):
    """Whether the post's topic page shows this viewer the post (one query): what a permalink asks."""
    return Post.objects.filter(shown_posts(as_viewer(viewer)), pk=post.pk).exists()


def topic_page(topic, viewer, *, order="best", page_number=1):
    """Everything the topic page shows `viewer` (forum.viewer.Viewer), in a fixed number of queries
    (2 anonymous, 4 logged in, one more for moderators)."""
    shared = viewer.shared
    member = viewer.is_authenticated and not shared
    moderator = member and viewer.is_moderator
    shown_sql, shown_params = _shown_posts_sql(viewer if member else None)
    paginator = Paginator((), forum_settings.ANSWERS_PER_PAGE)
    # Without one's own held posts the answers shown are exactly the published ones, which the topic counts already.
    paginator.count = _answer_count(topic, shown_sql, shown_params) if member else topic.answer_count
    number = paginator.get_page(page_number).number
    accepted = topic.accepted_answer_id
    pin_accepted = bool(accepted and order != "newest" and number == 1)
    question, shown = _question_and_answers(
        topic, shown_sql, shown_params, order, number, accepted if pin_accepted else None,
        # A moderator sees a removed topic with its deleted question (the question alone of the deleted posts).
        any_question=moderator,
    )
    page = Page(shown, number, paginator)
    if pin_accepted:
        shown = [a for a in shown if a.pk == accepted] + [a for a in shown if a.pk != accepted]
    for answer in shown:
        answer.is_accepted = answer.pk == accepted
    # Flags hid the accepted answer while a moderator looks: the topic stays solved, "under review".
    under_review = bool(pin_accepted and topic.is_solved and not any(a.pk == accepted and a.is_visible for a in shown))
    post_ids = [question.pk] + [a.pk for a in shown]

    reactions, participants = reaction_counts_and_participants(topic, post_ids)
    question.is_accepted = False
    result = TopicPage(
        topic=topic, question=question, answers=shown, page=page, order=order,
        post_count=1 + topic.answer_count, participant_count=participants, reactions=reactions,
        accepted_under_review=under_review, viewer=viewer,
    )
    if shared:
        result.authors_with_unpublished_posts = frozenset(
            Post.objects.filter(topic=topic, is_deleted=False).exclude(visibility=Visibility.PUBLISHED)
            .values_list("author_id", flat=True).distinct()
        )
    my_votes, my_reactions = viewer_marks(viewer, post_ids) if member else ({}, {})
    prepare_posts([question, *shown], topic, viewer, reactions, my_votes, my_reactions)
    result.solution_moves = solution_moves(viewer, topic)
    return result


def _shown_posts_sql(member):
    """shown_posts as a plain-SQL condition on the posts of alias `{a}`, with its parameters: for a member
    (forum.viewer.Viewer, logged in and not the shared member), or for every reader (None)."""
    published = "NOT {a}.is_deleted AND {a}.visibility = %s"
    if member is None:
        return published, [Visibility.PUBLISHED.value]
    if member.is_moderator:
        return "NOT {a}.is_deleted", []
    return "NOT {a}.is_deleted AND ({a}.visibility = %s OR {a}.author_id = %s)", [Visibility.PUBLISHED.value, member.pk]


def _answer_count(topic, shown_sql, shown_params):
    sql = f"SELECT COUNT(*) FROM {Post._meta.db_table} p WHERE p.topic_id = %s AND NOT p.is_question AND {shown_sql.format(a='p')}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [topic.pk, *shown_params])
        return cursor.fetchone()[0]


ANSWER_ORDER = {  # the database's order of answers as SQL, as a sort key, and whether the key is reversed
    "best": ("{a}.score DESC, {a}.created_at ASC, {a}.id ASC", lambda post: (-post.score, post.created_at, post.pk), False),
    "newest": ("{a}.created_at DESC, {a}.id DESC", lambda post: (post.created_at, post.pk), True),
}

# The Markdown source and the search vector are never shown on the topic page, and are the largest columns.
# Only reviewed_by's id is shown (the "checked by a moderator" label), so no join for it. The assessment is read
# as the database stores it, into `assessment_json`, and stays deferred: the page shows a few of its values, which
# the post's fragment takes from that text when it renders (forum.fragments), and decoding 31 posts' whole
# assessments on every page was a fifth of this read (bench/README.md, "Session of 2026-12-07").
_PAGE_POST = model_rows.Columns(Post, "p", skip=("body", "search_vector", "assessment"))
_PAGE_POST_AUTHOR = model_rows.Columns(User, "u", only=MEMBER_SHOWN)


def _question_and_answers(topic, shown_sql, shown_params, order, number, accepted=None, *, any_question=False):
    """The question and page `number`'s answers (and the accepted answer, if given) that `shown_sql` lets
    through, with their authors, from one query; the question whatever its state if `any_question`.

    Plain SQL read into the ORM's instances (forum.model_rows): building the queryset cost three times
    as long as running it (bench/README.md). The answers come back in the page's order (ANSWER_ORDER)."""
    order_sql, key, reverse = ANSWER_ORDER[order]
    per_page = forum_settings.ANSWERS_PER_PAGE
    question_sql = "p.is_question" if any_question else f"p.is_question AND {shown_sql.format(a='p')}"
    table = Post._meta.db_table
    sql = (
        f"SELECT {_PAGE_POST.sql()}, p.{connection.ops.quote_name(Post._meta.get_field('assessment').column)}, {_PAGE_POST_AUTHOR.sql()} "
        f"FROM {table} p INNER JOIN {User._meta.db_table} u ON u.id = p.author_id "
        f"WHERE p.topic_id = %s AND (({question_sql}) OR (NOT p.is_question AND {shown_sql.format(a='p')} AND (p.id = %s OR p.id IN ("
        f"SELECT a.id FROM {table} a WHERE a.topic_id = %s AND NOT a.is_question AND {shown_sql.format(a='a')} "
        f"ORDER BY {order_sql.format(a='a')} LIMIT %s OFFSET %s))))"
    )
    params = [topic.pk, *([] if any_question else shown_params), *shown_params, accepted,
              topic.pk, *shown_params, per_page, (number - 1) * per_page]
    with connection.cursor() as cursor:
        model_rows.native_datetimes(cursor)  # 31 posts' dates through psycopg's C loader, not Django's Python one
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    question, answers, split = None, [], len(_PAGE_POST)
    read_post, read_author = _PAGE_POST.reader(), _PAGE_POST_AUTHOR.reader()
    for row in rows:
        post = read_post(row[:split])
        post.assessment_json = row[split]
        model_rows.set_related(post, "author", read_author(row[split + 1:]))
        if post.is_question:
            question = post
        else:
            answers.append(post)
    if question is None:
        raise Post.DoesNotExist("The topic's question is not shown to this viewer.")
    return question, sorted(answers, key=key, reverse=reverse)


def reaction_counts_and_participants(topic, post_ids):
    """The reactions on these posts ({post id: {kind: count}}) and how many members wrote the topic's
    published posts: one query. Plain SQL, as viewer_marks: building the two queries through the ORM
    took longer than running them."""
    slots = ", ".join(["%s"] * len(post_ids))
    sql = (
        f"SELECT post_id, kind, COUNT(*) FROM {Reaction._meta.db_table} WHERE post_id IN ({slots}) GROUP BY post_id, kind "
        f"UNION ALL SELECT NULL, '', COUNT(*) FROM (SELECT DISTINCT author_id FROM {Post._meta.db_table} "
        "WHERE topic_id = %s AND visibility = %s AND NOT is_deleted) AS participants"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*post_ids, topic.pk, Visibility.PUBLISHED.value])
        rows = cursor.fetchall()
    reactions, participants = {}, 0
    for post_id, kind, n in rows:
        if post_id is None:
            participants = n
        else:
            reactions.setdefault(post_id, {})[kind] = n
    return reactions, participants


def viewer_marks(viewer, post_ids):
    """This member's votes ({post id: value}) and reactions ({post id: {kind}}) on these posts: one query.

    Plain SQL: it runs on every member page view, and building it through the ORM took four
    times as long as running it (1.1 ms of Python against 0.3 ms in PostgreSQL, measured).
    """
    if not post_ids:
        return {}, {}
    slots = ", ".join(["%s"] * len(post_ids))
    sql = (
        f"SELECT post_id, value, '' FROM {Vote._meta.db_table} WHERE user_id = %s AND post_id IN ({slots}) "
        f"UNION ALL SELECT post_id, 0, kind FROM {Reaction._meta.db_table} WHERE user_id = %s AND post_id IN ({slots})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [viewer.pk, *post_ids, viewer.pk, *post_ids])
        rows = cursor.fetchall()
    my_votes, my_reactions = {}, {}
    for post_id, value, kind in rows:
        if kind:
            my_reactions.setdefault(post_id, set()).add(kind)
        else:
            my_votes[post_id] = value
    return my_votes, my_reactions


def prepare_posts(posts, topic, viewer, reactions, my_votes, my_reactions):
    """Set each post's buttons and links for this viewer (from forum.permissions), then its HTML (forum.fragments)."""
    _prepare_for_viewer(posts, topic, viewer, reactions, my_votes, my_reactions)
    render_posts(posts, topic)


@functools.cache
def _url_pattern(name, with_id=True):
    """A URL with a post id slot, reversed once: reversing per post and per button is the page's main cost."""
    return reverse(name, args=[987654321]).replace("987654321", "{}") if with_id else reverse(name)


def _prepare_for_viewer(posts, topic, viewer, reactions, my_votes, my_reactions):
    """What each post's buttons and links show this viewer: each button is the answer of the rule in
    forum.permissions.PostRights that the view behind it checks (through its `can_*` function), asked once
    here, not in template logic."""
    moderator, viewer_pk = viewer.is_moderator, viewer.pk
    rights = permissions.PostRights(viewer, topic)  # what the rules ask of the viewer and the topic, asked once
    kinds = [(kind, str(label), REACTION_EMOJI[kind]) for kind, label in ReactionKind.choices]  # translated once, not per post
    # A visitor's vote and reaction buttons lead to the login page (a GET form): a POST would need a
    # CSRF token, and a token would stop the page from being shared by every visitor (forum.httpcache).
    login_url = "" if viewer.is_authenticated else _url_pattern("account_login", with_id=False)
    topic_url = topic.get_absolute_url() if login_url else ""
    url_patterns = [(key, _url_pattern(name)) for key, name in POST_URLS]
    for post in posts:
        pk = post.pk  # a property: read once, not a dozen times per post
        post.login_url = login_url
        post.login_next = f"{topic_url}#post-{pk}" if login_url else ""
        counts = reactions.get(pk, {})
        mine = my_reactions.get(pk, ())
        post.my_vote = my_votes.get(pk, 0)
        post.reaction_buttons = [(kind, label, emoji, counts.get(kind, 0), kind in mine) for kind, label, emoji in kinds]
        post.urls = {key: pattern.format(pk) for key, pattern in url_patterns}
        # The page's topic, not a query per post (author_name reads it); cached as select_related would, not through
        # the attribute's checks.
        model_rows.set_related(post, "topic", topic)
        post.can_edit = rights.may_edit(post)
        post.can_see_history = rights.may_see_history(post)
        post.can_delete = rights.may_delete(post)
        post.can_flag = rights.may_flag(post)
        # A moderator's edit and measures against the author, from the post itself (not on their own posts).
        post.moderator_tools = rights.may_moderate(post)
        # "Edited by a moderator" and why: for the author and moderators only.
        post.moderator_edit_notice = post.moderator_edit_reason if (moderator or viewer_pk == post.author_id) else ""
        # Anonymous starters and closed accounts have no profile to link; moderators see who asked.
        author, hidden = post.author, post.author_is_hidden
        post.author_real = author.display_name if (moderator and hidden) else ""
        post.links_profile = not hidden and author.closed_at is None
        post.can_propose = rights.may_propose(post)


POST_URLS = [  # (the template's name, the URL's name)
    ("vote", "forum:vote"), ("react", "forum:react"), ("post_edit", "forum:post_edit"), ("post_delete", "forum:post_delete"),
    ("post_revisions", "forum:post_revisions"), ("flag", "moderation:flag"), ("post", "forum:post"),
    ("moderator_edit", "forum:moderator_edit"), ("measure", "moderation:post_measure"),
]


def member_profile(member, viewer):
    """What a member's profile lists for this viewer (docs/PRIVACY.md, "Privacy controls").

    Members who hide their activity show it to themselves and moderators only; topics asked
    anonymously are never listed for others; visitors who are not logged in see nothing from
    members-only categories, and nothing from health categories unless the member allows it.
    """
    own_or_moderator = viewer.is_authenticated and (viewer.pk == member.pk or shows_moderator_tools(viewer))
    if member.hide_activity and not own_or_moderator:
        return {"topics": [], "answers": [], "activity_hidden": True}
    topics = visible_topics().filter(author=member)
    answers = Post.objects.filter(
        author=member, is_question=False, visibility=Visibility.PUBLISHED, is_deleted=False, topic__is_public=True
    )
    if not own_or_moderator:
        topics = topics.filter(is_anonymous=False)
        answers = answers.exclude(topic__is_anonymous=True, topic__author=member)
    if not viewer.is_authenticated:
        topics = topics.filter(category__members_only=False)
        answers = answers.filter(topic__category__members_only=False)
        if not member.show_health_activity:
            topics = topics.filter(category__is_health=False)
            answers = answers.filter(topic__category__is_health=False)
    topics = topics.order_by("-created_at")[:20]
    answers = answers.select_related("topic").order_by("-created_at")[:20]
    return {"topics": list(topics), "answers": list(answers), "activity_hidden": False}


def notifications_for(user, page_number):
    notifications = (
        Notification.objects.filter(recipient=user, cleared_at__isnull=True)
        .select_related("actor", "topic__category", "post")
        .defer("post__body", "post__search_vector", "post__assessment")
    )
    return Paginator(notifications, 30).get_page(page_number)


def post_page_number(post):
    """The page of the topic (answers best first, as the page opens) that shows this answer: one query."""
    topic = post.topic
    if post.is_question or post.pk == topic.accepted_answer_id:
        return 1
    before = Post.objects.filter(
        Q(score__gt=post.score) | Q(score=post.score, created_at__lt=post.created_at)
        | Q(score=post.score, created_at=post.created_at, pk__lt=post.pk),
        topic_id=topic.pk, is_question=False, visibility=Visibility.PUBLISHED, is_deleted=False,
    ).count()
    return before // forum_settings.ANSWERS_PER_PAGE + 1
