"""Search over topic titles, questions and answers.

PostgreSQL: full-text search with the Dutch configuration on the stored, GIN-indexed
`Post.search_vector`. Elsewhere (SQLite for `make run`): a plain case-insensitive match.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, Subquery, Value
from django.utils.html import escape
from django.utils.safestring import mark_safe

from forum.models import Post, Visibility

SEARCH_CONFIG = "dutch"
# Control characters never survive forum.validators.clean_text, so they can mark hits safely
# inside member text; highlight() escapes everything else.
MARK_START = "\x02"
MARK_END = "\x03"
EXCERPT_CHARS = 240
MAX_RANKED_RESULTS = 500


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
    """Visible posts matching `query`, best first, each with a `headline` of highlighted HTML."""
    visible = Post.objects.filter(
        visibility=Visibility.PUBLISHED, is_deleted=False, topic__is_public=True, topic__is_deleted=False
    ).select_related("topic", "author")
    if uses_full_text():
        search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        # Rank only the most recent matches: a common word matches most of the forum, and ranking
        # (and counting) tens of thousands of posts per search costs seconds. The recent-posts
        # index lets PostgreSQL find them without visiting every match.
        candidates = visible.filter(search_vector=search_query).order_by("-created_at").values("pk")[:MAX_RANKED_RESULTS]
        return (
            visible.filter(pk__in=Subquery(candidates))
            .annotate(
                rank=SearchRank(F("search_vector"), search_query),
                headline=SearchHeadline(
                    "body", search_query, config=SEARCH_CONFIG, start_sel=MARK_START, stop_sel=MARK_END,
                    max_words=35, min_words=15, max_fragments=2,
                ),
            )
            .order_by("-rank", "-created_at")
        )
    words = query.split()
    condition = Q()
    for word in words:
        condition &= Q(body__icontains=word) | Q(topic__title__icontains=word, is_question=True)
    return visible.filter(condition).order_by("-created_at")[:MAX_RANKED_RESULTS] if words else visible.none()


def highlight(post, query):
    """Safe HTML: an excerpt of the post with the search words in <mark>."""
    text = getattr(post, "headline", None)
    if text is None:
        text = _excerpt_with_marks(post.body, query.split())
    html = escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)


def _excerpt_with_marks(body, words):
    words = [w for w in words if w]
    if not words:
        return body[:EXCERPT_CHARS]
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    first = pattern.search(body)
    start = max(0, first.start() - EXCERPT_CHARS // 3) if first else 0
    excerpt = body[start : start + EXCERPT_CHARS]
    return pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", excerpt)
