"""The conversation on the pages: the watch control, answers new since the last visit, unread counts,
the @ autocomplete endpoint and the mention limit. The topic page is shared between members
(forum.pagecache): one member's state must never show on another's page."""

import re

import pytest
from django.test import Client

from forum import services, watching
from forum.models import TopicWatch, WatchLevel

pytestmark = pytest.mark.django_db
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 Chrome/126", "HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def _shared_cache(memory_cache, no_rate_limits, after_commit_at_once):
    """A real cache (the page cache is off without one), room to post, and the fan-out after each commit."""


def page_as(client, member, path):
    client.force_login(member)
    response = client.get(path, **BROWSER)
    assert response.status_code == 200
    return response.content.decode()


def member_part(html):
    found = re.search(r'<section class="member-topic".*?</section>', html, re.S)
    return found.group(0) if found else ""


def test_the_watch_control_changes_the_level_with_a_post_and_shows_it(client, user_factory, topic):
    reader = user_factory()
    html = page_as(client, reader, topic.get_absolute_url())
    assert 'name="level" value="watching"' in member_part(html)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', member_part(html)).group(1)
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(reader)
    checked.cookies = client.cookies
    response = checked.post(f"/t/{topic.pk}/watch/", {"level": "watching", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert TopicWatch.objects.get(user=reader, topic=topic).level == WatchLevel.WATCHING
    assert "You are watching this topic." in member_part(page_as(client, reader, topic.get_absolute_url()))


def test_the_watch_control_needs_a_known_level_and_a_login(client, user_factory, topic):
    assert client.post(f"/t/{topic.pk}/watch/", {"level": "watching"})["Location"].startswith("/accounts/login/")
    client.force_login(user_factory())
    assert client.post(f"/t/{topic.pk}/watch/", {"level": "loud"}).status_code == 400
    assert client.get(f"/t/{topic.pk}/watch/").status_code == 405


def test_one_members_watch_level_and_new_answers_never_show_on_anothers_page(user_factory, topic):
    watcher, other = user_factory(), user_factory()
    first, second = Client(), Client()
    page_as(first, watcher, topic.get_absolute_url())  # their reading position starts here
    watching.watch_set(actor=watcher, topic=topic, level=WatchLevel.WATCHING)
    new = services.answer_post(actor=user_factory("joost"), topic=topic, body="Een nieuw antwoord.")
    mine = member_part(page_as(first, watcher, topic.get_absolute_url()))
    assert "You are watching this topic." in mine and f'href="#post-{new.pk}"' in mine and "1 new answer" in mine
    theirs = page_as(second, other, topic.get_absolute_url())  # the same shared page, another member
    assert "You are watching this topic." not in theirs and "new answer" not in theirs
    assert "data-new-posts" not in theirs
    anonymous = Client().get(topic.get_absolute_url(), **BROWSER).content.decode()
    assert 'class="member-topic"' not in anonymous and "hole:" not in anonymous


def test_answers_new_since_the_last_visit_are_marked_then_seen(client, user_factory, topic):
    reader = user_factory()
    page_as(client, reader, topic.get_absolute_url())
    assert "new answer" not in member_part(page_as(client, reader, topic.get_absolute_url()))
    answers = [services.answer_post(actor=user_factory(), topic=topic, body=f"Antwoord {i}.") for i in range(2)]
    part = member_part(page_as(client, reader, topic.get_absolute_url()))
    assert "2 new answers since your last visit" in part
    assert f'data-new-posts="{answers[0].pk} {answers[1].pk}"' in part
    services.vote_cast(actor=user_factory(), post=answers[0], value=1)  # the topic changes: seen now
    assert "new answer" not in member_part(page_as(client, reader, topic.get_absolute_url()))


def test_a_returning_member_still_costs_no_query(client, user_factory, topic, django_assert_max_num_queries):
    reader = user_factory()
    services.answer_post(actor=user_factory(), topic=topic, body="Een antwoord.")
    page_as(Client(), user_factory(), topic.get_absolute_url())
    page_as(client, reader, topic.get_absolute_url())
    with django_assert_max_num_queries(0):
        html = client.get(topic.get_absolute_url(), **BROWSER).content.decode()
    assert 'class="member-topic"' in html


def test_unread_counts_on_watched_topics_show_on_home_and_category_pages(client, user_factory, category, topic_factory):
    reader = user_factory()
    topics = [topic_factory(category=category, title=f"Onderwerp nummer {i}") for i in range(3)]
    for t in topics[:2]:
        services.answer_post(actor=reader, topic=t, body="Mijn antwoord.")  # now watching
        page_as(client, reader, t.get_absolute_url())
    for t in topics:
        services.answer_post(actor=user_factory(), topic=t, body="Nieuw.")
    services.answer_post(actor=user_factory(), topic=topics[0], body="Nog een.")
    home = page_as(client, reader, "/")
    assert "3 unread in topics you watch" in home
    category_page = page_as(client, reader, category.get_absolute_url())
    assert category_page.count('class="unread-badge"') == 2 and "2 unread" in category_page
    page_as(client, reader, topics[0].get_absolute_url())
    assert "1 unread in topics you watch" in page_as(client, reader, "/")


@pytest.mark.parametrize("watched", [1, 20])
def test_home_and_category_pages_keep_fixed_queries_whatever_is_watched(
    client, user_factory, category, topic_factory, watched, django_assert_max_num_queries
):
    reader = user_factory()
    for i in range(watched):
        t = topic_factory(category=category, title=f"Onderwerp nummer {i}")
        watching.watch_set(actor=reader, topic=t, level=WatchLevel.WATCHING)
        TopicWatch.objects.filter(user=reader, topic=t).update(last_seen_at=t.created_at)
        services.answer_post(actor=user_factory(), topic=t, body="Nieuw.")
    client.force_login(reader)
    client.get("/", **BROWSER)
    with django_assert_max_num_queries(1):
        assert f"{watched} unread" in client.get("/", **BROWSER).content.decode()
    with django_assert_max_num_queries(8):
        assert client.get(category.get_absolute_url(), **BROWSER).content.decode().count('class="unread-badge"') == watched


def test_a_category_can_be_watched_and_unwatched(client, user_factory, category):
    reader = user_factory()
    assert "Watch this category" in page_as(client, reader, category.get_absolute_url())
    client.post(f"/c/{category.slug}/watch/", {"watch": "1"})
    assert "Stop watching this category" in page_as(client, reader, category.get_absolute_url())
    client.post(f"/c/{category.slug}/watch/", {"watch": "0"})
    assert "Watch this category" in page_as(client, reader, category.get_absolute_url())


def test_the_autocomplete_suggests_active_members_by_prefix(client, user_factory):
    for name in ("joost", "jolien", "fatima"):
        user_factory(name)
    user_factory("jopie", is_active=False)
    assert client.get("/members/suggest/?q=jo").status_code == 302  # members only
    client.force_login(user_factory())
    assert client.get("/members/suggest/?q=@jo").json() == {"members": ["jolien", "joost"]}
    assert client.get("/members/suggest/?q=").json() == {"members": []}


def test_a_post_with_too_many_mentions_is_refused_and_keeps_the_text(client, settings, user_factory, topic):
    settings.FORUM_MENTIONS_PER_POST = 2
    names = [user_factory(f"lid{i}").username for i in range(3)]
    body = "Hoi " + " ".join(f"@{name}" for name in names)
    client.force_login(user_factory())
    response = client.post(f"/t/{topic.pk}/answer/", {"body": body}, **BROWSER)
    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 2 members" in html and "@lid2" in html


def test_a_mention_links_to_the_profile(client, user_factory, topic):
    user_factory("fatima")
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Vraag het **@fatima**, of `@fatima`.")
    assert '<strong><a href="/u/fatima/" rel="nofollow ugc noopener">@fatima</a></strong>' in answer.body_html
    assert "<code>@fatima</code>" in answer.body_html


def test_each_post_has_a_quote_button_for_members_who_can_answer(client, user_factory, topic):
    answer = services.answer_post(actor=user_factory("joost"), topic=topic, body="Rustig aan.")
    html = page_as(client, user_factory(), topic.get_absolute_url())
    article = re.search(rf'<article[^>]*id="post-{answer.pk}".*?</article>', html, re.S).group(0)
    assert 'data-quote' in article and f'data-url="/p/{answer.pk}/"' in article and 'data-author="joost"' in article


def test_a_member_can_be_muted_and_heard_again_from_their_profile(client, user_factory):
    loud = user_factory("loud")
    reader = user_factory()
    assert "Mute loud" in page_as(client, reader, "/u/loud/")
    client.post("/u/loud/mute/", {"mute": "1"})
    assert watching.has_muted(reader, loud) and "Hear from loud again" in page_as(client, reader, "/u/loud/")
    client.post("/u/loud/mute/", {"mute": "0"})
    assert not watching.has_muted(reader, loud)
