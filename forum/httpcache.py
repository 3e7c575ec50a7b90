"""HTTP caching headers: what a browser, nginx or a CDN may keep of a page, and 304 on revalidation.

A page may be shared (`Cache-Control: public`) only when it is the same for every visitor
who is not logged in: no member, no message shown, no cookie set and no CSRF token on it (a
token belongs to one visitor). Everything else is `private` and never stored
(`no-store`). Shared pages get an ETag; a request that brings the same one in If-None-Match
gets 304 without the page. There is no Last-Modified: with one-second resolution, a vote in
the same second as the page was stored would be answered "not modified".

How long a proxy may keep a shared page without asking (`s-maxage`) is
FORUM_PROXY_CACHE_SECONDS: that is also how long a post a moderator hides stays visible to
visitors served by the proxy, so it is short (docs/DEPLOY.md). Browsers always revalidate
(`max-age=0`).
"""

import functools
import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpResponseNotModified
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import parse_etags

from forum.app_settings import forum_settings

# Shared pages differ by language (the django_language cookie or Accept-Language) and by whether
# the visitor is logged in (the session cookie): a cache must keep one copy per combination.
VARY = ("Accept-Language", "Cookie")


def may_share(request):
    """Whether this request's page can be the one every anonymous visitor gets (before rendering it)."""
    return request.method in ("GET", "HEAD") and not request.user.is_authenticated and not len(get_messages(request))


def etag_for(*parts):
    return '"' + hashlib.blake2b(":".join(map(str, parts)).encode(), digest_size=12).hexdigest() + '"'


def _shared_cache_control():
    seconds = forum_settings.PROXY_CACHE_SECONDS
    return f"public, max-age=0, s-maxage={seconds}" if seconds > 0 else "public, no-cache"


def not_modified(request, etag):
    """A 304 for a shared page whose ETag the request already has, or None."""
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header or (etag not in parse_etags(header) and header.strip() != "*"):
        return None
    response = HttpResponseNotModified()
    response["ETag"] = etag
    response["Cache-Control"] = _shared_cache_control()
    patch_vary_headers(response, VARY)
    return response


def finish(request, response, *, shareable, etag=None):
    """Set the caching headers on a page's response (and answer 304 when the visitor's copy is current)."""
    shared = (
        shareable and response.status_code == 200 and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a CSRF token was put on the page
    )
    if not shared:
        add_never_cache_headers(response)
        return response
    if etag is None:
        # SHA-256, not MD5: with the CPU's SHA instructions it is twice as fast over a 25 KB list page.
        etag = etag_for(hashlib.sha256(response.content).hexdigest())
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    response["ETag"] = etag
    response["Cache-Control"] = _shared_cache_control()
    patch_vary_headers(response, VARY)
    return response


def shared_when_anonymous(view):
    """For a GET page: public with an ETag when nothing on it is the visitor's own, otherwise private."""
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        shareable = may_share(request)
        return finish(request, view(request, *args, **kwargs), shareable=shareable)

    return wrapped


def same_origin(request):
    """Whether the browser says this request comes from one of the forum's own pages.

    Every current browser sends Sec-Fetch-Site, or at least Origin, with a form POST; a
    request without either is not treated as same-origin.
    """
    site = request.headers.get("sec-fetch-site")
    if site:
        return site == "same-origin"
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return False
    good = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    return origin in good or urlsplit(origin).netloc == request.get_host() and urlsplit(origin).scheme == request.scheme
