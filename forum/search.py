"""Search over topic titles, questions and answers.

PostgreSQL: full-text search with the Dutch configuration on the stored, GIN-indexed
`Post.search_vector`. Elsewhere (SQLite for `make run`): a plain case-insensitive match.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, Value
from django.utils.html import escape
from django.utils.safestring import mark_safe

from forum.models import Post, Visibility

SEARCH_CONFIG = "dutch"
# Control characters never survive forum.validators.clean_text, so they can mark hits safely
# inside member text; attach_excerpts() escapes everything else.
MARK_START = "\x02"
MARK_END = "\x03"
EXCERPT_CHARS = 240
MAX_RANKED_RESULTS = 200


def uses_full_text():
    return connection.vendor == "postgresql"


def post_index(post_id):
    """Refresh one post's stored search vector (the question carries its topic's title, weighted higher)."""
    if not uses_full_text():
        return
    post = Post.objects.select_related("topic").only("is_question", "topic__title").get(pk=post_id)
    title = post.topic.title if post.is_question else ""
    Post.objects.filter(pk=post_id).update(
        search_vector=SearchVector(Value(title), weight="A", config=SEARCH_CONFIG)
        + SearchVector("body", weight="B", config=SEARCH_CONFIG)
    )


def search_posts(query):
    """Visible posts matching `query`, best first, each with a `headline` of highlighted HTML.

    Returns (posts, total). Only the most recent matches are ranked: a common word matches
    most of the forum, and ranking and counting tens of thousands of posts per search costs
    seconds. The recent-posts index lets PostgreSQL find them without visiting every match.
    `total` is capped at MAX_RANKED_RESULTS.
    """
    visible = Post.objects.filter(
        visibility=Visibility.PUBLISHED, is_deleted=False, topic__is_public=True, topic__is_deleted=False
    )
    if uses_full_text():
        search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        matches = visible.filter(search_vector=search_query)
    else:
        words = query.split()
        condition = Q()
        for word in words:
            condition &= Q(body__icontains=word) | Q(topic__title__icontains=word, is_question=True)
        matches = visible.filter(condition) if words else visible.none()
    candidates = list(matches.order_by("-created_at").values_list("pk", flat=True)[:MAX_RANKED_RESULTS])
    posts = Post.objects.filter(pk__in=candidates).select_related("topic", "author")
    if uses_full_text():
        posts = posts.annotate(rank=SearchRank(F("search_vector"), search_query)).order_by("-rank", "-created_at")
    else:
        posts = posts.order_by("-created_at")
    return posts, len(candidates)


def attach_excerpts(posts, query):
    """Set `excerpt` (safe HTML, search words in <mark>) on the posts of one result page.

    On PostgreSQL the excerpts come from ts_headline, in one query for just these posts:
    it is too costly to run for every ranked match.
    """
    headlines = {}
    if uses_full_text() and posts:
        search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        headlines = dict(
            Post.objects.filter(pk__in=[post.pk for post in posts])
            .annotate(
                headline=SearchHeadline(
                    "body", search_query, config=SEARCH_CONFIG, start_sel=MARK_START, stop_sel=MARK_END,
                    max_words=35, min_words=15, max_fragments=2,
                )
            )
            .values_list("pk", "headline")
        )
    for post in posts:
        text = headlines.get(post.pk)
        if text is None:
            text = _excerpt_with_marks(post.body, query.split())
        post.excerpt = mark_safe(escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def _excerpt_with_marks(body, words):
    words = [w for w in words if w]
    if not words:
        return body[:EXCERPT_CHARS]
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    first = pattern.search(body)
    start = max(0, first.start() - EXCERPT_CHARS // 3) if first else 0
    excerpt = body[start : start + EXCERPT_CHARS]
    return pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", excerpt)
