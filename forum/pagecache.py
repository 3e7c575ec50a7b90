"""A whole-page cache for anonymous readers of a topic.

Anonymous visitors all see the same page, so it is rendered once per topic version,
language and URL, and kept for a short time. Services bump the topic's version
(forum.cache_keys.topic_changed) after every change they commit, so a cached page is
never older than the last committed change, except for the view count, which may lag
by up to ANONYMOUS_PAGE_CACHE_SECONDS.

The page contains forms (language switch), so it is rendered with a placeholder where
the CSRF token goes, and each visitor gets their own token substituted on the way out.
"""

from dataclasses import dataclass

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from forum.app_settings import forum_settings
from forum.cache_keys import topic_version_from_key, topic_version_key

CSRF_PLACEHOLDER = "csrf-token-placeholder-5f2a9c"


@dataclass
class PageSlot:
    """Where one anonymous page lives in the cache, and the topic version seen when it was looked up."""

    key: str
    version_key: str
    version: int | None = None


def topic_page_key(request, topic_id):
    """The cache slot for this anonymous request, or None when the page must be rendered fresh."""
    if request.method != "GET" or request.user.is_authenticated or len(get_messages(request)):
        return None
    # Only the parameters the page uses make the key: any other query string would otherwise
    # make every request a miss, an easy way to push the site into rendering every time.
    order = "newest" if request.GET.get("order") == "newest" else "best"
    page = request.GET.get("page", "1")
    page = page if page.isdigit() and len(page) < 6 else "1"
    key = f"page:topic:{topic_id}:{get_language()}:{order}:{page}"
    return PageSlot(key=key, version_key=topic_version_key(topic_id))


def cached(slot):
    """The page if it was stored for the topic's current version: one cache round trip for both."""
    if slot is None:
        return None
    found = cache.get_many([slot.version_key, slot.key])
    slot.version = found.get(slot.version_key)
    if slot.version is None:
        slot.version = topic_version_from_key(slot.version_key)
        return None
    entry = found.get(slot.key)
    return entry[1] if entry is not None and entry[0] == slot.version else None


def store(slot, html):
    """Keep the page under the version read *before* rendering, so a change made meanwhile is never hidden."""
    cache.set(slot.key, (slot.version, html), forum_settings.ANONYMOUS_PAGE_CACHE_SECONDS)


def respond(request, html, status=200):
    return HttpResponse(html.replace(CSRF_PLACEHOLDER, get_token(request)), status=status)
