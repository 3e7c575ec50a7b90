"""The rows of the topic lists and the home page's category cards, as display strings.

Formatted here once per row instead of in the template: four {% blocktranslate %}, an include,
naturaltime and a URL reversed per row took three quarters of a category page's time
(bench/README.md, "Where the time goes"). The templates only place these strings. The
messages are the templates' own msgids, so the Dutch catalogue already has them.

Every string of a row or card is HTML already (SafeString): escaped here, and the phrases that
repeat (counts, markers, relative times) escaped once per process with their memo. The template's
own escaping of ~250 values was half of a category page's row loop (bench/README.md, "Session of
2026-12-03"); `{{ row.title }}` still shows the title as text.
"""

import functools
import html
from typing import TypedDict
from urllib.parse import quote

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import NaturalTimeFormatter
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, ngettext

from forum.models import SolutionState
from forum.models.core import member_name, topic_slug

SOLVED_STATES = (SolutionState.SOLVED, SolutionState.REOPEN_REQUESTED)


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


def _integer(n):
    """number_format(n) for a whole number: without grouping (the forum's setting) that is str(n),
    and number_format's lookups of the language's formats were a quarter of a topic list's rows."""
    return number_format(n) if settings.USE_THOUSAND_SEPARATOR else str(n)


def _count(language, singular, plural, n):
    """"12 answers" in `language` (the active one, which the caller read once), as HTML."""
    return _counted(language, settings.USE_THOUSAND_SEPARATOR, singular, plural, n)


@functools.lru_cache(maxsize=4096)
def _counted(language, _grouping, singular, plural, n):  # _grouping: _integer's setting, part of the key
    """Memoised per language, and escaped once: ngettext looks the active language up again on every
    call, and a list page made a hundred of them (a fifth of topic_rows). Called with the active
    language only, so the cached string is the one ngettext gives in it."""
    return escape_text(ngettext(singular, plural, n) % {"counter": _integer(n)})


@functools.lru_cache(maxsize=64)
def _marker(language, solution_state, show_proposed):
    if solution_state in SOLVED_STATES:
        return format_html('<span class="marker solved">[{}]</span> ', gettext("Solved"))
    if solution_state == SolutionState.PROPOSED and show_proposed:
        return format_html('<span class="marker proposed">[{}]</span> ', gettext("Solution proposed"))
    return SafeString("")


def solved_marker(solution_state, show_proposed=False, language=None):
    """The "[Solved]" (or "[Solution proposed]") marker before a title, as includes/_solved_marker.html writes it."""
    return _marker(language or get_language(), solution_state, show_proposed)


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


def natural_time(value, language=None):
    """naturaltime(value) ("3 hours ago", "2 days, 4 hours ago") as HTML; `language`: the active one, when the caller read it."""
    return escape_text(str(_natural_time_formatter(language or get_language()).string_for(value)))


class TopicRow(TypedDict):  # a dict: the template engine finds a key at its first try, an attribute at its second
    """Each value is HTML (SafeString)."""

    url: str
    title: str
    marker: str
    unread: str  # "" when nothing is unread
    by: str
    answers: str
    best_score: str  # "" without a scored answer
    views: str
    last_activity_iso: str
    last_activity: str


def topic_rows(topics, unread):
    """One TopicRow per topic of a category page; `unread` is {topic id: unread answers} for a member."""
    rows = []
    language = get_language()
    by, best_score = gettext("by %(name)s"), gettext("best score %(score)s")
    for topic in topics:
        n = unread.get(topic.pk, 0)
        score = topic.best_answer_score
        rows.append(TopicRow(
            url=escape_text(topic_url(topic)),
            title=escape_text(topic.title),
            marker=solved_marker(topic.solution_state, show_proposed=True, language=language),
            unread=_count(language, "%(counter)s unread", "%(counter)s unread", n) if n else "",
            by=escape_text(by % {"name": starter_name(topic)}),
            answers=_count(language, "%(counter)s answer", "%(counter)s answers", topic.answer_count),
            best_score=escape_text(best_score % {"score": _integer(score)}) if score is not None else "",
            views=_count(language, "%(counter)s view", "%(counter)s views", topic.view_count),
            last_activity_iso=SafeString(topic.last_activity_at.isoformat()),  # digits, '-', ':', '.', 'T' and '+'
            last_activity=natural_time(topic.last_activity_at, language),
        ))
    return rows


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
        posts=ngettext("%(counter)s post", "%(counter)s posts", post_count) % {"counter": _integer(post_count)},
        participants=ngettext("%(counter)s participant", "%(counter)s participants", participant_count)
        % {"counter": _integer(participant_count)},
        reactions=ngettext("%(counter)s reaction", "%(counter)s reactions", topic.reaction_count)
        % {"counter": _integer(topic.reaction_count)},
        views=ngettext("viewed %(counter)s time", "viewed %(counter)s times", topic.view_count) % {"counter": _integer(topic.view_count)},
        answers=ngettext("%(counter)s answer", "%(counter)s answers", topic.answer_count) % {"counter": _integer(topic.answer_count)},
    )


class CategoryCard(TypedDict):
    """Each string is HTML (SafeString)."""

    url: str
    name: str
    description: str
    is_health: bool
    unread: str
    stats: str  # "12 topics · 40 answers · 3 solved · latest activity 2 hours ago"


def category_cards(categories, unread):
    """One CategoryCard per category of the home page; `unread` is {category id: unread answers} for a member."""
    cards = []
    language = get_language()
    for category in categories:
        n = unread.get(category.pk, 0)
        stats = [
            _count(language, "%(counter)s topic", "%(counter)s topics", category.topic_total),
            _count(language, "%(counter)s answer", "%(counter)s answers", category.answer_total),
            _count(language, "%(counter)s solved", "%(counter)s solved", category.solved_total),
        ]
        if category.latest_activity:
            when = _natural_time_formatter(language).string_for(category.latest_activity)
            stats.append(escape_text(gettext("latest activity %(when)s") % {"when": when}))
        cards.append(CategoryCard(
            url=escape_text(category_url(category)),
            name=escape_text(category.name),
            description=escape_text(category.description),
            is_health=category.is_health,
            unread=_count(language, "%(counter)s unread in topics you watch", "%(counter)s unread in topics you watch", n) if n else "",
            stats=SafeString(" · ".join(stats)),  # each part escaped
        ))
    return cards
