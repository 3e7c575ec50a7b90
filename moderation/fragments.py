"""Cached HTML of the moderation queue: each item, the filter form and the bulk controls.

An item is rendered from one plain-data context (`queue_item_context`): the item's fields the
row shows, the start of its text and its assessment, how long it has waited to the precision its
words show (a minute, an hour or a day), and the hole where "needs another moderator" goes on the
viewer's own posts. The HTML is a function of that context alone, and the cache key is a digest of
it, as in forum.fragments: the key is built from the data the template receives by construction,
any change makes a new key, nothing needs invalidating, and every moderator shares the entries.

The filter form and the bulk controls are cached under a digest of the choices offered and the
values shown: Django renders each select and option through its widget templates, which costs
more than the rest of the page.
"""

import hashlib
from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince
from django.utils.translation import get_language

from forum import pagecache
from forum.caching import context_digest
from moderation.forms import BulkForm
from moderation.policy import Assessment
from moderation.selectors import highlighted_text

FRAGMENT_SECONDS = 60 * 60
TEMPLATE = "moderation/_queue_item.html"
EXCERPT_CHARS = 600
KEY_FORMAT = 4  # part of every key: a new shape of the context never reads an old entry

# What the row shows of a QueueItem (moderation.selectors), besides its text and assessment.
ITEM_SHOWN = ("pk", "post_id", "revision", "title", "priority", "claim_types", "author_name", "category_name", "holder_id",
              "claimed_by_name", "note_count", "latest_note")

# timesince shows two units ("3 days, 4 hours"): the smaller one is how precisely an age must be
# known to render it. (limit, unit) in minutes: below the limit, the age counts in units.
_AGE_UNITS = ((24 * 60, 1), (7 * 24 * 60, 60), (None, 24 * 60))
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _age(item, now):
    """(unit, how many) of the item's wait in minutes, to the precision the queue shows it."""
    minutes = int((now - item.created_at).total_seconds() // 60)
    unit = next(unit for limit, unit in _AGE_UNITS if limit is None or minutes < limit)
    return unit, minutes // unit


def own_post_hole_name(item_pk):
    return f"queue-own:{item_pk}"


def queue_item_context(item, now):
    """Everything one queue row shows, as plain data. Every moderator shares it: whether the post is
    the viewer's own ("needs another moderator") is a hole in it, filled per request (moderation.views.queue)."""
    assessment = item.assessment
    if assessment and "text" in assessment:  # the whole text the offsets refer to: the row shows its start (below)
        assessment = {key: value for key, value in assessment.items() if key != "text"}
    return {
        "item": {**{name: getattr(item, name) for name in ITEM_SHOWN}, "reason_label": str(item.reason_label)},
        "text": item.text[:EXCERPT_CHARS],  # cutting the text before marking it up is much cheaper than truncating HTML
        "is_shortened": len(item.text) > EXCERPT_CHARS,
        "assessment": assessment,
        "age": _age(item, now),
        "own_post_hole": pagecache.hole(own_post_hole_name(item.pk)),
    }


def _render_item(context):
    """The row's HTML, from its context alone (the waiting time in words from its age)."""
    assessment = Assessment.from_dict(context["assessment"]) if context["assessment"] else None
    unit, count = context["age"]
    return render_to_string(TEMPLATE, {
        **context, "assessment": assessment, "highlighted": highlighted_text(context["text"], assessment),
        "waited": timesince(_EPOCH, _EPOCH + timedelta(minutes=unit * count)),
    })


def render_queue_items(items):
    """Set `html` on each QueueItem (moderation.selectors.queue_page), rendering only
    those not in the cache (one round trip). An entry lives at most as long as its waiting time
    reads the same, and at most FRAGMENT_SECONDS."""
    language = get_language()
    now = timezone.now()
    contexts = {item.pk: queue_item_context(item, now) for item in items}
    keys = {pk: f"queue-item-html:{KEY_FORMAT}:{pk}:{language}:{context_digest(context)}" for pk, context in contexts.items()}
    found = cache.get_many(list(keys.values()))
    for item in items:
        key = keys[item.pk]
        html = found.get(key)
        if html is None:
            html = _render_item(contexts[item.pk])
            cache.set(key, html, min(FRAGMENT_SECONDS, contexts[item.pk]["age"][0] * 60 * 2))
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
    # read, never written to: with Redis down django-redis hands every caller the same empty dict,
    # so an entry put in it reached the next request's lookups (a topic page got the queue's controls)
    found = cache.get_many(list(keys.values()))
    html, missing = {}, {}
    for name, (template, context, _) in parts.items():
        key = keys[name]
        if key not in found:
            missing[key] = render_to_string(template, context())
        html[name] = mark_safe(found.get(key, missing.get(key)))
    if missing:
        cache.set_many(missing, FRAGMENT_SECONDS)
    return html
