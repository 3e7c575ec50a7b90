"""The anonymous topic page served from the page cache before most of the middleware runs.

A request that brings no cookie but the language or CSRF one is an anonymous visitor with no
session and no messages, whatever the session, auth and messages middleware would find, so a
cached topic page can be answered straight away: that skips most of the per-request cost of a
cache hit (issue 21's "the cache hit near the floor"). SecurityMiddleware, CSP and
X-Frame-Options sit above this one and still set their headers.

On a miss the request goes through the whole stack to forum.views.topic_detail, which takes
over this lookup (`request.anonymous_topic_lookup`) instead of making its own: the one cache
round trip also marked the view, and doing it twice would lose the count.
"""

import re

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

from forum import httpcache, pagecache
from forum.viewcount import view_mark_key, view_recorded, visitor_key

# forum.urls: path("t/<int:pk>/<slug:slug>/", views.topic_detail, name="topic"); a test checks they agree.
TOPIC_PATH = re.compile(r"/t/(?P<pk>[0-9]+)/(?P<slug>[-a-zA-Z0-9_]+)/")


def anonymous_page_response(request, slot, parts):
    """The page every anonymous visitor shares: public, with an ETag of its cache slot and version (304 if unchanged)."""
    etag = httpcache.etag_for(slot.key, slot.served_version or slot.version)
    return httpcache.not_modified(request, etag) or httpcache.finish(
        request, pagecache.respond(request, parts), shareable=True, etag=etag
    )


def anonymous_lookup(request, topic_id, slug):
    """(slot, stored page or None, whether this view was new, the cache entries found) for a visitor."""
    slot = pagecache.topic_page_slot(request, topic_id, slug, anonymous=True)
    visitor = visitor_key(user_id=None, session_key=None, ip=request.META.get("REMOTE_ADDR", ""))
    view_mark = view_mark_key(topic_id=topic_id, visitor=visitor, user_agent=request.headers.get("user-agent", ""))
    stored, counted, found = pagecache.lookup(slot, view_mark)
    return slot, stored, counted, found


def _cookie_free(request):
    allowed = (settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
    return all(name in allowed for name in request.COOKIES)


class AnonymousTopicHitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = TOPIC_PATH.fullmatch(request.path_info) if request.method == "GET" else None
        if match is None or not _cookie_free(request):
            return self.get_response(request)
        request.get_host()  # refuses a host not in ALLOWED_HOSTS (400), as CommonMiddleware would
        # The language as LocaleMiddleware picks it for a visitor (cookie, then Accept-Language).
        translation.activate(translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()
        topic_id = int(match["pk"])
        slot, stored, counted, found = anonymous_lookup(request, topic_id, match["slug"])
        if stored is None:
            request.anonymous_topic_lookup = (slot, counted, found)
            return self.get_response(request)
        if counted:
            view_recorded(topic_id)
        response = anonymous_page_response(request, slot, stored)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        patch_vary_headers(response, ("Accept-Language",))
        if response.status_code == 200:
            response.headers["Content-Length"] = str(len(response.content))
        return response
