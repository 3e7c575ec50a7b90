"""Search over topic titles, questions and answers, forgiving how members type.

PostgreSQL: full-text search on the stored, GIN-indexed `Post.search_vector`, built with the
`forum_dutch` configuration (Dutch stemming with `unaccent`: "cafe" finds "café"). SQLite (for
`make run`): an FTS5 table with the same words, without stemming (docs/ARCHITECTURE.md: search).

Both index what readers see (the text of the rendered post), never the Markdown source, and
both read a query the same way (forum/search_query.py):
- hyphens, spaces and compounds are interchangeable: "burnout", "burn-out" and "burn out" find
  each other, and "slaapproblemen" finds "slaap problemen" (a word is also tried as two
  adjacent words split at each point, a pair of words also as one);
- when nothing matches, each word unknown to the forum is replaced by the closest known word
  (trigram similarity on PostgreSQL, difflib elsewhere) and the page says so ("did you mean").
Solved topics and accepted answers rank higher. Excerpts are plain text with the matched
words marked.

The search page (`search_page`) keeps each page of results, rendered, in the shared cache
for RESULTS_SECONDS: a new post or an edit can take up to a minute to show in results.
"""

import difflib
import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from html import unescape

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, F, FloatField, Func, Value, When
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from forum.app_settings import forum_settings
from forum.models import Post, SearchWord, SolutionState, Topic, Visibility
from forum.search_query import STOP_WORDS, fts5_query_text, query_words, ts_word, tsquery_text

SEARCH_CONFIG = "forum_dutch"
# Control characters never survive forum.validators.clean_text, so they can mark hits safely
# inside member text; excerpts escape everything else.
MARK_START = "\x02"
MARK_END = "\x03"
EXCERPT_CHARS = 240
MAX_RANKED_RESULTS = 200
RESULTS_SECONDS = 60
RESULTS_FORMAT = 3  # part of the cache key: change it with SearchResult, so no old entry is read back
RESULT_TEMPLATE = "forum/_search_result.html"
SOLVED_BONUS = 1.5
ACCEPTED_BONUS = 2.0
SINCE = {"week": timedelta(days=7), "month": timedelta(days=31), "year": timedelta(days=366)}
VOCABULARY_MIN, VOCABULARY_MAX = 4, 40
_TAG = re.compile(r"<[^>]+>")


def uses_full_text():
    return connection.vendor == "postgresql"


def fold(word):
    """Lower case without accents: how words are compared for suggestions and highlighting."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def visible_text(html):
    """What a reader sees of stored post HTML, as one line of plain text."""
    return " ".join(unescape(_TAG.sub(" ", html or "")).split())


# --- indexing ----------------------------------------------------------------------------------


def post_index(post_id):
    """Refresh one post's search entry (the question carries its topic's title, weighted higher) and
    add a published post's words to the vocabulary that "did you mean" suggests from."""
    post = Post.objects.select_related("topic").only("is_question", "body_html", "visibility", "is_deleted", "topic__title").get(pk=post_id)
    title = post.topic.title if post.is_question else ""
    text = visible_text(post.body_html)
    if uses_full_text():
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Post._meta.db_table} SET search_vector = "
                "setweight(to_tsvector(%s::regconfig, %s), 'A') || setweight(to_tsvector(%s::regconfig, %s), 'B') WHERE id = %s",
                [SEARCH_CONFIG, title, SEARCH_CONFIG, text, post_id],
            )
    else:
        with connection.cursor() as cursor:
            cursor.execute("INSERT OR REPLACE INTO forum_post_fts (rowid, title, body) VALUES (%s, %s, %s)", [post_id, title, text])
    if post.visibility == Visibility.PUBLISHED and not post.is_deleted:
        vocabulary_add(f"{title} {text}")


def vocabulary_add(text):
    words = {fold(w) for w in re.findall(r"[^\W\d_]+", text)}
    words = [w for w in words if VOCABULARY_MIN <= len(w) <= VOCABULARY_MAX]
    SearchWord.objects.bulk_create([SearchWord(word=w) for w in words], ignore_conflicts=True)


# --- searching ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchFilters:
    category: str = ""  # a category slug
    solved: bool = False
    since: str = ""  # a key of SINCE
    members: bool = False  # a logged-in member: members-only categories are searched too (search_views sets it)

    @classmethod
    def from_params(cls, params):
        since = params.get("since", "")
        return cls(category=params.get("category", "")[:80], solved=params.get("solved") == "1", since=since if since in SINCE else "")

    @property
    def key(self):
        return f"{self.category}|{int(self.solved)}|{self.since}|{int(self.members)}"

    def apply(self, posts):
        if not self.members:
            posts = posts.filter(topic__category__members_only=False)
        if self.category:
            posts = posts.filter(topic__category__slug=self.category)
        if self.solved:
            posts = posts.filter(topic__solution_state__in=(SolutionState.SOLVED, SolutionState.REOPEN_REQUESTED))
        if self.since:
            posts = posts.filter(created_at__gte=timezone.now() - SINCE[self.since])
        return posts


