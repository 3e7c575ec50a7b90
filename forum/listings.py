"""The rows of the topic lists and the home page's category cards, and the strings of the topic page's stats.

A row (includes/_topic_row.html) or card (includes/_category_card.html) is a readable template given
plain values only, rendered once per process for those values and the language, and kept by them
(`_fragment`): a topic that changes has other values, so nothing needs invalidating, and a page
only joins its rows' HTML. Its relative time ("3 minutes ago") is left out of what is kept, a hole
filled for each request, so it never freezes. Rendering four {% blocktranslate %}, an include and
naturaltime per row was most of a category page's time (bench/README.md, "Where the time goes"),
and even with the strings made in Python, placing them was half of it ("Session of 2026-12-04").
"""

import functools
import html
import secrets
from datetime import UTC, datetime, timedelta
from typing import TypedDict
from urllib.parse import quote

from django.conf import settings
from django.contrib.humanize.templatetags import humanize
from django.contrib.humanize.templatetags.humanize import NaturalTimeFormatter
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, ngettext

from forum.models.core import member_name, topic_slug


@functools.cache
def _topic_url_pattern():
    """/t/{pk}/{slug}/, reversed once: reversing per row was a tenth of the list's time."""
    return reverse("forum:topic", args=[987654321, "slug"]).replace("987654321", "{pk}").replace("/slug/", "/{slug}/")


def topic_url(topic):
    """topic.get_absolute_url() of a list's topic (forum.topic_lists.TopicListItem), without reversing."""
    return _topic_url_pattern().format(pk=topic.pk, slug=topic_slug(topic.title))


def escape_text(text):
    """Django's escape() of a str, as HTML, without its check for lazy arguments (a third of a list's rows' time)."""
    return SafeString(html.escape(text))


def starter_name(topic):
    """Topic.starter_name of a list's topic (forum.topic_lists.TopicListItem)."""
    if topic.is_anonymous:
        return gettext("Anonymous member")
    return member_name(topic.author_id, topic.author_username, topic.author_closed_at)


def share_links(url, title):
    """What includes/_share.html puts in its links: the page's address, and it and the title quoted
    as the urlencode filter quotes, once each instead of in each of the seven links."""
    return {"url": escape_text(url), "quoted_url": escape_text(quote(url)), "quoted_title": escape_text(quote(title))}


@functools.cache
def _category_url_pattern():
    return reverse("forum:category", args=["slug"]).replace("/slug/", "/{slug}/")


def category_url(category):
    """category.get_absolute_url(), without reversing: a slug's characters need no quoting."""
    return _category_url_pattern().format(slug=category.slug)


def integer_text(n):
    """number_format(n) for a whole number: without grouping (the forum's setting) that is str(n),
    and number_format's lookups of the language's formats were a quarter of a topic list's rows."""
    return number_format(n) if settings.USE_THOUSAND_SEPARATOR else str(n)


class _Phrase:
    """One of humanize's lazy phrases ("%(count)s hours ago"), formatted once for each count."""

    def __init__(self, lazy):
        self.lazy = lazy
        self.formatted = functools.lru_cache(maxsize=1024)(lambda items: lazy % dict(items) if items else str(lazy))

    def __mod__(self, values):
        return self.formatted(tuple(values.items()))

    def __str__(self):
        return self.formatted(())


@functools.lru_cache(maxsize=16)
def _natural_time_formatter(language):  # language: the active one, so the phrases are formatted in it
    """Django's NaturalTimeFormatter, its own rules, with each lazy phrase memoised for `language` (_Phrase):
    the lazy strings' `%` (a catalogue lookup and the plural rule each time) was four fifths of naturaltime."""
    def memoised(phrases):
        return {key: _Phrase(lazy) for key, lazy in phrases.items()}

    base = NaturalTimeFormatter
    return type("NaturalTimeFormatter", (base,), {
        "time_strings": memoised(base.time_strings), "past_substrings": memoised(base.past_substrings),
        "future_substrings": memoised(base.future_substrings),
    })


def _natural_time(value, language):
    return escape_text(str(_natural_time_formatter(language).string_for(value)))


SECOND, MINUTE, HOUR, DAY = 10**6, 60 * 10**6, 3600 * 10**6, 86400 * 10**6  # in microseconds
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
TIMES_KEPT = 4096
_times = {}  # (language, value) -> (its naturaltime, read at, holds until): instants in microseconds since the epoch


