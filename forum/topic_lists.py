"""A category, one page of its topics as the plain values its rows show, and how many topics there are: one query,
or none while this process's copy of the list is current.

Plain SQL, as forum.selectors.reaction_counts_and_participants: through the ORM the count and the
page were two querysets whose building cost more Python time than PostgreSQL took to run them
(2.7 ms for the two, of a 7 ms category page), and the count joined every topic's starter because
the page's values did (bench/README.md, "Where the time goes").
"""

import functools
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connection

from forum import cache_keys, model_rows
from forum.app_settings import forum_settings
from forum.models import Category, SolutionState, Topic, User

TOPIC_FILTERS = ("all", "unanswered", "solved", "proposed", "unsolved")
MAX_GUESS = 100_000  # a larger page number is past the last anyway, and its offset could overflow the column type


@dataclass(frozen=True, slots=True)
class TopicListItem:
    """One topic of a list, as the plain values its row shows (includes/_topic_row.html, through forum.listings.topic_rows).

    Plain values, not Topic and User instances: building those for 25 rows took a quarter of the
    list's ORM time (bench/README.md, "This session")."""

    pk: int
    title: str
    solution_state: str
    answer_count: int
    best_answer_score: int | None
    view_count: int
    last_activity_at: datetime
    is_anonymous: bool
    author_id: int
    author_username: str
    author_closed_at: datetime | None


# TopicListItem's fields, in order: (table alias, column).
TOPIC_LIST_COLUMNS = (("t", "id"), ("t", "title"), ("t", "solution_state"), ("t", "answer_count"), ("t", "best_answer_score"),
                      ("t", "view_count"), ("t", "last_activity_at"), ("t", "is_anonymous"), ("t", "author_id"),
                      ("u", "username"), ("u", "closed_at"))

# Each filter's condition on a topic beyond the visible ones of the category, with its parameters.
FILTER_CONDITIONS = {
    "all": ("", []),
    "unanswered": ("AND t.answer_count = 0", []),
    "solved": ("AND t.solution_state IN (%s, %s)", [SolutionState.SOLVED, SolutionState.REOPEN_REQUESTED]),
    "proposed": ("AND t.solution_state = %s", [SolutionState.PROPOSED]),
    "unsolved": ("AND t.solution_state IN (%s, %s)", [SolutionState.OPEN, SolutionState.PROPOSED]),
}


_CATEGORY = model_rows.Columns(Category, "c")


@functools.cache
def _statement(filter_name, by_slug):
    """The page's rows (newest activity first), then one row whose last column is the number of topics:
    the page may be past the last one, and the count still comes back. `by_slug`: the category is
    named by its slug, and its own row comes first, its columns before the topics' (NULL elsewhere)."""
    condition, params = FILTER_CONDITIONS.get(filter_name, FILTER_CONDITIONS["all"])
    category = f"(SELECT id FROM {Category._meta.db_table} WHERE slug = %s)" if by_slug else "%s"
    # forum.selectors.visible_topics: public and not deleted.
    where = f"WHERE t.category_id = {category} AND t.is_public AND NOT t.is_deleted {condition}"
    columns = ", ".join(f"{alias}.{column}" for alias, column in TOPIC_LIST_COLUMNS)
    blanks = ", ".join(["NULL"] * len(TOPIC_LIST_COLUMNS))
    no_category = ", ".join(["NULL"] * len(_CATEGORY)) + ", " if by_slug else ""
    sql = (
        f"SELECT {no_category}page.* FROM (SELECT {columns}, 0 AS total FROM {Topic._meta.db_table} t "
        f"INNER JOIN {User._meta.db_table} u ON u.id = t.author_id {where} "
        "ORDER BY t.last_activity_at DESC, t.id DESC LIMIT %s OFFSET %s) AS page "
        f"UNION ALL SELECT {no_category}{blanks}, COUNT(*) FROM {Topic._meta.db_table} t {where}"
    )
    if by_slug:
        sql = f"SELECT {_CATEGORY.sql()}, {blanks}, NULL FROM {Category._meta.db_table} c WHERE c.slug = %s UNION ALL {sql}"
    return sql, tuple(params)


def _datetime_reader():
    """How to read a datetime column by plain SQL as the ORM reads it (SQLite gives text or naive values;
    PostgreSQL aware ones, as they are). Looked up once per read: `connection.ops` per value was
    two fifths of the list's Python time."""
    convert = getattr(connection.ops, "convert_datetimefield_value", None)
    if convert is None:
        return lambda value: value
    return lambda value: convert(value, None, connection) if value is not None else None