def _visible(posts):
    return posts.filter(visibility=Visibility.PUBLISHED, is_deleted=False, topic__is_public=True, topic__is_deleted=False)


def _bonus():
    """Solved topics and accepted answers first, at equal relevance."""
    solved = Case(
        When(topic__solution_state__in=(SolutionState.SOLVED, SolutionState.REOPEN_REQUESTED), then=Value(SOLVED_BONUS)),
        default=Value(1.0), output_field=FloatField(),
    )
    accepted = Case(When(topic__accepted_answer=F("pk"), then=Value(ACCEPTED_BONUS)), default=Value(1.0), output_field=FloatField())
    return solved * accepted


def _fts5_matches(words, limit):
    """Post ids matching on SQLite, with their bm25 relevance (higher is better)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, -bm25(forum_post_fts, 4.0, 1.0) FROM forum_post_fts WHERE forum_post_fts MATCH %s ORDER BY rank LIMIT %s",
            [fts5_query_text(words), limit],
        )
        return dict(cursor.fetchall())


def search_posts(query, filters=SearchFilters()):
    """Ids of the visible posts matching `query`, best first, and how many there are.

    Only the most recent MAX_RANKED_RESULTS matches are ranked: a common word matches most
    of the forum, and ranking and counting tens of thousands of posts per search costs
    seconds. The recent-posts index lets PostgreSQL find them without visiting every match.
    """
    words = query_words(query)
    if not words:
        return [], 0
    if uses_full_text():
        search_query = _tsquery(words)
        matches = filters.apply(_visible(Post.objects.filter(search_vector=search_query)))
        candidates = list(matches.order_by("-created_at").values_list("pk", flat=True)[:MAX_RANKED_RESULTS])
        ranked = Post.objects.filter(pk__in=candidates).annotate(
            relevance=SearchRank(F("search_vector"), search_query) * _bonus()
        ).order_by("-relevance", "-created_at")
        return list(ranked.values_list("pk", flat=True)), len(candidates)
    relevance = _fts5_matches(words, MAX_RANKED_RESULTS * 20)
    matches = filters.apply(_visible(Post.objects.filter(pk__in=list(relevance))))
    candidates = sorted(matches.values_list("pk", "created_at"), key=lambda row: row[1], reverse=True)[:MAX_RANKED_RESULTS]
    ids = [pk for pk, _ in candidates]
    bonus = dict(Post.objects.filter(pk__in=ids).annotate(bonus=_bonus()).values_list("pk", "bonus"))
    return sorted(ids, key=lambda pk: (relevance[pk] * bonus[pk], pk), reverse=True), len(ids)


def _tsquery(words):
    return SearchQuery(tsquery_text(words), config=SEARCH_CONFIG, search_type="raw")


class _PlainHtml(Func):
    """The post's visible text inside SQL, for ts_headline: tags out; entities are decoded after."""

    function = "regexp_replace"
    template = "%(function)s(%(expressions)s, '<[^>]+>', ' ', 'g')"


