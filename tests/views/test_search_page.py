"""The search page: filters in the form and the cache key, and the "did you mean" notice."""

import re

import pytest

from forum import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer(member, topic):
    return services.answer_post(actor=member, topic=topic, body="Een avondwandeling helpt mij om te ontspannen.")


def listed(response):
    block = re.search(r'<ol class="search-results">.*?</ol>', response.content.decode(), re.S).group(0)
    return [int(pk) for pk in re.findall(r'#post-(\d+)"', block)]


def test_a_misspelled_search_shows_what_was_meant_and_finds_it(client, answer):
    response = client.get("/search/", {"q": "avondwandelnig"}, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert "Nothing found for “avondwandelnig”. Showing results for “avondwandeling”." in html
    assert listed(response) == [answer.pk]


def test_the_did_you_mean_notice_is_dutch_for_dutch_readers(client, answer):
    html = client.get("/search/", {"q": "avondwandelnig"}).content.decode()
    assert "Niets gevonden voor “avondwandelnig”" in html


def test_filters_keep_their_values_and_change_the_results_even_from_the_cache(client, answer, category_factory):
    other = category_factory("Beweging")
    assert listed(client.get("/search/", {"q": "avondwandeling"})) == [answer.pk]
    response = client.get("/search/", {"q": "avondwandeling", "category": other.slug, "solved": "1", "since": "week"})
    assert listed(response) == []
    html = response.content.decode()
    assert f'<option value="{other.slug}" selected>' in html
    assert 'name="solved" value="1" checked' in html and '<option value="week" selected>' in html
    assert listed(client.get("/search/", {"q": "avondwandeling"})) == [answer.pk]


def test_an_unknown_filter_value_is_ignored(client, answer):
    assert listed(client.get("/search/", {"q": "avondwandeling", "since": "eeuw", "solved": "ja"})) == [answer.pk]


def test_the_new_topic_form_offers_similar_questions(client, member):
    client.force_login(member)
    html = client.get("/new/").content.decode()
    assert 'data-similar-url="/search/similar/"' in html and "js/similar.js" in html


def test_the_pagination_links_keep_the_search_and_its_filters(client, member, topic, settings):
    settings.FORUM_SEARCH_RESULTS_PER_PAGE = 1
    for n in range(2):
        services.answer_post(actor=member, topic=topic, body=f"Een avondwandeling helpt mij, deel {n}.")
    html = client.get("/search/", {"q": "avondwandeling", "since": "week"}).content.decode()
    assert 'href="?q=avondwandeling&amp;category=&amp;solved=&amp;since=week&amp;page=2" rel="next"' in html
