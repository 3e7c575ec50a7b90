"""The rows of the topic lists and the home page's category cards, as display strings.

Formatted here once per row instead of in the template: four {% blocktranslate %}, an include,
naturaltime and a URL reversed per row took three quarters of a category page's time
(bench/README.md, "Where the time goes"). The templates only place these strings. The
messages are the templates' own msgids, so the Dutch catalogue already has them.
"""

import functools
from typing import TypedDict

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
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


def starter_name(topic):
    """Topic.starter_name of a list's topic (forum.topic_lists.TopicListItem)."""
    if topic.is_anonymous:
        return gettext("Anonymous member")
    return member_name(topic.author_id, topic.author_username, topic.author_closed_at)


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


def _count(singular, plural, n, language=None):
    """"12 answers" in the active language (`language`: get_language(), when the caller read it already)."""
    return _counted(language or get_language(), settings.USE_THOUSAND_SEPARATOR, singular, plural, n)


@functools.lru_cache(maxsize=4096)
def _counted(language, _grouping, singular, plural, n):  # _grouping: _integer's setting, part of the key
    """Memoised per language: ngettext looks the active language up again on every call, and a
    list page made a hundred of them (a fifth of topic_rows). Called with the active language only,
    so the cached string is the one ngettext gives in it."""
    return ngettext(singular, plural, n) % {"counter": _integer(n)}


def solved_marker(solution_state, show_proposed=False):
    """The "[Solved]" (or "[Solution proposed]") marker before a title, as includes/_solved_marker.html writes it."""
    if solution_state in SOLVED_STATES:
        return format_html('<span class="marker solved">[{}]</span> ', gettext("Solved"))
    if solution_state == SolutionState.PROPOSED and show_proposed:
        return format_html('<span class="marker proposed">[{}]</span> ', gettext("Solution proposed"))
    return ""


class TopicRow(TypedDict):  # a dict: the template engine finds a key at its first try, an attribute at its second
    url: str
    title: str
    marker: str  # safe HTML
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
            url=topic_url(topic),
            title=topic.title,
            marker=solved_marker(topic.solution_state, show_proposed=True),
            unread=_count("%(counter)s unread", "%(counter)s unread", n, language) if n else "",
            by=by % {"name": starter_name(topic)},
            answers=_count("%(counter)s answer", "%(counter)s answers", topic.answer_count, language),
            best_score=best_score % {"score": _integer(score)} if score is not None else "",
            views=_count("%(counter)s view", "%(counter)s views", topic.view_count, language),
            last_activity_iso=topic.last_activity_at.isoformat(),
            last_activity=naturaltime(topic.last_activity_at),
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
    url: str
    name: str
    description: str
    is_health: bool
    unread: str
    stats: str  # "12 topics · 40 answers · 3 solved · latest activity 2 hours ago"


def category_cards(categories, unread):
    """One CategoryCard per category of the home page; `unread` is {category id: unread answers} for a member."""
    cards = []
    for category in categories:
        n = unread.get(category.pk, 0)
        stats = [
            _count("%(counter)s topic", "%(counter)s topics", category.topic_total),
            _count("%(counter)s answer", "%(counter)s answers", category.answer_total),
            _count("%(counter)s solved", "%(counter)s solved", category.solved_total),
        ]
        if category.latest_activity:
            stats.append(gettext("latest activity %(when)s") % {"when": naturaltime(category.latest_activity)})
        cards.append(CategoryCard(
            url=category_url(category),
            name=category.name,
            description=category.description,
            is_health=category.is_health,
            unread=_count("%(counter)s unread in topics you watch", "%(counter)s unread in topics you watch", n) if n else "",
            stats=" · ".join(stats),
        ))
    return cards
