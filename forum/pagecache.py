"""Cached topic pages, for anonymous visitors and for members.

Anonymous visitors all see the same page, so it is stored whole, per topic version,
language, order and page number. Members see one page too, except in a few places:
the account links in the header and the posts they wrote, voted on or reacted to.
Their shared page ("member shell")
is stored with holes in those places; each request fills the holes with this member's
parts. Services bump the topic's version (forum.cache_keys.topic_changed) after every
change they commit, so a cached page is never older than the last committed change,
except for the view count, which may lag by up to TOPIC_PAGE_CACHE_SECONDS.

Pages are stored as UTF-8 chunks split at the holes, so serving one is a join. Every
page holds forms, so the CSRF token is a hole too, filled per visitor.

Who never gets a shared page: moderators (they see held posts and tools), members who
may not post yet (other buttons and no answer form), the topic starter (their buttons
differ on every answer), members with a held or rejected post in the topic (they see it
in place), and any request with a message to show.
"""

import hashlib
import hmac
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from forum import context_processors
from forum.app_settings import forum_settings
from forum.cache_keys import topic_firm_version_key, topic_version_from_key, topic_version_key
from forum.cacheops import get_many_and_add

# Part of every key: entries written by an older release (another shape) are never read.
ENTRY_FORMAT = 6
# How long one request may take to render a page the others wait for (they get the earlier page meanwhile).
REBUILD_SECONDS = 5


def _hole_nonce():
    """A per-deployment secret in every hole marker: nobody who has not read SECRET_KEY can write one."""
    return hmac.new(settings.SECRET_KEY.encode(), b"forum.pagecache hole markers", hashlib.sha256).hexdigest()[:24]


# A marker is the secret nonce and the hole's name between two control characters. Nothing a member
# types can produce one: forum.validators.clean_text drops those characters from every body, title
# and query before it is stored or shown, and the nonce is never sent (every marker is filled before
# a response leaves respond()). So a post or title that contains a marker's text, or the old fixed
# placeholder, stays plain text. The markers survive HTML escaping (no <>&"' in them), so
# {% csrf_token %} can carry one in its value attribute.
_NONCE = _hole_nonce()
_OPEN, _CLOSE = "\x02", "\x03"
_HOLE_MARKER = _OPEN + "hole:" + _NONCE + ":{}" + _CLOSE
CSRF_HOLE = "csrf"
CSRF_PLACEHOLDER = _HOLE_MARKER.format(CSRF_HOLE)
ACCOUNT_NAV_HOLE = "account-nav"
# On the page's UTF-8 bytes: a marker is ASCII, and no byte of a multi-byte character is. Scanning the
# str instead was four times as slow (a page with an emoji is stored four bytes a character).
_SPLIT = re.compile(re.escape((_OPEN + "hole:" + _NONCE + ":").encode()) + rb"([a-z0-9:-]+)" + re.escape(_CLOSE.encode()))


def hole(name):
    """The marker a template outputs where a per-request part goes."""
    return mark_safe(_HOLE_MARKER.format(name))


def post_hole_name(post_id):
    return f"post:{post_id}"


def split_into_parts(html):
    """The page as a tuple of UTF-8 chunks (bytes) and hole names (str)."""
    parts = []
    for index, piece in enumerate(_SPLIT.split(html.encode())):
        if index % 2 == 0:
            if piece:
                parts.append(piece)
        else:
            parts.append(piece.decode())  # the hole's name (the regex's group)
    return tuple(parts)


def splice(parts, values):
    """The parts with each hole that `values` names replaced by its parts (kept whatever they hold), neighbouring chunks joined."""
    out, run = [], []
    for part in parts:
        for piece in values.get(part, (part,)) if type(part) is str else (part,):
            if type(piece) is bytes:
                run.append(piece)
            else:
                if run:
                    out.append(b"".join(run))
                    run = []
                out.append(piece)
    if run:
        out.append(b"".join(run))
    return tuple(out)


def fill(parts, values):
    """Join the parts, putting values[name] in each hole; a value may itself be parts (a post with CSRF holes)."""
    out = []
    for part in parts:
        if type(part) is bytes:
            out.append(part)
            continue
        value = values[part]
        if type(value) is bytes:
            out.append(value)
        else:
            out.append(fill(value, values))
    return b"".join(out)


@dataclass
class MemberShell:
    """The member page without this member's parts, and what is needed to decide and render them."""

    parts: tuple
    post_parts: dict  # post id -> parts of the post as a member who did nothing to it sees it
    post_authors: dict  # post id -> author id
    topic_author_id: int
    # Members with a held or rejected post in the topic see it in place: not on the shared page.
    authors_with_unpublished_posts: frozenset = field(default_factory=frozenset)


