"""Search over topic titles, questions and answers.

PostgreSQL: full-text search with the Dutch configuration on the stored, GIN-indexed
`Post.search_vector`. Elsewhere (SQLite for `make run`): a plain case-insensitive match.

The search page (`search_page`) keeps each page of results, rendered, in the shared cache
for RESULTS_SECONDS: a popular search does not reach the full-text index again within that
time, so a new post or an edit can take up to a minute to show in results. Results are the
same for every reader (only public posts are searched), so one entry serves everyone.
"""

import hashlib
import math
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, Q, Value
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from forum.app_settings import forum_settings
from forum.models import Post, Topic, Visibility

SEARCH_CONFIG = "dutch"
# Control characters never survive forum.validators.clean_text, so they can mark hits safely
# inside member text; attach_excerpts() escapes everything else.
MARK_START = "\x02"
MARK_END = "\x03"
EXCERPT_CHARS = 240
MAX_RANKED_RESULTS = 200
RESULTS_SECONDS = 60
RESULTS_FORMAT = 2  # part of the cache key: change it with SearchResult, so no old entry is read back
MAX_QUERY_CHARS = 200
RESULT_TEMPLATE = "forum/_search_result.html"


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


def normalise_query(text):
    """The query as searched, shown and cached: runs of white space count as one space; at most MAX_QUERY_CHARS."""
    return " ".join(text.split())[:MAX_QUERY_CHARS].rstrip()


def _visible(posts):
    return posts.filter(visibility=Visibility.PUBLISHED, is_deleted=False, topic__is_public=True, topic__is_deleted=False)


def search_posts(query):
    """Visible posts matching `query`, best first (ranked on PostgreSQL). Returns (posts, total).

    Only the most recent matches are ranked: a common word matches most of the forum, and
    ranking and counting tens of thousands of posts per search costs seconds. The
    recent-posts index lets PostgreSQL find them without visiting every match. `total` is
    capped at MAX_RANKED_RESULTS. `posts` joins nothing: rank them, take a page, then load
    that page with `result_posts`.
    """
    if uses_full_text():
        search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        matches = _visible(Post.objects.filter(search_vector=search_query))
    else:
        words = query.split()
        condition = Q()
        for word in words:
            condition &= Q(body__icontains=word) | Q(topic__title__icontains=word, is_question=True)
        matches = _visible(Post.objects.filter(condition)) if words else Post.objects.none()
    candidates = list(matches.order_by("-created_at").values_list("pk", flat=True)[:MAX_RANKED_RESULTS])
    posts = Post.objects.filter(pk__in=candidates)
    if uses_full_text():
        posts = posts.annotate(rank=SearchRank(F("search_vector"), search_query)).order_by("-rank", "-created_at")
    else:
        posts = posts.order_by("-created_at")
    return posts, len(candidates)


def result_posts(post_ids, query):
    """The posts of one result page, in the order of `post_ids`, with their topic, author and `excerpt`.

    On PostgreSQL the excerpts come from ts_headline in the same query, for just these posts:
    it is too costly to run for every ranked match.
    """
    posts = Post.objects.filter(pk__in=post_ids).select_related("topic", "author").only(
        "topic", "author", "is_question", "created_at", "topic__title", "topic__solution_state", "author__username",
        *(() if uses_full_text() else ("body",)),
    )
    if uses_full_text():
        posts = posts.annotate(headline=_headline(query))
    by_id = {post.pk: post for post in posts}
    posts = [by_id[pk] for pk in post_ids if pk in by_id]
    _set_excerpts(posts, query)
    return posts


def search_page(query, page_number):
    """One page of results for `query`: a Page of SearchResult (post_id, html), with the total count.

    The page is cached for RESULTS_SECONDS per query, page, page size and language. A post
    hidden, deleted or taken out of public view after the entry was made is never shown:
    each request asks the database which of the page's posts are still visible (one query
    by primary keys) and leaves the others out. That check stays a query rather than an
    invalidation because some changes (a topic's deletion) are QuerySet updates, which send
    no signal.
    """
    per_page = forum_settings.SEARCH_RESULTS_PER_PAGE
    try:
        number = int(page_number)
    except (TypeError, ValueError):
        number = 1
    # Beyond the last page Paginator shows the last page: one cache entry covers those numbers.
    number = min(max(number, 1), max(1, math.ceil(MAX_RANKED_RESULTS / per_page)))
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    key = f"search-results:{RESULTS_FORMAT}:{get_language()}:{per_page}:{number}:{digest}"
    entry = cache.get(key)
    if entry is None:
        ranked, total = search_posts(query)
        paginator = Paginator(ranked.values_list("pk", flat=True), per_page)
        paginator.count = total  # known already: no second pass over the matches to count them
        page = paginator.get_page(number)
        posts = result_posts(list(page.object_list), query)
        entry = {
            "total": total,
            "number": page.number,
            "results": [SearchResult(post.pk, post.topic_id, render_to_string(RESULT_TEMPLATE, {"post": post})) for post in posts],
        }
        cache.set(key, entry, RESULTS_SECONDS)
        results = entry["results"]
    else:
        results = _still_visible(entry["results"])
    paginator = Paginator((), per_page)
    paginator.count = entry["total"]
    return Page(results, entry["number"], paginator)


def _still_visible(results):
    """The results whose posts are still public."""
    shown = still_public_post_ids([(r.post_id, r.topic_id) for r in results])
    return [result for result in results if result.post_id in shown]


def still_public_post_ids(post_and_topic_ids):
    """Of these (post id, topic id) pairs, the ids of the posts still public: one query by primary keys.

    Plain SQL: it runs on every cached search, and the ORM took longer to build it than
    PostgreSQL to run it. The topics are matched by primary key too: a plain join made
    PostgreSQL read the whole topic table for twenty rows.
    """
    if not post_and_topic_ids:
        return set()
    post_ids = [post_id for post_id, _ in post_and_topic_ids]
    topic_ids = sorted({topic_id for _, topic_id in post_and_topic_ids})
    sql = (
        f"SELECT p.id FROM {Post._meta.db_table} p JOIN {Topic._meta.db_table} t ON t.id = p.topic_id "
        f"WHERE p.id IN ({', '.join(['%s'] * len(post_ids))}) AND t.id IN ({', '.join(['%s'] * len(topic_ids))}) "
        "AND p.visibility = %s AND NOT p.is_deleted AND t.is_public AND NOT t.is_deleted"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*post_ids, *topic_ids, Visibility.PUBLISHED.value])
        return {row[0] for row in cursor.fetchall()}


@dataclass(frozen=True)
class SearchResult:
    """One rendered result: the post and topic ids (to check they are still public) and its list item's HTML (safe)."""

    post_id: int
    topic_id: int
    html: str


def attach_excerpts(posts, query):
    """Set `excerpt` (safe HTML, search words in <mark>) on `posts` (one query on PostgreSQL)."""
    if uses_full_text() and posts:
        headlines = dict(
            Post.objects.filter(pk__in=[post.pk for post in posts]).annotate(headline=_headline(query)).values_list("pk", "headline")
        )
        for post in posts:
            post.headline = headlines.get(post.pk)
    _set_excerpts(posts, query)


def _headline(query):
    return SearchHeadline(
        "body", SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch"), config=SEARCH_CONFIG,
        start_sel=MARK_START, stop_sel=MARK_END, max_words=35, min_words=15, max_fragments=2,
    )


def _set_excerpts(posts, query):
    for post in posts:
        text = getattr(post, "headline", None)
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
