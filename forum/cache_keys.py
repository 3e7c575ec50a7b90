"""The topic version: cached topic pages and post fragments carry it in their keys, so bumping it
(every service that changes what a topic page shows calls `topic_changed`) makes them all a miss.
The topic lists' version does the same for every process's copy of the category lists.
The register of every cache is forum/caching/register.py."""

import time

from django.db import transaction

from forum.app_settings import forum_settings
from forum.caching import version_bump, version_read


def topic_version_key(topic_id):
    return f"topic-version:{topic_id}"


def topic_firm_version_key(topic_id):
    """Bumped only by changes that may not reach anyone late (see topic_changed)."""
    return f"topic-version:{topic_id}:firm"


TOPIC_LISTS_VERSION_KEY = "topic-lists-version"


def topic_version_from_key(key):
    return version_read(key)


def topic_changed(topic_id, *, stale_ok=False):
    """Invalidate the topic's cached pages now, and again once the change is committed.

    `stale_ok`: the change may reach visitors who are not logged in a moment late (a vote or a
    reaction: a count one off for a second). While one request renders the new page, the others
    get the page from before (forum.pagecache.lookup), so a busy topic's votes do not make every
    visitor's request a miss at once. Anything else (a post shown, hidden, edited or removed, a
    solution, a topic moved) bumps the firm version too, and no one gets the earlier page again.
    """
    version_bump(topic_version_key(topic_id))
    if not stale_ok:
        version_bump(topic_firm_version_key(topic_id))
    topic_lists_changed()  # whatever a topic page shows of a topic, its row shows a part of


# How late a visitor's list may be: asking for the version was a fifth of a kept list's time (bench/README.md,
# "Session of 2026-12-07"), and a proxy may keep a visitor's page longer (FORUM_PROXY_CACHE_SECONDS).
VISITOR_LIST_LAG_SECONDS = 0.5
_seen = (None, 0.0)  # the topic lists' version this process last read, and until when (monotonic) a visitor's list may use it


def topic_lists_version(*, lag_ok=False):
    """The topic lists' version. `lag_ok`: for a visitor's list, which may use the version this process read up
    to VISITOR_LIST_LAG_SECONDS ago, so a change made in another process reaches it that much later (no longer than
    a proxy may keep the page anyway: with FORUM_PROXY_CACHE_SECONDS = 0, not at all). A member's list always asks,
    so what they just did shows at once, whichever process did it; a change made in this process shows at once to all."""
    global _seen
    now = time.monotonic()
    version, until = _seen
    if lag_ok and now < until:
        return version
    version = version_read(TOPIC_LISTS_VERSION_KEY)
    _seen = (version, now + min(VISITOR_LIST_LAG_SECONDS, forum_settings.PROXY_CACHE_SECONDS))
    return version


def forget_topic_lists_version():
    """The next list asks for the version (after this process changed it; tests/conftest.py after emptying the cache)."""
    global _seen
    _seen = (None, 0.0)


def topic_lists_changed():
    """Make every process's copy of every category list stale (forum.topic_lists.category_page): called by
    topic_changed, and for what a list shows beyond a topic page's changes (a category's name, description or
    visibility, edited in the admin; view counts reach the lists within the minute their copies are kept).
    One version for all lists, as the services that change a topic do not know its category: a change
    anywhere makes each process read each list it shows once more, as every request did before."""
    version_bump(TOPIC_LISTS_VERSION_KEY)
    forget_topic_lists_version()
    transaction.on_commit(forget_topic_lists_version)  # after version_bump's own bump at commit
