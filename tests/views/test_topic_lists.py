"""The category topic list and the home page's cards: what each row says, and a fixed number of queries."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.humanize.templatetags import humanize
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.utils import timezone, translation
from django.utils.html import escape

from forum import cache_keys, listings, services
from forum.models import Category, SolutionState, Topic

pytestmark = pytest.mark.django_db


def _row(html, title):
    rows = re.findall(r'<li class="topic-row">(.*?)</li>', html, re.S)
    return next(row for row in rows if title in row)


def test_category_row_links_the_topic_and_says_who_asked_how_many_answers_views_and_the_best_score(
    client, topic_factory, user_factory, category
):
    starter = user_factory("vraagsteller")
    topic = topic_factory(author=starter, title="Moe na het werk")
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Probeer een vaste bedtijd.")
    services.vote_cast(actor=user_factory(), post=answer, value=1)
    Topic.objects.filter(pk=topic.pk).update(view_count=7, solution_state=SolutionState.SOLVED, accepted_answer=answer)

    row = _row(client.get(category.get_absolute_url()).content.decode(), "Moe na het werk")

    topic.refresh_from_db()
    assert f'href="{topic.get_absolute_url()}"' in row
    assert '<span class="marker solved">[Opgelost]</span>' in row
    assert "door vraagsteller" in row
    assert "1 antwoord<" in row and "beste score 1" in row and "7 keer bekeken" in row
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT[^"]+">[^<]+</time>', row)


def test_category_row_in_english_and_for_an_anonymous_question(client, topic_factory, category):
    topic = topic_factory(title="Slapen met pijn")
    Topic.objects.filter(pk=topic.pk).update(is_anonymous=True, solution_state=SolutionState.PROPOSED)
    client.cookies["django_language"] = "en"

    row = _row(client.get(category.get_absolute_url()).content.decode(), "Slapen met pijn")

    assert "[Solution proposed]" in row and "by Anonymous member" in row and "0 answers" in row
    assert topic.author.username not in row


def test_a_title_a_category_name_and_its_description_show_as_text_escaped_once(client, topic_factory, category):
    topic = topic_factory(title="Pijn en moeheid")
    Topic.objects.filter(pk=topic.pk).update(title='Pijn & "moeheid" <b>na</b> \'s avonds')
    Category.objects.filter(pk=category.pk).update(name="Slaap & <rust>", description='"Moe" & <i>op</i>')

    row = _row(client.get(category.get_absolute_url()).content.decode(), "Pijn &amp;")
    card = re.search(r'<li class="category-card">(.*?)</li>', client.get("/").content.decode(), re.S).group(1)

    assert ">Pijn &amp; &quot;moeheid&quot; &lt;b&gt;na&lt;/b&gt; &#x27;s avonds</a>" in row
    assert ">Slaap &amp; &lt;rust&gt;</a>" in card and "<p>&quot;Moe&quot; &amp; &lt;i&gt;op&lt;/i&gt;</p>" in card


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_rows_relative_time_reads_as_django_naturaltime(language):
    now = timezone.now()
    deltas = [timedelta(0), timedelta(seconds=1.3), timedelta(seconds=30.5), timedelta(minutes=1, seconds=20), timedelta(minutes=7, seconds=30),
              timedelta(hours=1, minutes=30), timedelta(hours=5, minutes=30), timedelta(days=1, hours=2, minutes=30),
              timedelta(days=3, hours=12), timedelta(days=16, hours=12), timedelta(days=45, hours=12), timedelta(days=400, hours=12)]
    with translation.override(language):
        for delta in deltas:
            for value in (now - delta, now + delta + timedelta(seconds=0.5)):
                assert listings.natural_time(value) == escape(naturaltime(value)), (language, delta, value > now)


class _Clock(datetime):
    at = None

    @classmethod
    def now(cls, tz=None):
        return cls.at


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_kept_relative_time_reads_as_naturaltime_at_every_instant(language, monkeypatch):
    """listings.natural_time keeps a text until it may change: at every instant it must read as naturaltime would,
    across each unit, around every hour and midnight of the first weeks, and when the clock goes back."""
    monkeypatch.setattr(humanize, "datetime", _Clock)
    listings.forget_fragments()
    values = [datetime(2026, 1, 31, 12, 34, 56, 789012, tzinfo=UTC), datetime(2024, 2, 29, 23, 59, 59, 999999, tzinfo=UTC),
              datetime(2026, 3, 30, tzinfo=UTC), datetime(2025, 12, 31, 7, 5, 3, 1, tzinfo=UTC)]
    micro, hour = timedelta(microseconds=1), timedelta(hours=1)
    for value in values:
        walk = [value + n * timedelta(seconds=0.37) for n in range(400)]
        walk += [value + n * timedelta(minutes=7, seconds=3.3) for n in range(1000)]
        walk += [value + n * timedelta(hours=9, minutes=17, microseconds=3) for n in range(1200)]
        midnight = value.replace(hour=0, minute=0, second=0, microsecond=0)
        edges = [midnight + n * timedelta(days=1) for n in range(40)]
        edges += [start + n * hour for start in (value, value.replace(microsecond=0)) for n in range(40 * 24)]
        walk += [at for edge in edges for at in (edge - micro, edge, edge + micro)]
        walk = sorted(at for at in walk if at > value)
        walk += walk[:50]  # the clock goes back
        with translation.override(language):
            for at in walk:
                _Clock.at = at
                assert listings.natural_time(value) == escape(naturaltime(value)), (value, at)


def test_a_kept_row_reads_its_time_anew_and_shows_its_topic_as_it_is_now(client, topic_factory, category, user_factory, monkeypatch):
    topic = topic_factory(title="Moe na het sporten")
    url = category.get_absolute_url()
    first = _row(client.get(url).content.decode(), "Moe na het sporten")
    kept = listings._topic_row.cache_info().hits

    class ThreeHoursLater(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) + timedelta(hours=3)

    monkeypatch.setattr(humanize, "datetime", ThreeHoursLater)
    later = _row(client.get(url).content.decode(), "Moe na het sporten")

    assert listings._topic_row.cache_info().hits > kept  # the same row, not rendered again
    three_hours = "3\N{NO-BREAK SPACE}uur geleden"
    assert f">{three_hours}</time>" in later and three_hours not in first
    assert later.replace(three_hours, "") == re.sub(r">[^<]*</time>", "></time>", first)
    services.answer_post(actor=user_factory(), topic=topic, body="Rust een paar dagen.")
    assert "1 antwoord<" in _row(client.get(url).content.decode(), "Moe na het sporten")


def test_a_kept_row_or_card_shows_one_members_unread_marks_to_no_one_else(client, user_factory, topic_factory, category):
    reader, other = user_factory(), user_factory()
    topic = topic_factory(title="Moe in de ochtend")
    services.answer_post(actor=reader, topic=topic, body="Mijn antwoord.")  # now watching
    client.force_login(reader)
    client.get(topic.get_absolute_url())
    services.answer_post(actor=user_factory(), topic=topic, body="Nieuw.")
    assert 'class="unread-badge"' in _row(client.get(category.get_absolute_url()).content.decode(), "Moe in de ochtend")
    assert "1 ongelezen in topics die je volgt" in client.get("/").content.decode()

    for viewer in (other, None):
        client.logout()
        if viewer is not None:
            client.force_login(viewer)
        assert "unread-badge" not in client.get(category.get_absolute_url()).content.decode()
        assert "unread-badge" not in client.get("/").content.decode()


def test_a_lists_topics_read_by_plain_sql_have_the_orms_values(topic_factory, category, user_factory):
    from forum import topic_lists

    gone = user_factory("vertrokken")
    for author in (user_factory(), gone):
        topic_factory(author=author, title=f"Vraag van {author.username}")
    gone.closed_at = timezone.now()
    gone.save(update_fields=["closed_at"])

    _category, page = topic_lists.category_page(category.slug, "all", None)

    orm = {t.pk: t for t in Topic.objects.select_related("author")}
    for item in page:
        topic = orm[item.pk]
        assert (item.last_activity_at, item.author_closed_at) == (topic.last_activity_at, topic.author.closed_at)
        assert item.last_activity_at.utcoffset() == timedelta(0) and item.last_activity_at.isoformat() == topic.last_activity_at.isoformat()


@pytest.mark.parametrize("topics", [2, 25])
def test_category_page_runs_the_same_queries_for_a_few_topics_or_a_full_page(
    client, topic_factory, category, django_assert_max_num_queries, memory_cache, topics
):
    for n in range(topics):
        topic_factory(title=f"Vraag {n}")
    client.get(category.get_absolute_url())
    with django_assert_max_num_queries(1):  # the category, the page of topics with their starters and the count
        assert client.get(category.get_absolute_url()).status_code == 200


def test_home_card_counts_and_latest_activity(client, topic, category, member):
    services.answer_post(actor=member, topic=topic, body="Een antwoord.")
    html = client.get("/").content.decode()
    card = re.search(r'<li class="category-card">(.*?)</li>', html, re.S).group(1)
    assert f'href="{category.get_absolute_url()}"' in card
    assert re.search(r"1 topic · 1 antwoord · 0 opgelost · laatste activiteit ", card)


def test_a_list_row_names_the_starter_as_the_topic_page_does(client, category, user_factory, topic_factory):
    from django.utils import timezone, translation

    from forum.topic_lists import TOPIC_LIST_COLUMNS, TopicListItem

    named = {("t", "id"): "pk", ("u", "username"): "author_username", ("u", "closed_at"): "author_closed_at"}
    assert [named.get(column, column[1]) for column in TOPIC_LIST_COLUMNS] == list(TopicListItem.__dataclass_fields__)
    closed = user_factory("vertrokken")
    shown = topic_factory(author=user_factory("anna"), title="Vraag van Anna")
    hidden = topic_factory(author=user_factory("bram"), title="Vraag zonder naam")
    hidden.is_anonymous = True
    hidden.save(update_fields=["is_anonymous"])
    gone = topic_factory(author=closed, title="Vraag van een oud-lid")
    closed.closed_at = timezone.now()
    closed.save(update_fields=["closed_at"])
    html = client.get(category.get_absolute_url()).content.decode()
    with translation.override("nl"):
        names = {topic: str(topic.starter_name) for topic in (shown, hidden, gone)}
    assert names[hidden] != "bram" and "vertrokken" not in names[gone]  # the anonymous starter, the closed account
    for topic, name in names.items():
        assert f'<a href="{topic.get_absolute_url()}">{topic.title}</a>' in html
        assert f'<span class="muted">door {name}</span>' in html


def test_category_pages_newest_activity_first_and_a_page_past_the_last_shows_the_last(
    client, topic_factory, category, settings, django_assert_max_num_queries
):
    settings.FORUM_TOPICS_PER_PAGE = 2
    titles = [f"Vraag nummer {n}" for n in range(5)]
    for title in titles:
        topic_factory(title=title)
    Topic.objects.filter(title=titles[0]).update(last_activity_at=Topic.objects.get(title=titles[4]).last_activity_at)

    def shown(query):
        html = client.get(category.get_absolute_url() + query).content.decode()
        return [title for title in re.findall(r'<a href="/t/\d+/[^"]+/">([^<]+)</a>', html) if title in titles]

    # The newest first; of two with the same last activity, the later topic first.
    assert shown("") == [titles[4], titles[0]]
    assert shown("?page=2") == [titles[3], titles[2]]
    assert shown("?page=3") == [titles[1]]
    with django_assert_max_num_queries(2):  # the category with the count (past the last page), then the last page
        assert shown("?page=9") == [titles[1]]
    assert shown("?page=0") == [titles[1]] and shown("?page=-4") == [titles[1]] and shown("?page=99999999999999999999") == [titles[1]]
    assert shown("?page=twee") == [titles[4], titles[0]] and shown("?page=2.0") == [titles[4], titles[0]]


def test_an_unknown_category_is_not_found_and_a_members_only_one_sends_a_visitor_to_log_in(client, category_factory, topic_factory):
    closed = category_factory("Lotgenoten")
    Category.objects.filter(pk=closed.pk).update(members_only=True)
    topic_factory(category=closed, title="Alleen voor leden")

    assert client.get("/c/bestaat-niet/").status_code == 404
    response = client.get(closed.get_absolute_url())
    assert response.status_code == 302 and "Alleen voor leden" not in response.content.decode()


def test_category_filters_list_only_their_topics(client, topic_factory, category, answer_factory):
    open_topic, answered, solved, proposed = (topic_factory(title=t) for t in ("Open vraag", "Beantwoord", "Afgerond", "Voorstel"))
    answer_factory(topic=answered)
    Topic.objects.filter(pk=solved.pk).update(solution_state=SolutionState.SOLVED, accepted_answer=answer_factory(topic=solved), answer_count=1)
    Topic.objects.filter(pk=proposed.pk).update(solution_state=SolutionState.PROPOSED, proposed_answer=answer_factory(topic=proposed))
    deleted = topic_factory(title="Weg")
    Topic.objects.filter(pk=deleted.pk).update(is_deleted=True)

    def listed(name):
        html = client.get(f"{category.get_absolute_url()}?filter={name}").content.decode()
        return {t for t in ("Open vraag", "Beantwoord", "Afgerond", "Voorstel", "Weg") if f">{t}</a>" in html}

    assert listed("all") == {"Open vraag", "Beantwoord", "Afgerond", "Voorstel"} == listed("nonsense")
    assert listed("unanswered") == {"Open vraag"}
    assert listed("solved") == {"Afgerond"}
    assert listed("proposed") == {"Voorstel"}
    assert listed("unsolved") == {"Open vraag", "Beantwoord", "Voorstel"}


def test_a_category_pages_pagination_links_its_neighbours_and_says_where_it_is(client, topic_factory, category, settings):
    settings.FORUM_TOPICS_PER_PAGE = 2

    def pagination(query=""):
        html = client.get(category.get_absolute_url() + query).content.decode()
        found = re.search(r'<nav class="pagination"[^>]*>(.*?)</nav>', html, re.S)
        return found and re.sub(r"\s+", " ", found.group(1)).strip()

    topic_factory(title="Vraag nummer 0")
    assert pagination() is None  # one page: no pagination
    for n in range(1, 5):
        topic_factory(title=f"Vraag nummer {n}")
    assert pagination() == '<span>Pagina 1 van 3</span> <a href="?filter=all&amp;page=2" rel="next">Volgende</a>'
    assert pagination("?page=2") == (
        '<a href="?filter=all&amp;page=1" rel="prev">Vorige</a> <span>Pagina 2 van 3</span> '
        '<a href="?filter=all&amp;page=3" rel="next">Volgende</a>'
    )
    client.cookies["django_language"] = "en"
    assert pagination("?page=3&filter=unanswered") == '<a href="?filter=unanswered&amp;page=2" rel="prev">Previous</a> <span>Page 3 of 3</span>'


def test_a_kept_page_head_follows_the_category_and_the_language(client, category):
    def head(html):
        return dict(re.findall(r'<meta property="(og:title|og:locale)" content="([^"]*)">', html))

    url = category.get_absolute_url()
    assert head(client.get(url).content.decode()) == {"og:title": category.name, "og:locale": "nl_NL"}
    Category.objects.filter(pk=category.pk).update(name="Slaap & rust")
    cache_keys.topic_lists_changed()  # as the admin does (tests/views/test_topic_list_copies.py)
    assert head(client.get(url).content.decode()) == {"og:title": "Slaap &amp; rust", "og:locale": "nl_NL"}
    client.cookies["django_language"] = "en"
    assert head(client.get(url).content.decode()) == {"og:title": "Slaap &amp; rust", "og:locale": "en_GB"}