def _read(category, filter_name, number, per_page):
    """(the category, its topics on page `number`, how many topics it has); `category` is the instance
    or, read in the same statement, its slug (the category is then None if there is none)."""
    by_slug = isinstance(category, str)
    sql, params = _statement(filter_name, by_slug)
    key = [category] if by_slug else [category.pk]
    topics = [*key, *params, per_page, (number - 1) * per_page, *key, *params]
    with connection.cursor() as cursor:
        model_rows.native_datetimes(cursor)
        cursor.execute(sql, [category, *topics] if by_slug else topics)
        rows = cursor.fetchall()
    if by_slug:
        category = next((_CATEGORY.instance(row[:len(_CATEGORY)]) for row in rows if row[0] is not None), None)
        rows = [row[len(_CATEGORY):] for row in rows if row[0] is None]
    total = next(row[-1] for row in rows if row[0] is None)
    aware = _datetime_reader()
    items = [
        TopicListItem(*row[:6], aware(row[6]), bool(row[7]), row[8], row[9], aware(row[10]))
        for row in rows if row[0] is not None
    ]
    # UNION ALL keeps the page's order in both databases, but the standard does not promise it: sort again (25 rows).
    items.sort(key=lambda item: (item.last_activity_at, item.pk), reverse=True)
    return category, items, total


def _first_guess(page_number):
    """The page to read first: the number asked for when it is one (Paginator.validate_number decides after)."""
    try:
        number = int(page_number)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= MAX_GUESS else 1


def _page_of(total, per_page, page_number):
    """Paginator.get_page(page_number) of `total` topics, without the topics: the page's number and its paginator."""
    paginator = Paginator([], per_page)
    paginator.count = total
    try:
        return paginator.validate_number(page_number), paginator
    except PageNotAnInteger:
        return 1, paginator
    except EmptyPage:
        return paginator.num_pages, paginator


class _Copies:
    """The lists as this process last read them, all for one version of the topic lists
    (forum.cache_keys.topic_lists_version, read before the database, so a change committed meanwhile
    bumps it again): a change to any topic makes them all stale at once. Reading a list by SQL was
    most of a category page's time, and all of its database's (bench/README.md, "Session of 2026-12-06").
    """

    def __init__(self):
        self.lock = threading.Lock()  # threaded servers (runserver, gthread workers) share the copies
        self.version = None
        self.lists = {}  # (slug, filter, per page) -> (until (monotonic), category, total)
        self.pages = OrderedDict()  # (slug, filter, per page, number) -> Page, least recently used first

    def _current(self, version):
        if version != self.version:
            self.version, self.lists, self.pages = version, {}, OrderedDict()

    def category_and_total(self, version, key):
        with self.lock:
            self._current(version)
            found = self.lists.get(key)
            return found[1:] if found is not None and found[0] > time.monotonic() else None

    def page(self, key, number):
        with self.lock:
            page = self.pages.get((*key, number))
            if page is not None:
                self.pages.move_to_end((*key, number))
            return page

    def keep(self, version, key, category, page):
        with self.lock:
            if version != self.version:  # read for a version already gone
                return
            known, now = self.lists.get(key), time.monotonic()
            if known is None or known[0] <= now or known[2] != page.paginator.count:  # its other pages are of another count
                self.lists[key] = (now + LIST_COPY_SECONDS, category, page.paginator.count)
                self.pages = OrderedDict((kept, other) for kept, other in self.pages.items() if kept[:3] != key)
            self.pages[(*key, page.number)] = page
            while len(self.pages) > PAGES_KEPT:
                self.pages.popitem(last=False)

    def forget(self):
        with self.lock:
            self.version = None


_copies = _Copies()
PAGES_KEPT = 256  # about 5 MB (a page's 25 TopicListItem)
LIST_COPY_SECONDS = 60  # bounds a change the services did not make (SQL, the shell): the version follows theirs


def forget_copies():
    """For tests that empty the cache (tests/conftest.py)."""
    _copies.forget()


def category_page(slug, filter_name, page_number, *, lag_ok=False):
    """The category with this slug (or Category.DoesNotExist) and one page of its topics (TopicListItem), as
    Paginator.get_page(page_number) would give it: this process's copy (_Copies) or one query, two when the
    page asked for is past the last and the number of topics is not known yet (then the last page, as get_page
    does). The topics are read before anyone checks who may see the category: a members-only category's page
    is not shown to a visitor, so neither are its topics. `lag_ok`: the list is a visitor's
    (forum.cache_keys.topic_lists_version)."""
    per_page = forum_settings.TOPICS_PER_PAGE
    version = cache_keys.topic_lists_version(lag_ok=lag_ok)
    key = (slug, filter_name, per_page)
    known = _copies.category_and_total(version, key)
    if known is None:
        number = _first_guess(page_number)
    else:
        number, _paginator = _page_of(known[1], per_page, page_number)
        page = _copies.page(key, number)
        if page is not None:
            return known[0], page
    category, items, total = _read(known[0] if known else slug, filter_name, number, per_page)
    if category is None:
        raise Category.DoesNotExist("Category matching query does not exist.")
    wanted, paginator = _page_of(total, per_page, page_number)
    if wanted != number:
        _category, items, paginator.count = _read(category, filter_name, wanted, per_page)
    page = Page(items, wanted, paginator)
    _copies.keep(version, key, category, page)
    return category, page
