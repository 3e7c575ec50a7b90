"""Cached HTML of each post on the topic page.

A post's HTML is a pure function of what it shows: its text and state, its score and
reaction counts, and this viewer's vote, reactions and rights. The cache key is a digest
of exactly those inputs, so a change to any of them makes a new key: nothing needs to be
invalidated, readers in the same situation share entries, and a vote re-renders only the
post it touched. The CSRF token is a placeholder that the view fills in per request.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from forum.pagecache import CSRF_PLACEHOLDER

FRAGMENT_SECONDS = 24 * 60 * 60
TEMPLATE = "includes/_post.html"


def _key(post, topic, language):
    accepted_by = (topic.solved_by_id, topic.solved_at and topic.solved_at.isoformat()) if post.is_accepted else ()
    state = (
        post.author.username, post.author_id, topic.author_id, post.is_question, post.is_accepted, accepted_by,
        post.created_at.isoformat(), post.edited_at and post.edited_at.isoformat(), post.visibility, post.is_deleted,
        post.rejection_reason, post.moderator_note, post.withdrawn_at is not None, post.reviewed_by_id, post.score, post.my_vote,
        tuple(post.reaction_buttons), post.can_edit, post.can_see_history, post.can_delete, post.can_flag, post.can_propose, post.moderator_tools,
        post.author_name, post.author_real, post.links_profile, post.text_removed_at and post.text_removed_at.isoformat(),
        post.login_url,
    )
    digest = hashlib.sha256(repr(state).encode()).hexdigest()[:32]
    return f"post-html:3:{post.pk}:{language}:{digest}"


def render_posts(posts, topic):
    """Set `html` on each post, rendering only those not in the cache (one cache round trip)."""
    language = get_language()
    keys = {post.pk: _key(post, topic, language) for post in posts}
    found = cache.get_many(list(keys.values()))
    missing = {}
    for post in posts:
        key = keys[post.pk]
        html = found.get(key)
        if html is None:
            html = render_to_string(TEMPLATE, {"post": post, "topic": topic, "csrf_token": CSRF_PLACEHOLDER})
            missing[key] = html
        post.html = mark_safe(html)
    if missing:
        cache.set_many(missing, FRAGMENT_SECONDS)
