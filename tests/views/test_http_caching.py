"""What browsers and proxies may keep of a page: shared pages for visitors, 304 on revalidation, private pages for members."""

import re

import pytest
from django.test import Client

from forum import services

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 Firefox/128.0"}


def _cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


@pytest.fixture
def visitor():
    return Client(enforce_csrf_checks=True, **BROWSER)


@pytest.mark.parametrize("page", ["topic", "category", "home"])
def test_a_visitors_page_is_public_for_a_moment_and_sets_no_cookie(visitor, topic, memory_cache, page):
    url = {"topic": topic.get_absolute_url(), "category": topic.category.get_absolute_url(), "home": "/"}[page]
    for _ in range(2):  # rendered, then from the page cache (topic)
        response = visitor.get(url)
        assert response.status_code == 200
        assert {"public", "max-age=0", "s-maxage=2"} <= _cache_control(response)
        assert response["ETag"].startswith('"') and not response.cookies
        assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
        assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.parametrize("page", ["topic", "category", "home"])
def test_revalidating_an_unchanged_page_gets_304_without_the_page(visitor, topic, memory_cache, page):
    url = {"topic": topic.get_absolute_url(), "category": topic.category.get_absolute_url(), "home": "/"}[page]
    etag = visitor.get(url)["ETag"]
    again = visitor.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    assert "public" in _cache_control(again)
    assert visitor.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_new_answer_changes_the_topic_etag(visitor, topic, member, memory_cache):
    etag = visitor.get(topic.get_absolute_url())["ETag"]
    services.answer_post(actor=member, topic=topic, body="Een nieuw antwoord over rust.")
    response = visitor.get(topic.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Een nieuw antwoord over rust." in response.content.decode()
    assert response["ETag"] != etag


def test_a_post_a_moderator_removes_is_gone_on_the_next_revalidation(visitor, topic, answer_factory, moderator, memory_cache):
    answer = answer_factory(body="Dit antwoord gaat weg.")
    etag = visitor.get(topic.get_absolute_url())["ETag"]
    services.post_delete(actor=moderator, post=answer)
    response = visitor.get(topic.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Dit antwoord gaat weg." not in response.content.decode()


@pytest.mark.parametrize("page", ["topic", "category", "home"])
def test_a_members_page_is_private_and_never_stored(client, member, topic, memory_cache, page):
    url = {"topic": topic.get_absolute_url(), "category": topic.category.get_absolute_url(), "home": "/"}[page]
    client.force_login(member)
    for _ in range(2):
        response = client.get(url, **BROWSER)
        assert response.status_code == 200
        assert {"private", "no-store"} <= _cache_control(response) and "public" not in _cache_control(response)
        assert not response.has_header("ETag")
        assert client.get(url, HTTP_IF_NONE_MATCH='"x"', **BROWSER).status_code == 200


def test_a_visitors_page_with_a_message_is_private(visitor, topic, memory_cache):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage

    storage = CookieStorage(type("R", (), {"COOKIES": {}})())
    visitor.cookies["messages"] = storage._encode([Message(constants.INFO, "Welkom terug.")])
    response = visitor.get(topic.get_absolute_url())
    assert "Welkom terug." in response.content.decode()
    assert "private" in _cache_control(response) and not response.has_header("ETag")


def test_visitors_vote_and_reaction_buttons_lead_to_login_without_a_token(visitor, topic, answer_factory, memory_cache):
    answer = answer_factory()
    html = visitor.get(topic.get_absolute_url()).content.decode()
    assert f'<form method="get" action="/accounts/login/" class="vote" data-vote-widget><input type="hidden" name="next" ' \
           f'value="{topic.get_absolute_url()}#post-{answer.pk}">' in html
    assert 'class="reactions"' in html and "data-js-react" not in html and "data-js-vote" not in html


def test_the_language_switch_refuses_a_visitor_post_from_another_site(visitor):
    assert visitor.post("/language/", {"language": "en", "next": "/"}, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert visitor.post("/language/", {"language": "en", "next": "/"}, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
    assert visitor.post("/language/", {"language": "en", "next": "/"}).status_code == 403  # neither header: the token decides
    assert visitor.post("/language/", {"language": "en", "next": "/"}, HTTP_SEC_FETCH_SITE="same-origin").status_code == 302


def test_a_members_language_switch_still_needs_the_token(member):
    browser = Client(enforce_csrf_checks=True, **BROWSER)
    browser.force_login(member)
    assert browser.post("/language/", {"language": "en", "next": "/"}, HTTP_SEC_FETCH_SITE="same-origin").status_code == 403
    html = browser.get("/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert browser.post("/language/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token}).status_code == 302
