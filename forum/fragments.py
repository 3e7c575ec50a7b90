"""Cached HTML of each post on the topic page.

The template (includes/_post.html and its includes) is given one plain-data context per post,
`post_context`: strings, numbers, dates, lists and dicts, and nothing else, so the template can
show nothing that is not in it. The cache key is a digest of exactly that context: the key is
built from the data the template receives by construction, not from a hand-kept list of fields,
so a change to anything a post shows makes a new key and nothing needs invalidating; readers in
the same situation share entries, and a vote re-renders only the post it touched. The CSRF token
is a placeholder that the view fills in per request (forum.pagecache). The HTML is kept as the page
cache's parts (UTF-8 chunks and holes) and the page template outputs only a hole where the post goes,
which the view fills with those parts: a post's emoji made the whole page a str of four bytes a
character, copied at each template level and encoded again (bench/README.md, "Session of
2026-12-06"). Beside the HTML each entry keeps the post's text as a reader sees it
(forum.seo.plain_text), for the page's QAPage data: the key's digest includes the post's HTML, so
the text is as fresh as the HTML, and taking it out of the HTML again for every answer was a sixth
of a cache-missed topic page (bench/README.md).

Each process also keeps copies of the entries it last used: since a key is the digest of all the
entry shows, a copy is as fresh as the shared entry, and serving a page's posts from memory saves
the round trip and unpickling 31 entries (0.85 ms of a cache-missed topic page, bench/README.md).
"""

import threading
from collections import OrderedDict

from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.translation import get_language

from forum.caching import context_digest
from forum.pagecache import CSRF_PLACEHOLDER, hole, post_hole_name, split_into_parts
from forum.seo import plain_text

FRAGMENT_SECONDS = 24 * 60 * 60
TEMPLATE = "includes/_post.html"
KEY_FORMAT = 6  # part of every key: a new shape of the context never reads an old entry


def post_context(post, topic):
    """Everything includes/_post.html shows of one post, for this viewer (forum.selectors.prepare_posts
    set the buttons and marks), as plain data."""
    accepted = post.is_accepted
    return {
        "post": {
            "pk": post.pk, "is_question": post.is_question, "is_accepted": accepted, "is_visible": post.is_visible,
            "visibility": post.visibility, "is_deleted": post.is_deleted, "author_id": post.author_id,
            "author": {"username": post.author.username}, "author_name": str(post.author_name),
            "author_real": str(post.author_real), "links_profile": post.links_profile,
            "created_at": post.created_at, "edited_at": post.edited_at, "withdrawn_at": post.withdrawn_at,
            "text_removed_at": post.text_removed_at, "body_html": post.body_html, "assessment": shown_assessment(post.assessment),
            "rejection_reason": post.rejection_reason, "moderator_note": post.moderator_note,
            "moderator_edit_notice": post.moderator_edit_notice, "reviewed_by_id": post.reviewed_by_id,
            "score": post.score, "my_vote": post.my_vote,
            "reaction_buttons": [(kind, str(label), emoji, count, mine) for kind, label, emoji, count, mine in post.reaction_buttons],
            "urls": post.urls, "login_url": post.login_url, "login_next": post.login_next,
            "can_edit": post.can_edit, "can_see_history": post.can_see_history, "can_delete": post.can_delete,
            "can_flag": post.can_flag, "can_propose": post.can_propose, "moderator_tools": post.moderator_tools,
        },
        "topic": {
            "pk": topic.pk, "author_id": topic.author_id,
            # Who signed off, shown on the accepted answer only.
            "solved_by": {"username": topic.solved_by.username} if accepted and topic.solved_by_id else None,
            "solved_at": topic.solved_at if accepted else None,
        },
    }


def shown_assessment(assessment):
    """What the post's block shows of its policy assessment (includes/_checked_label.html and
    _held_banner.html): the whole one, with each match's rule and offsets, was three quarters of
    the time taken to digest a post's context for its key (bench/README.md)."""
    assessment = assessment or {}
    return {
        "health_claim": assessment.get("health_claim"), "needs_review": assessment.get("needs_review"),
        "matched": [{"text": match.get("text")} for match in assessment.get("matched") or ()],
        "sources": [{key: source.get(key) for key in SOURCE_SHOWN if key in source} for source in assessment.get("sources") or ()],
    }


SOURCE_SHOWN = ("kind", "url", "reason")  # forum_tags.source_kinds, refused_sources and the refused list


def render_posts(posts, topic):
    """Set on each post `parts` (its HTML as forum.pagecache parts), `html` (the hole the page template
    outputs in its place) and `text` (forum.seo.plain_text of its HTML), rendering only those not in
    the cache (one cache round trip)."""
    language = get_language()
    contexts = {post.pk: post_context(post, topic) for post in posts}
    keys = {pk: f"post-html:{KEY_FORMAT}:{pk}:{language}:{context_digest(context)}" for pk, context in contexts.items()}
    found = _copies_of(keys.values())
    elsewhere = [key for key in keys.values() if key not in found]
    if elsewhere:
        fetched = cache.get_many(elsewhere)
        _keep_copies(fetched)
        found.update(fetched)
    missing = {}
    for post in posts:
        key = keys[post.pk]
        entry = found.get(key)
        if entry is None:
            html = render_to_string(TEMPLATE, {**contexts[post.pk], "csrf_token": CSRF_PLACEHOLDER})
            entry = missing[key] = (split_into_parts(html), plain_text(post.body_html))
        post.parts, post.text = entry
        post.html = hole(post_hole_name(post.pk))
    if missing:
        cache.set_many(missing, FRAGMENT_SECONDS)
        _keep_copies(missing)


_copies = OrderedDict()  # key -> entry, least recently used first
_copies_lock = threading.Lock()  # threaded servers (runserver, gthread workers) share it
COPIES_KEPT = 500  # a few MB (the posts' HTML as UTF-8), the posts of 16 full topic pages


def _copies_of(keys):
    with _copies_lock:
        found = {key: _copies[key] for key in keys if key in _copies}
        for key in found:
            _copies.move_to_end(key)
    return found


def _keep_copies(entries):
    with _copies_lock:
        _copies.update(entries)
        for key in entries:
            _copies.move_to_end(key)
        while len(_copies) > COPIES_KEPT:
            _copies.popitem(last=False)


@receiver(setting_changed)
def forget_copies(**kwargs):
    """A setting (templates, languages, URLs) can change what a post renders as without changing its key;
    a test that empties the cache empties these too (tests/conftest.py)."""
    with _copies_lock:
        _copies.clear()
