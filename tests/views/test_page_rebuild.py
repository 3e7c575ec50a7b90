"""A change to a busy topic: one request renders the new page while the other visitors get the one from before,
but only for changes that harm no one when seen a moment late (votes, reactions)."""

import re

import pytest

from forum import pagecache, services

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 Firefox/128.0"}


@pytest.fixture
def another_request_is_rendering(monkeypatch):
    """As if a request on another worker had started rendering the page and not yet stored it."""
    monkeypatch.setattr(pagecache, "_start_rebuild", lambda slot: False)


def _score(html, post):
    return re.search(rf'id="post-{post.pk}".*?<span data-score>(-?\d+)</span>', html, re.S).group(1)


def test_after_a_vote_visitors_get_the_earlier_page_while_another_request_renders(
    client, topic, answer_factory, member, memory_cache, django_assert_num_queries, monkeypatch
):
    answer = answer_factory()
    first = client.get(topic.get_absolute_url(), **BROWSER)
    services.vote_cast(actor=member, post=answer, value=1)
    monkeypatch.setattr(pagecache, "_start_rebuild", lambda slot: False)
    with django_assert_num_queries(0):
        meanwhile = client.get(topic.get_absolute_url(), **BROWSER)
    assert _score(meanwhile.content.decode(), answer) == "0" and meanwhile["ETag"] == first["ETag"]
    monkeypatch.undo()
    rendered = client.get(topic.get_absolute_url(), **BROWSER)  # the one that renders
    assert _score(rendered.content.decode(), answer) == "1" and rendered["ETag"] != first["ETag"]
    assert _score(client.get(topic.get_absolute_url(), **BROWSER).content.decode(), answer) == "1"


def test_the_first_visitor_after_a_vote_renders_the_new_page(client, topic, answer_factory, member, memory_cache):
    answer = answer_factory()
    client.get(topic.get_absolute_url(), **BROWSER)
    services.vote_cast(actor=member, post=answer, value=1)
    assert _score(client.get(topic.get_absolute_url(), **BROWSER).content.decode(), answer) == "1"


def test_the_request_that_rendered_the_page_drops_its_mark_so_the_next_change_is_rendered_at_once(
    client, topic, answer_factory, member, user_factory, memory_cache
):
    answer = answer_factory()
    client.get(topic.get_absolute_url(), **BROWSER)
    for voter, score in ((member, "1"), (user_factory(), "2")):
        services.vote_cast(actor=voter, post=answer, value=1)
        assert _score(client.get(topic.get_absolute_url(), **BROWSER).content.decode(), answer) == score


def test_a_removed_post_is_never_served_from_the_earlier_page(
    client, topic, answer_factory, moderator, member, memory_cache, another_request_is_rendering
):
    answer = answer_factory(body="Dit antwoord haalt een moderator weg.")
    client.get(topic.get_absolute_url(), **BROWSER)
    services.vote_cast(actor=member, post=answer, value=1)  # harmless first, then the removal
    services.post_delete(actor=moderator, post=answer)
    assert "Dit antwoord haalt een moderator weg." not in client.get(topic.get_absolute_url(), **BROWSER).content.decode()


def test_a_new_answer_is_shown_at_once_even_while_another_request_renders(
    client, topic, member, memory_cache, another_request_is_rendering
):
    client.get(topic.get_absolute_url(), **BROWSER)
    services.answer_post(actor=member, topic=topic, body="Een antwoord dat meteen te zien is.")
    assert "Een antwoord dat meteen te zien is." in client.get(topic.get_absolute_url(), **BROWSER).content.decode()


def test_members_never_get_an_earlier_page(client, topic, answer_factory, user_factory, member, memory_cache,
                                           another_request_is_rendering):
    answer = answer_factory()
    reader = user_factory()
    client.force_login(reader)
    client.get(topic.get_absolute_url(), **BROWSER)
    services.vote_cast(actor=member, post=answer, value=1)
    assert _score(client.get(topic.get_absolute_url(), **BROWSER).content.decode(), answer) == "1"