def result_posts(post_ids, query):
    """The posts of one result page, in the order of `post_ids`, with their topic, author and `excerpt`."""
    posts = Post.objects.filter(pk__in=post_ids).select_related("topic", "author").only(
        "topic", "author", "is_question", "created_at", "topic__title", "topic__solution_state", "author__username", "body_html",
        "topic__is_anonymous", "topic__author", "author__closed_at",
    )
    words = query_words(query)
    if uses_full_text() and words:
        posts = posts.annotate(headline=SearchHeadline(
            _PlainHtml("body_html"), _tsquery(words), config=SEARCH_CONFIG,
            start_sel=MARK_START, stop_sel=MARK_END, max_words=35, min_words=15, max_fragments=2,
        ))
    by_id = {post.pk: post for post in posts}
    posts = [by_id[pk] for pk in post_ids if pk in by_id]
    for post in posts:
        headline = getattr(post, "headline", None)
        text = unescape(headline) if headline else excerpt_with_marks(visible_text(post.body_html), words)
        post.excerpt = mark_safe(escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
    return posts


def excerpt_with_marks(text, words):
    """Up to EXCERPT_CHARS of plain text around the first hit, each word of the query marked (accents ignored)."""
    folded_words = [fold(part) for w in words for part in w.split("-") if part]
    if not folded_words:
        return text[:EXCERPT_CHARS]
    folded = fold(text)
    if len(folded) != len(text):  # a character that folds to several: mark nothing rather than the wrong letters
        folded_words, folded = [], text
    pattern = re.compile("|".join(r"\b" + re.escape(w) for w in sorted(folded_words, key=len, reverse=True)))
    first = pattern.search(folded) if folded_words else None
    start = max(0, first.start() - EXCERPT_CHARS // 3) if first else 0
    end = start + EXCERPT_CHARS
    out, position = [], start
    for hit in (pattern.finditer(folded, start, end) if folded_words else ()):
        out += [text[position : hit.start()], MARK_START, text[hit.start() : hit.end()], MARK_END]
        position = hit.end()
    out.append(text[position:end])
    return "".join(out)


def suggest(query):
    """The query with each word the forum has never seen replaced by the closest word it has, or None."""
    words = query_words(query)
    changed, out = False, []
    for word in words:
        folded = fold(word)
        if len(folded) < VOCABULARY_MIN or "-" in folded or SearchWord.objects.filter(word=folded).exists():
            out.append(word)
            continue
        closest = _closest_word(folded)
        changed |= closest is not None
        out.append(closest or word)
    return " ".join(out) if changed else None


def _closest_word(word):
    if uses_full_text():
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word FROM {SearchWord._meta.db_table} WHERE word %% %s ORDER BY similarity(word, %s) DESC, word LIMIT 1",
                [word, word],
            )
            row = cursor.fetchone()
        return row[0] if row else None
    candidates = SearchWord.objects.filter(word__startswith=word[0]).values_list("word", flat=True)[:20000]
    nearby = [w for w in candidates if abs(len(w) - len(word)) <= 2]
    found = difflib.get_close_matches(word, nearby, n=1, cutoff=0.75)
    return found[0] if found else None


# --- the search page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchResult:
    """One rendered result: the post and topic ids (to check they are still public) and its list item's HTML (safe)."""

    post_id: int
    topic_id: int
    html: str


@dataclass
class SearchOutcome:
    page: Page
    searched_for: str  # the query whose results are shown: the typed one, or the suggestion when it found nothing
    suggestion: str | None = None  # set when the typed query found nothing and the suggestion is shown instead


def search_page(query, page_number, filters=SearchFilters()):
    """One page of results for `query`: SearchOutcome with a Page of SearchResult (post_id, html).

    The page is cached for RESULTS_SECONDS per query, filters, page, page size and language. A
    post hidden, deleted or taken out of public view after the entry was made is never shown:
    each request asks the database which of the page's posts are still visible (one query by
    primary keys) and leaves the others out. That check stays a query rather than an
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
    digest = hashlib.sha256(f"{query}\n{filters.key}".encode()).hexdigest()[:32]
    key = f"search-results:{RESULTS_FORMAT}:{get_language()}:{per_page}:{number}:{digest}"
    entry = cache.get(key)
    if entry is None:
        entry = _search_entry(query, number, per_page, filters)
        cache.set(key, entry, RESULTS_SECONDS)
        results = entry["results"]
    else:
        results = _still_visible(entry["results"])
    paginator = Paginator((), per_page)
    paginator.count = entry["total"]
    return SearchOutcome(Page(results, entry["number"], paginator), entry["searched_for"], entry["suggestion"])


def _search_entry(query, number, per_page, filters):
    ranked, total = search_posts(query, filters)
    searched_for, suggestion = query, None
    if total == 0:
        suggestion = suggest(query)
        if suggestion:
            ranked, total = search_posts(suggestion, filters)
            searched_for = suggestion
    paginator = Paginator(ranked, per_page)
    paginator.count = total  # known already: no second pass over the matches to count them
    page = paginator.get_page(number)
    posts = result_posts(list(page.object_list), searched_for)
    return {
        "total": total,
        "number": page.number,
        "searched_for": searched_for,
        "suggestion": suggestion,
        "results": [SearchResult(post.pk, post.topic_id, render_to_string(RESULT_TEMPLATE, {"post": post})) for post in posts],
    }


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


def similar_topics(title, limit=5):
    """Up to `limit` public topics whose title or question shares words with `title`, best first:
    what the new-topic form shows while a member types, so an answered question is found first."""
    words = [w for w in query_words(title) if len(w) >= 3 and w not in STOP_WORDS]
    if not words:
        return []
    if uses_full_text():
        search_query = SearchQuery(" | ".join(ts_word(w) for w in words), config=SEARCH_CONFIG, search_type="raw")
        questions = _visible(Post.objects.filter(is_question=True, search_vector=search_query))
        ranked = questions.annotate(relevance=SearchRank(F("search_vector"), search_query) * _bonus()).order_by("-relevance", "-pk")
        topic_ids = list(ranked.values_list("topic_id", flat=True)[:limit])
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM forum_post_fts WHERE forum_post_fts MATCH %s ORDER BY rank LIMIT 200",
                [" OR ".join('"' + w.replace('"', "") + '"' for w in words)],
            )
            ids = [row[0] for row in cursor.fetchall()]
        questions = dict(_visible(Post.objects.filter(pk__in=ids, is_question=True)).values_list("pk", "topic_id"))
        topic_ids = [questions[pk] for pk in ids if pk in questions][:limit]
    topics = Topic.objects.filter(pk__in=topic_ids, category__members_only=False).only("pk", "title", "solution_state", "answer_count")
    by_id = {topic.pk: topic for topic in topics}
    return [by_id[pk] for pk in topic_ids if pk in by_id]