@dataclass
class MemberParts:
    """One member's own parts of a shared member page."""

    posts: dict  # hole name -> parts, for the posts they wrote, voted on or reacted to
    # The header's account links, and what they were rendered from (re-rendered when that changes).
    nav_inputs: tuple = ()
    nav: tuple = ()


@dataclass
class PageSlot:
    """Where one page lives in the cache, and the topic version seen when it was looked up."""

    key: str
    version_key: str
    member_id: int | None  # None for anonymous visitors
    version: int | None = None
    firm_key: str = ""
    firm_version: int | None = None
    # The version of the page lookup() returned: an earlier one than `version` while another request
    # renders the current one (only after changes made with stale_ok, only for anonymous visitors).
    served_version: int | None = None
    # Whether this request holds the rebuild mark (_start_rebuild), which it drops once the page is stored:
    # only then, since a round trip to drop a mark that was never set was a fifth of storing the page.
    rebuilding: bool = False

    @property
    def rebuild_key(self):
        return f"{self.key}:rebuilding"

    # Beside the member shell: what re-rendering one member's posts needs, each post under its own
    # key, so a request fetches (and unpickles) only the few posts that member touched.
    @property
    def context_key(self):
        return f"{self.key}:context"

    def post_key(self, post_id):
        return f"{self.key}:post:{post_id}"

    # One member's own parts of the page. Valid for the topic version they were made for: they can
    # only change through a vote, reaction or post in this topic, and each of those bumps the version.
    def member_key(self, user_id):
        return f"{self.key}:member:{user_id}"


def topic_page_slot(request, topic_id, slug, *, anonymous=False):
    """The cache slot for this request, or None when the page must be rendered for this request alone.

    `anonymous`: the caller knows the request is a visitor's with no messages (forum.topic_hits,
    before the auth and messages middleware have run)."""
    if request.method != "GET" or (not anonymous and len(get_messages(request))):
        return None
    # Only the parameters the page uses make the key: any other query string would otherwise
    # make every request a miss, an easy way to push the site into rendering every time.
    order = "newest" if request.GET.get("order") == "newest" else "best"
    page = page_parameter(request)
    member_id = None if anonymous or not request.user.is_authenticated else request.user.pk
    audience = "anonymous" if member_id is None else "member"
    # The slug is part of the key: a wrong one never finds a page, so it reaches the redirect to the right one.
    key = f"page:topic:{ENTRY_FORMAT}:{topic_id}:{slug}:{audience}:{get_language()}:{order}:{page}"
    return PageSlot(key=key, version_key=topic_version_key(topic_id), member_id=member_id, firm_key=topic_firm_version_key(topic_id))


def page_parameter(request):
    """The topic page's number as the query gives it, for the page and its cache key alike: anything but up to
    five digits is page 1. The key named page 1 for a longer number while the page showed the last one, so one
    request could store the last page in page 1's place for every visitor."""
    page = request.GET.get("page", "1")
    return page if page.isdigit() and len(page) < 6 else "1"


def lookup(slot, view_mark, extra_keys=()):
    """(the page stored for the topic's current version or None, whether this view was new, the entries found).

    One cache round trip for the version, the page, this visitor's view mark, and for a member
    their own parts of the page and `extra_keys` (forum.viewer.Viewer.cache_keys). When
    this process holds a copy of the page, the page itself is not fetched, only its version.
    """
    copy = _copies.get(slot.key) if slot is not None else None
    if copy is not None and copy[1] < time.monotonic():
        copy = None
    keys = [slot.version_key, slot.firm_key] if slot is not None else []
    if slot is not None and copy is None:
        keys.append(slot.key)
    if slot is not None and slot.member_id is not None:
        keys.append(slot.member_key(slot.member_id))
    keys.extend(extra_keys)
    if view_mark is None:
        found, counted = (cache.get_many(keys) if keys else {}), False
    elif keys:
        found, counted = get_many_and_add(keys, view_mark, 1, forum_settings.VIEW_WINDOW_SECONDS)
    else:
        found, counted = {}, cache.add(view_mark, 1, forum_settings.VIEW_WINDOW_SECONDS)
    if slot is None:
        return None, counted, found
    slot.version = found.get(slot.version_key)
    slot.firm_version = found.get(slot.firm_key)
    if slot.version is None:
        slot.version = topic_version_from_key(slot.version_key)
        return None, counted, found
    if copy is not None and copy[0] == slot.version:
        with _copies_lock:
            if slot.key in _copies:
                _copies.move_to_end(slot.key)
        slot.served_version = slot.version
        return copy[2], counted, found
    entry = found[slot.key] if slot.key in found else (cache.get(slot.key) if copy is not None else None)
    if entry is not None and entry[0] == slot.version:
        _keep_copy(slot.key, entry)
        slot.served_version = slot.version
        return entry[2], counted, found
    earlier = entry or (copy and (copy[0], None, copy[2], copy[3]))
    if earlier and _may_serve_earlier(slot, earlier):
        slot.served_version = earlier[0]
        return earlier[2], counted, found
    return None, counted, found


