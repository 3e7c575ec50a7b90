"""Cached HTML of each post on the topic page.

The template (includes/_post.html and its includes) is given one plain-data context per post,
`post_context`, made from the post's `PostView`: strings, numbers, dates and tuples of them, and
nothing else, so the template can show nothing that is not in it. The view is the key: the key is
built from the data the template receives by construction, not from a hand-kept list of fields,
so a change to anything a post shows makes a new key and nothing needs invalidating; readers in
the same situation share entries, and a vote re-renders only the post it touched. The CSRF token
is a placeholder that the view fills in per request (forum.pagecache). The HTML is kept as the page
cache's parts (UTF-8 chunks and holes) and the page template outputs only a hole where the post goes,
which the view fills with those parts: a post's emoji made the whole page a str of four bytes a
character, copied at each template level and encoded again (bench/README.md, "Session of
2026-12-06"). Beside the HTML each entry keeps the post's text as a reader sees it
(forum.seo.plain_text), for the page's QAPage data: the view includes the post's HTML, so the text
is as fresh as the HTML, and taking it out of the HTML again for every answer was a sixth of a
cache-missed topic page (bench/README.md); and the post's QAPage answer as JSON (forum.seo.qa_answer),
made of the text and the view's values, since encoding 30 answers on every cache-missed page was most
of its JSON-LD's time.

Each process keeps copies of the entries it last used under the view itself (and the language),
so a copy is as fresh as the shared entry; the shared cache's key is a digest of the view, made only
for the posts a process has no copy of. Serving a page's posts from memory saves the round trip and
unpickling 31 entries (0.85 ms of a cache-missed topic page), and comparing the values instead of
pickling and hashing them was a tenth of it (bench/README.md).
"""

import json
import threading
from collections import OrderedDict
from datetime import datetime
from typing import NamedTuple

from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.translation import get_language

from forum.caching import context_digest
from forum.pagecache import CSRF_PLACEHOLDER, hole, post_hole_name, split_into_parts
from forum.seo import plain_text, qa_answer

FRAGMENT_SECONDS = 24 * 60 * 60
TEMPLATE = "includes/_post.html"
KEY_FORMAT = 8  # part of every shared key: a new shape of the view never reads an old entry


class PostView(NamedTuple):
    """Everything includes/_post.html shows of one post, for this viewer (forum.selectors.prepare_posts
    set the buttons and marks), as plain values: the post's fragment is kept under them."""

    pk: int
    is_question: bool
    is_accepted: bool
    is_visible: bool
    visibility: str
    is_deleted: bool
    author_id: int
    author_username: str
    author_name: str
    author_real: str
    links_profile: bool
    created_at: datetime
    edited_at: datetime | None
    withdrawn_at: datetime | None
    text_removed_at: datetime | None
    body_html: str
    assessment_json: str  # as stored (forum.selectors reads it so): the block shows a few of its values (shown_assessment)
    rejection_reason: str
    moderator_note: str
    moderator_edit_notice: str
    reviewed_by_id: int | None
    score: int
    my_vote: int
    reaction_buttons: tuple  # (kind, label, emoji, count, mine) each
    urls: tuple  # (the template's name, the URL) each
    login_url: str
    login_next: str
    can_edit: bool
    can_see_history: bool
    can_delete: bool
    can_flag: bool
    can_propose: bool
    moderator_tools: bool
    topic_pk: int
    topic_author_id: int
    # Who signed off and when, shown on the accepted answer only.
    solved_by_username: str | None
    solved_at: datetime | None


def post_view(post, topic):
    accepted = post.is_accepted
    return PostView(
        post.pk, post.is_question, accepted, post.is_visible, post.visibility, post.is_deleted, post.author_id,
        post.author.username, str(post.author_name), str(post.author_real), post.links_profile,
        post.created_at, post.edited_at, post.withdrawn_at, post.text_removed_at, post.body_html, post.assessment_json,
        post.rejection_reason, post.moderator_note, post.moderator_edit_notice, post.reviewed_by_id, post.score, post.my_vote,
        tuple((kind, str(label), emoji, count, mine) for kind, label, emoji, count, mine in post.reaction_buttons),
        tuple(post.urls.items()), post.login_url, post.login_next,
        post.can_edit, post.can_see_history, post.can_delete, post.can_flag, post.can_propose, post.moderator_tools,
        topic.pk, topic.author_id,
        topic.solved_by.username if accepted and topic.solved_by_id else None, topic.solved_at if accepted else None,
    )


