"""Cached HTML of the moderation queue: each item, the filter form and the bulk controls.

An item's HTML is a pure function of what it shows: the post's text and assessment, its
topic's title and category, the author's name, the item's reason, claim types and holder,
and how long it has waited (to the minute, hour or day that the words shown depend on).
The cache key is a digest of exactly those inputs (QueueItem.digest, the holder and the
age), as in forum.fragments: any change makes a new key, nothing needs invalidating, and
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

from forum import pagecache
from moderation.forms import BulkForm
from moderation.policy import Assessment
from moderation.selectors import highlighted_text

FRAGMENT_SECONDS = 60 * 60
TEMPLATE = "moderation/_queue_item.html"
EXCERPT_CHARS = 600


# timesince shows two units ("3 days, 4 hours"): the smaller one is how precisely an age must be
# known to render it. (limit, unit) in minutes: below the limit, the age counts in units.
_AGE_UNITS = ((24 * 60, 1), (7 * 24 * 60, 60), (None, 24 * 60))


def _age(item, now):
    """(unit, how many) of the item's wait, to the precision the queue shows it."""
    minutes = int((now - item.created_at).total_seconds() // 60)
    unit = next(unit for limit, unit in _AGE_UNITS if limit is None or minutes < limit)
    return unit, minutes // unit


def own_post_hole_name(item_pk):
    return f"queue-own:{item_pk}"


def _key(item, language, age):
    state = (item.digest, item.holder_id, age)
    return f"queue-item-html:3:{item.pk}:{language}:{hashlib.sha256(repr(state).encode()).hexdigest()[:32]}"


def render_queue_items(items):
    """Set `html` on each QueueItem (moderation.selectors.queue_page), rendering only those not in the cache.

    An entry lives as long as its age stays the same at the precision shown (a minute, an
    hour or a day), and at most FRAGMENT_SECONDS.
    """
    language = get_language()
    now = timezone.now()
    ages = {item.pk: _age(item, now) for item in items}
    keys = {item.pk: _key(item, language, ages[item.pk]) for item in items}
    found = cache.get_many(list(keys.values()))
    for item in items:
        key = keys[item.pk]
        html = found.get(key)
        if html is None:
            assessment = Assessment.from_dict(item.assessment) if item.assessment else None
            # The queue shows the start of each post; cutting the text before marking it up is much
            # cheaper than truncating the HTML afterwards.
            context = {
                "item": item, "assessment": assessment, "waited": timesince(item.created_at, now),
                "highlighted": highlighted_text(item.text[:EXCERPT_CHARS], assessment),
                "is_shortened": len(item.text) > EXCERPT_CHARS,
                # Every moderator shares this HTML: whether it is the viewer's own post is a hole (moderation.views.queue).
                "own_post_hole": pagecache.hole(own_post_hole_name(item.pk)),
            }
            html = render_to_string(TEMPLATE, context)
            cache.set(key, html, min(FRAGMENT_SECONDS, ages[item.pk][0] * 60 * 2))
        item.html = mark_safe(html)


def render_queue_controls(filters, categories):
    """{"filters_html": ..., "bulk_html": ...} for the queue page (one cache round trip).

    `categories` are the (pk, name) choices the filter form was built with; the claim types
    and reasons offered are fixed for a language.
    """
    language = get_language()
    values = [(field.name, field.value()) for field in filters]
    parts = {
        "filters_html": ("moderation/_queue_filters.html", lambda: {"filters": filters}, (values, categories)),
        "bulk_html": ("moderation/_queue_bulk.html", lambda: {"bulk_form": BulkForm()}, ()),
    }
    keys = {
        name: f"queue-controls-html:{name}:{language}:{hashlib.sha256(repr(state).encode()).hexdigest()[:32]}"
        for name, (_, _, state) in parts.items()
    }
    found = cache.get_many(list(keys.values()))
    html, missing = {}, {}
    for name, (template, context, _) in parts.items():
        key = keys[name]
        if key not in found:
            missing[key] = found[key] = render_to_string(template, context())
        html[name] = mark_safe(found[key])
    if missing:
        cache.set_many(missing, FRAGMENT_SECONDS)
    return html
