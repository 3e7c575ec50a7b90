"""Cached HTML of the moderation queue: each item, the filter form and the bulk controls.

An item's HTML is a pure function of what it shows: the post's text and assessment, its
topic's title and category, the author's name, the item's reason, claim types and holder,
and how long it has waited (as the words shown, so it changes at most once a minute).
The cache key is a digest of exactly those inputs (QueueItem.digest, the holder and the
wait), as in forum.fragments: any change makes a new key, nothing needs invalidating, and
every moderator shares the entries. Nothing in an item depends on who is looking.

The filter form and the bulk controls are cached the same way, under a digest of the
choices offered and the values shown: Django renders each select and option through its
widget templates, which costs more than the rest of the page.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince
from django.utils.translation import get_language

from moderation.policy import Assessment
from moderation.selectors import highlighted_text

FRAGMENT_SECONDS = 60 * 60
TEMPLATE = "moderation/_queue_item.html"
EXCERPT_CHARS = 600


def _key(item, language):
    state = (item.digest, item.holder_id, item.waited)
    return f"queue-item-html:{item.pk}:{language}:{hashlib.sha256(repr(state).encode()).hexdigest()[:32]}"


def render_queue_items(items):
    """Set `html` on each QueueItem (moderation.selectors.queue_page), rendering only those not in the cache."""
    language = get_language()
    now = timezone.now()
    for item in items:
        item.waited = timesince(item.created_at, now)
    keys = {item.pk: _key(item, language) for item in items}
    found = cache.get_many(list(keys.values()))
    missing = {}
    for item in items:
        key = keys[item.pk]
        html = found.get(key)
        if html is None:
            assessment = Assessment.from_dict(item.assessment) if item.assessment else None
            # The queue shows the start of each post; cutting the text before marking it up is much
            # cheaper than truncating the HTML afterwards.
            context = {
                "item": item, "assessment": assessment,
                "highlighted": highlighted_text(item.text[:EXCERPT_CHARS], assessment),
                "is_shortened": len(item.text) > EXCERPT_CHARS,
            }
            html = missing[key] = render_to_string(TEMPLATE, context)
        item.html = mark_safe(html)
    if missing:
        cache.set_many(missing, FRAGMENT_SECONDS)


def render_queue_controls(filters, bulk_form, categories):
    """{"filters_html": ..., "bulk_html": ...} for the queue page (one cache round trip).

    `categories` are the (pk, name) choices the filter form was built with; the claim types
    and reasons offered are fixed for a language.
    """
    language = get_language()
    values = [(field.name, field.value()) for field in filters]
    parts = {
        "filters_html": ("moderation/_queue_filters.html", {"filters": filters}, (values, categories)),
        "bulk_html": ("moderation/_queue_bulk.html", {"bulk_form": bulk_form}, ()),
    }
    keys = {
        name: f"queue-controls-html:{name}:{language}:{hashlib.sha256(repr(state).encode()).hexdigest()[:32]}"
        for name, (_, _, state) in parts.items()
    }
    found = cache.get_many(list(keys.values()))
    html, missing = {}, {}
    for name, (template, context, _) in parts.items():
        key = keys[name]
        html[name] = found.get(key)
        if html[name] is None:
            html[name] = missing[key] = render_to_string(template, context)
        html[name] = mark_safe(html[name])
    if missing:
        cache.set_many(missing, FRAGMENT_SECONDS)
    return html
