"""A whole-page cache for anonymous readers of a topic.

Anonymous visitors all see the same page, so it is rendered once per topic version,
language and URL, and kept for a short time. Services bump the topic's version
(forum.cache_keys.topic_changed) after every change they commit, so a cached page is
never older than the last committed change, except for the view count, which may lag
by up to ANONYMOUS_PAGE_CACHE_SECONDS.

The page contains forms (language switch), so it is rendered with a placeholder where
the CSRF token goes, and each visitor gets their own token substituted on the way out.
"""

import hashlib

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from forum.app_settings import forum_settings
from forum.cache_keys import topic_version

CSRF_PLACEHOLDER = "csrf-token-placeholder-5f2a9c"


def topic_page_key(request, topic_id):
    """The cache key for this anonymous request, or None when the page must be rendered fresh."""
    if request.method != "GET" or request.user.is_authenticated or len(get_messages(request)):
        return None
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:20]
    return f"page:topic:{topic_id}:{topic_version(topic_id)}:{get_language()}:{path}"


def cached(key):
    return cache.get(key) if key else None


def store(key, html):
    cache.set(key, html, forum_settings.ANONYMOUS_PAGE_CACHE_SECONDS)


def respond(request, html, status=200):
    return HttpResponse(html.replace(CSRF_PLACEHOLDER, get_token(request)), status=status)