def _clock():
    """Now, from the clock naturaltime reads, in microseconds since the epoch."""
    return (humanize.datetime.now(UTC) - _EPOCH) // timedelta(microseconds=1)


def _next_change(value_us, now_us):
    """The first instant after `now_us` at which naturaltime of the earlier `value_us` (microseconds since the epoch,
    in UTC) may read otherwise. Under a day it counts the seconds, minutes or hours since the value. From a day on
    it is timesince's two largest units, hours the smallest, counted from the value, or from its whole second (the
    pivot that timesince moves it by months to has no microseconds), and a month is counted on from midnight when
    the value's day of the month is one that month has not got (the 31st, say)."""
    since = now_us - value_us
    if since < DAY:
        step = SECOND if since < MINUTE else MINUTE if since < HOUR else HOUR
        return value_us + (since // step + 1) * step
    whole = value_us - value_us % SECOND
    return min(value_us + (since // HOUR + 1) * HOUR, whole + ((now_us - whole) // HOUR + 1) * HOUR, now_us - now_us % DAY + DAY)


def natural_time(value, language=None, now_us=None):
    """naturaltime(value) ("3 hours ago", "2 days, 4 hours ago") as HTML; `language`: the active one, `now_us`: _clock(),
    when the caller read them for several values. Kept per value until it may read otherwise (_next_change): a list's
    25 times were two thirds of its rows' time (bench/README.md, "Session of 2026-12-06"). Only for past values in
    UTC (as the database gives them), where an hour is an hour of the clock."""
    language = language or get_language()
    if value.tzinfo is not UTC:
        return _natural_time(value, language)
    now_us = _clock() if now_us is None else now_us
    kept = _times.get((language, value))
    if kept is not None and kept[1] <= now_us < kept[2]:
        return kept[0]
    text = _natural_time(value, language)
    value_us = (value - _EPOCH) // timedelta(microseconds=1)
    if value_us < now_us:
        until = _next_change(value_us, now_us)
        if _clock() < until:  # naturaltime read the clock after now_us: only a text read before `until` holds
            if len(_times) >= TIMES_KEPT:
                _times.clear()
            _times[(language, value)] = (text, now_us, until)
    return text


ROW_TEMPLATE = "includes/_topic_row.html"
CARD_TEMPLATE = "includes/_category_card.html"
# Where a row's relative time goes: a title or a name cannot hold "\x00" (Django's form fields refuse it),
# and the token is this process's own.
TIME_HOLE = f"\x00{secrets.token_hex(8)}\x00"
FRAGMENTS_KEPT = 4096  # rows and cards, about 3 MB (a row is ~700 characters)


def _render(template_name, name, values):
    """`template_name` rendered with `name` = dict(values) (plain values only, in the active language), split
    where the relative time goes: (before, after), or (the whole, None) without a time."""
    html = render_to_string(template_name, {name: dict(values), "when": TIME_HOLE})
    before, hole, after = html.partition(TIME_HOLE)
    return (before, after) if hole else (before, None)


@functools.lru_cache(maxsize=FRAGMENTS_KEPT)
def _fragment(template_name, name, language, values):
    """_render, kept by the values themselves (and `language`, the active one, which the caller read): they are
    all the template is given, so a card whose category changed has other values and is rendered again."""
    return _render(template_name, name, values)


@functools.lru_cache(maxsize=FRAGMENTS_KEPT)
def _topic_row(language, topic, unread):
    """A topic's row, kept by every value the list read of it (TopicListItem, a frozen dataclass compared field
    by field), its unread count and `language` (the active one): the row's values are made of these alone, so
    a topic whose row changed has another key. Looking the row up by its item spares making its values."""
    return _render(ROW_TEMPLATE, "row", (
        ("url", topic_url(topic)), ("title", topic.title), ("solution_state", topic.solution_state),
        ("unread", unread), ("starter", starter_name(topic)), ("answers", topic.answer_count),
        ("best_score", topic.best_answer_score), ("views", topic.view_count),
        ("last_activity_iso", topic.last_activity_at.isoformat()),
    ))


@receiver(setting_changed)
def forget_fragments(**kwargs):
    """A setting (templates, languages, URLs) can change what a row renders as without changing its values;
    a test that empties the cache empties these too (tests/conftest.py)."""
    _fragment.cache_clear()
    _topic_row.cache_clear()
    _pagination.cache_clear()
    _times.clear()


def _with_time(parts, when):
    before, after = parts
    return SafeString(before if after is None else f"{before}{when}{after}")


def topic_rows(topics, unread):
    """The topics of a category page (forum.topic_lists.TopicListItem) as their rows' HTML, one piece, so the
    page places it with one {{ }} instead of a loop; `unread` is {topic id: unread answers} for a member.
    Each row (includes/_topic_row.html) is rendered once per process for its values and language, and only
    its relative time is formatted for each request."""
    language, now_us = get_language(), _clock()
    return SafeString("".join(
        _with_time(_topic_row(language, topic, unread.get(topic.pk, 0)), natural_time(topic.last_activity_at, language, now_us))
        for topic in topics
    ))


def pager(page):
    """What includes/_pagination.html shows of a Page (or None) as plain values: "" for a link it has not.
    Its {% blocktranslate %} and the Page's six lookups (each a failed item lookup first: a Page is a
    sequence) were three quarters of the include's time (bench/README.md, "Session of 2026-12-04")."""
    if page is None:
        return {}
    number, last = page.number, page.paginator.num_pages
    return {
        "previous": integer_text(number - 1) if number > 1 else "",
        "next": integer_text(number + 1) if number < last else "",
        "position": gettext("Page %(number)s of %(total)s") % {"number": integer_text(number), "total": integer_text(last)},
    }


PAGINATION_TEMPLATE = "includes/_pagination.html"


@functools.lru_cache(maxsize=256)
def _pagination(language, shown, extra_query):  # language: the active one, which the caller read
    return SafeString(render_to_string(PAGINATION_TEMPLATE, {"pager": dict(shown), "extra_query": extra_query}))


def pagination(page, extra_query=""):
    """includes/_pagination.html for a Page (or None), given pager()'s values and `extra_query` only, so it is
    rendered once per process for them and the language: the include was a fifth of a category page's template."""
    return _pagination(get_language(), tuple(pager(page).items()), extra_query)


class TopicStats(TypedDict):
    posts: str
    participants: str
    reactions: str
    views: str
    answers: str


def topic_stats(topic, post_count, participant_count):
    """The topic page's counts as phrases ("12 posts"): five {% blocktranslate count %} were a sixth of
    its template's time (bench/README.md, "Late session"). ngettext with the msgids written out, so
    they stay in the catalogue; a count's phrase has no markup, as the template's had none."""
    return TopicStats(
        posts=ngettext("%(counter)s post", "%(counter)s posts", post_count) % {"counter": integer_text(post_count)},
        participants=ngettext("%(counter)s participant", "%(counter)s participants", participant_count)
        % {"counter": integer_text(participant_count)},
        reactions=ngettext("%(counter)s reaction", "%(counter)s reactions", topic.reaction_count)
        % {"counter": integer_text(topic.reaction_count)},
        views=ngettext("viewed %(counter)s time", "viewed %(counter)s times", topic.view_count) % {"counter": integer_text(topic.view_count)},
        answers=ngettext("%(counter)s answer", "%(counter)s answers", topic.answer_count) % {"counter": integer_text(topic.answer_count)},
    )


@functools.cache
def _account_url(name):
    return reverse(name)


def login_prompt(path):
    """The topic page's invitation to a visitor, for the page at `path`: what the template's {% blocktranslate %}
    with two {% url %} and a quoted `next` made, a tenth of a cache-missed page's template (bench/README.md,
    "Session of 2026-12-07"). The msgid is the template's, its values escaped as the tag escaped them."""
    login = f"{_account_url('account_login')}?next={quote(path)}"
    return SafeString(
        gettext('<a href="%(login)s">Log in</a> or <a href="%(signup)s">sign up</a> to answer, vote and react.')
        % {"login": html.escape(login), "signup": html.escape(_account_url("account_signup"))}
    )


def category_cards(categories, unread):
    """Each category of the home page as its card's HTML (includes/_category_card.html, kept as topic_rows keeps
    rows); `unread` is {category id: unread answers} for a member."""
    cards = []
    language, now_us = get_language(), _clock()
    for category in categories:
        latest = category.latest_activity
        values = (
            ("url", category_url(category)), ("name", category.name), ("description", category.description),
            ("is_health", category.is_health), ("unread", unread.get(category.pk, 0)), ("topics", category.topic_total),
            ("answers", category.answer_total), ("solved", category.solved_total), ("active", bool(latest)),
        )
        cards.append(_with_time(_fragment(CARD_TEMPLATE, "card", language, values), natural_time(latest, language, now_us) if latest else ""))
    return cards