def _may_serve_earlier(slot, entry):
    """Whether an anonymous visitor may get this page of an earlier version: only while no change since
    it was made needed to be seen at once (the firm version is the same), and while another request
    renders the current page. The first to ask renders it."""
    return slot.member_id is None and entry[3] == slot.firm_version and not _start_rebuild(slot)


def _start_rebuild(slot):
    """True for the one request that renders the page for the current version (the others wait up to REBUILD_SECONDS)."""
    slot.rebuilding = cache.add(slot.rebuild_key, 1, REBUILD_SECONDS)
    return slot.rebuilding


def store(slot, page, *, context=None, posts=()):
    """Keep the page under the version read *before* rendering, so a change made meanwhile is never hidden."""
    entry = (slot.version, time.time(), page, slot.firm_version)
    entries = {slot.key: entry}
    if context is not None:
        entries[slot.context_key] = (slot.version, context)
    entries.update({slot.post_key(post.pk): (slot.version, post) for post in posts})
    if len(entries) == 1:
        # A visitor's page alone: set_many wraps its SETs in MULTI/EXEC, which cost as much again as the SET.
        cache.set(slot.key, entry, forum_settings.TOPIC_PAGE_CACHE_SECONDS)
    else:
        cache.set_many(entries, forum_settings.TOPIC_PAGE_CACHE_SECONDS)
    if slot.rebuilding:
        cache.delete(slot.rebuild_key)  # the next change can be rendered at once, by whoever asks first
    _keep_copy(slot.key, entry)


# This process's copies of recently served pages: {key: (version, expires at (monotonic), page, firm version)}.
# A copy is served only while the shared version still matches it, so it is never staler than the
# shared cache; it saves moving ~100 KB out of Redis on every view.
_copies = OrderedDict()
_copies_lock = threading.Lock()  # threaded servers (runserver, gthread workers) share it
COPIES_KEPT = 200


def _keep_copy(key, entry):
    version, stored_at, page, firm_version = entry
    seconds_left = stored_at + forum_settings.TOPIC_PAGE_CACHE_SECONDS - time.time()
    if seconds_left <= 0:
        return
    with _copies_lock:
        _copies[key] = (version, time.monotonic() + seconds_left, page, firm_version)
        _copies.move_to_end(key)
        while len(_copies) > COPIES_KEPT:
            _copies.popitem(last=False)


def stored_member_parts(slot, found):
    """This member's own parts of the page, from what lookup() found, if made for the current version."""
    entry = found.get(slot.member_key(slot.member_id))
    return entry[1] if entry is not None and entry[0] == slot.version else None


def store_member_parts(slot, parts):
    cache.set(slot.member_key(slot.member_id), (slot.version, parts), forum_settings.TOPIC_PAGE_CACHE_SECONDS)


def stored_posts(slot, post_ids):
    """(context, [posts]) stored beside the member shell for these post ids, or None if any has gone."""
    keys = [slot.context_key, *(slot.post_key(pk) for pk in post_ids)]
    found = cache.get_many(keys)
    entries = [found.get(key) for key in keys]
    if any(entry is None or entry[0] != slot.version for entry in entries):
        return None
    return entries[0][1], [entry[1] for entry in entries[1:]]


def anonymous_page_key(request, *names):
    """The cache key of a page all anonymous visitors see alike (search results), or None when
    this request must be rendered alone (a member, a form sent, a message to show)."""
    if request.method != "GET" or request.user.is_authenticated or len(get_messages(request)):
        return None
    return ":".join(["page", str(ENTRY_FORMAT), get_language(), *map(str, names)])


class _Values(dict):
    """The holes' values; the CSRF token is made only if a hole asks for it, so a page without a form
    that needs one sets no CSRF cookie and can be shared (forum.httpcache)."""

    def __init__(self, request, values):
        super().__init__(values)
        self.request = request

    def __missing__(self, name):
        if name != CSRF_HOLE:
            raise KeyError(name)
        self[name] = token = get_token(self.request).encode()
        return token


def respond(request, parts, values=None, status=200):
    body = fill(parts, _Values(request, values or {}))
    return HttpResponse(body, status=status, content_type=f"text/html; charset={settings.DEFAULT_CHARSET}")


def account_nav_parts(request, header=None):
    """The header's account links for this member, as parts for the hole a shared page leaves for them."""
    html = render_to_string(
        "includes/_account_nav.html",
        {**(header or context_processors.header(request)), "user": request.user, "request": request,
         "LANGUAGE_CODE": get_language(), "csrf_token": CSRF_PLACEHOLDER},
    )
    return split_into_parts(html)
