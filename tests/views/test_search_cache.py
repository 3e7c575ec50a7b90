"""The search page keeps each page of results for a minute, but never shows a post that is no longer public."""

import re
import time

import pytest
from django.core.cache import cache

import forum.search
from forum import services
from forum.models import Topic
from moderation import services as moderation

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer(member, topic, memory_cache):
    return services.answer_post(actor=member, topic=topic, body="Een avondwandeling helpt mij om te ontspannen.")


def shown(client, query="avondwandeling", **params):
    """The posts listed, read from the page: an anonymous visitor may get the whole page from the cache."""
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return [int(pk) for pk in re.findall(r'#post-(\d+)"', results_list(response))]


def results_list(response):
    return re.search(r'<ol class="search-results">.*?</ol>', response.content.decode(), re.S).group(0)


def test_a_repeated_search_asks_the_database_only_whether_the_results_are_still_public(
    client, answer, django_assert_max_num_queries
):
    assert shown(client) == [answer.pk]
    with django_assert_max_num_queries(1):
        assert shown(client) == [answer.pk]


def test_a_deleted_post_is_never_shown_from_the_cache(client, answer):
    assert shown(client) == [answer.pk]
    services.post_delete(actor=answer.author, post=answer)
    assert shown(client) == []


def test_a_post_hidden_by_flags_is_never_shown_from_the_cache(client, answer, established_factory):
    assert shown(client) == [answer.pk]
    for _ in range(3):
        moderation.flag_create(actor=established_factory(), post=answer, reason="spam")
    assert shown(client) == []


def test_a_topic_taken_out_of_public_view_takes_its_posts_out_of_cached_results(client, answer, topic):
    assert shown(client) == [answer.pk]
    Topic.objects.filter(pk=topic.pk).update(is_public=False)
    assert shown(client) == []


def test_a_new_post_shows_once_the_cached_results_expire(client, answer, member, topic, monkeypatch):
    monkeypatch.setattr(forum.search, "RESULTS_SECONDS", 1)
    assert shown(client) == [answer.pk]
    newer = services.answer_post(actor=member, topic=topic, body="Nog een avondwandeling, nu langs het water.")
    assert shown(client) == [answer.pk]  # within the cache lifetime: the results a minute ago
    time.sleep(1.1)
    assert set(shown(client)) == {answer.pk, newer.pk}


def test_every_reader_gets_the_same_cached_results_without_anyones_token(client, answer, user_factory):
    anonymous = client.get("/search/", {"q": "avondwandeling"})
    reader = user_factory("lezer")
    client.force_login(reader)
    member_page = client.get("/search/", {"q": "avondwandeling"})
    assert results_list(anonymous) == results_list(member_page)
    # LocMemCache: pickled values. Only the search entries (results, and anonymous visitors' whole page):
    # the member's own cached row (forum/auth.py) holds their name.
    cached = "".join(str(value) for key, value in cache._cache.items() if "search" in key)
    assert "search-results" in "".join(cache._cache) and ":search:" in "".join(cache._cache)
    token = member_page.context["csrf_token"]
    assert str(token) not in cached and "lezer" not in cached


def test_white_space_in_the_query_does_not_matter(client, answer, django_assert_max_num_queries):
    assert shown(client, "  avondwandeling ") == [answer.pk]
    with django_assert_max_num_queries(1):
        assert shown(client, "avondwandeling") == [answer.pk]


def test_pages_are_cached_apart_and_out_of_range_pages_show_the_last(client, settings, member, topic, memory_cache,
                                                                     no_rate_limits):
    settings.FORUM_SEARCH_RESULTS_PER_PAGE = 2
    posts = [services.answer_post(actor=member, topic=topic, body=f"Fietsen is fijn, tip nummer {n}.") for n in range(3)]
    first, second = shown(client, "fietsen"), shown(client, "fietsen", page=2)
    assert len(first) == 2 and len(second) == 1 and set(first + second) == {p.pk for p in posts}
    assert shown(client, "fietsen", page=99) == second
    assert shown(client, "fietsen", page="x") == first
