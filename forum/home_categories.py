"""The home page's categories with their counts: one query, shared for a minute."""

import time

from django.core.cache import cache
from django.db.models import Count, Max, Q, Sum

from forum.models import Category, SolutionState


def categories_overview(members=True):
    """Categories with topic, answer and solved counts and the latest activity: one query.
    Members-only categories are left out for visitors who are not logged in."""
    public = Q(topics__is_public=True)
    categories = Category.objects.all() if members else Category.objects.filter(members_only=False)
    return categories.annotate(
        topic_total=Count("topics", filter=public),
        answer_total=Sum("topics__answer_count", filter=public, default=0),
        solved_total=Count(
            "topics", filter=public & Q(topics__solution_state__in=[SolutionState.SOLVED, SolutionState.REOPEN_REQUESTED])
        ),
        latest_activity=Max("topics__last_activity_at", filter=public),
    ).order_by("position", "name")


HOME_CACHE_SECONDS = 60
_home_copies = {}  # key -> (until, categories): this process's copy of the shared entry, until the entry ends


def categories_overview_cached(members=True):
    """The home page's category list, shared for a minute: counts that lag a minute are fine there,
    and on a busy forum invalidating on every vote would mean never hitting the cache.

    The entry carries the time it ends, and each process keeps a copy until then: the lag stays at most
    a minute, and the round trip and unpickling eight categories were a sixth of the home page's time
    (bench/README.md, "Session of 2026-12-04")."""
    key = "home-categories:2" if members else "home-categories:2:public"
    now = time.time()
    entry = _home_copies.get(key)
    if entry is None or entry[0] <= now:
        entry = cache.get(key)
        if entry is None or entry[0] <= now:
            entry = (now + HOME_CACHE_SECONDS, list(categories_overview(members)))
            cache.set(key, entry, HOME_CACHE_SECONDS)
        _home_copies[key] = entry
    return entry[1]


def forget_home_copies():
    """For tests that empty the cache (tests/conftest.py)."""
    _home_copies.clear()