def post_context(view):
    """The template's context for a PostView, under the names includes/_post.html reads."""
    health_claim, needs_review, matched, sources = shown_assessment(json.loads(view.assessment_json) if view.assessment_json else None)
    return {
        "post": {
            **view._asdict(), "author": {"username": view.author_username}, "urls": dict(view.urls),
            "assessment": {"health_claim": health_claim, "needs_review": needs_review,
                           "matched": [{"text": text} for text in matched], "sources": [dict(source) for source in sources]},
        },
        "topic": {
            "pk": view.topic_pk, "author_id": view.topic_author_id,
            "solved_by": {"username": view.solved_by_username} if view.solved_by_username is not None else None,
            "solved_at": view.solved_at,
        },
    }


def shown_assessment(assessment):
    """What the post's block shows of its policy assessment (includes/_checked_label.html and
    _held_banner.html), as (health claim, needs review, each match's text, each source's shown
    (key, value) pairs): the template is given these and nothing else of it."""
    assessment = assessment or {}
    return (
        assessment.get("health_claim"), assessment.get("needs_review"),
        tuple(match.get("text") for match in assessment.get("matched") or ()),
        tuple(tuple((key, source[key]) for key in SOURCE_SHOWN if key in source) for source in assessment.get("sources") or ()),
    )


SOURCE_SHOWN = ("kind", "url", "reason")  # forum_tags.source_kinds, refused_sources and the refused list


def render_posts(posts, topic):
    """Set on each post `parts` (its HTML as forum.pagecache parts), `html` (the hole the page template
    outputs in its place), `text` (forum.seo.plain_text of its HTML) and `qa_answer` (its QAPage answer,
    forum.seo.qa_answer), rendering only those neither this process nor the shared cache has (at most
    one cache round trip)."""
    language = get_language()
    keys = [(language, post_view(post, topic)) for post in posts]
    entries = _copies_of(keys)
    elsewhere = {_shared_key(key): index for index, (key, entry) in enumerate(zip(keys, entries, strict=True)) if entry is None}
    if elsewhere:
        found = cache.get_many(list(elsewhere))
        fetched = {index: found[shared] for shared, index in elsewhere.items() if shared in found}
        _keep_copies({keys[index]: entry for index, entry in fetched.items()})
        for index, entry in fetched.items():
            entries[index] = entry
    missing = {}
    for post, key, entry in zip(posts, keys, entries, strict=True):
        if entry is None:
            html = render_to_string(TEMPLATE, {**post_context(key[1]), "csrf_token": CSRF_PLACEHOLDER})
            text = plain_text(post.body_html)
            view = key[1]
            entry = missing[key] = (split_into_parts(html), text, qa_answer(text, view.created_at, view.score, view.pk, view.author_name))
        post.parts, post.text, post.qa_answer = entry
        post.html = hole(post_hole_name(post.pk))
    if missing:
        cache.set_many({_shared_key(key): entry for key, entry in missing.items()}, FRAGMENT_SECONDS)
        _keep_copies(missing)


def _shared_key(key):
    language, view = key
    return f"post-html:{KEY_FORMAT}:{view.pk}:{language}:{context_digest(tuple(view))}"


_copies = OrderedDict()  # (language, PostView) -> entry, least recently used first
_copies_lock = threading.Lock()  # threaded servers (runserver, gthread workers) share it
COPIES_KEPT = 500  # a few MB (the HTML as UTF-8, the body in its view), the posts of 16 full topic pages


def _copies_of(keys):
    """The entry of each key (None where this process has no copy)."""
    with _copies_lock:
        entries = [_copies.get(key) for key in keys]
        for key, entry in zip(keys, entries, strict=True):
            if entry is not None:
                _copies.move_to_end(key)
    return entries


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
