"""A visitor's cached topic page is answered before most of the middleware (forum/topic_hits.py):
the same bytes and headers as the whole stack would send, counted once, never for a member."""

import pytest
from django.test import Client
from django.urls import resolve

from forum import services
from forum.models import Topic
from forum.topic_hits import TOPIC_PATH

pytestmark = pytest.mark.django_db
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 Firefox/128.0"}


def _served_early(response):
    # AuthenticationMiddleware never ran for a page answered before it.
    return not hasattr(response.wsgi_request, "user")


def _headers(response):
    return {name: value for name, value in response.headers.items() if name != "Date"}


def test_a_cached_page_is_answered_early_with_the_same_bytes_and_headers_as_the_whole_stack(topic, memory_cache):
    url = topic.get_absolute_url()
    first = Client(**BROWSER).get(url)
    assert first.status_code == 200 and not _served_early(first)  # rendered by the view, then stored
    early = Client(**BROWSER).get(url)
    # Any other cookie sends the request through the whole stack, where the view finds the same stored page.
    whole_stack = Client(**BROWSER)
    whole_stack.cookies["other"] = "1"
    late = whole_stack.get(url)
    assert _served_early(early) and not _served_early(late)
    assert early.content == late.content == first.content
    assert _headers(early) == _headers(late)
    assert early["X-Frame-Options"] == "DENY" and "Content-Security-Policy" in early


def test_an_english_visitor_gets_the_english_page_early(topic, memory_cache):
    url = topic.get_absolute_url()
    Client(**BROWSER).get(url)
    Client(**BROWSER, HTTP_ACCEPT_LANGUAGE="en").get(url)
    dutch = Client(**BROWSER).get(url)
    english = Client(**BROWSER, HTTP_ACCEPT_LANGUAGE="en").get(url)
    assert _served_early(dutch) and _served_early(english)
    assert english["Content-Language"] == "en" and dutch["Content-Language"] == "nl"
    assert 'lang="en"' in english.content.decode() and 'lang="nl"' in dutch.content.decode()


def test_views_are_counted_once_per_visitor_whether_the_page_was_cached_or_not(topic, memory_cache):
    url = topic.get_absolute_url()
    for address in ("10.0.0.1", "10.0.0.1", "10.0.0.2", "10.0.0.2", "10.0.0.3"):
        Client(**BROWSER, REMOTE_ADDR=address).get(url)
    assert Topic.objects.get(pk=topic.pk).view_count == 3


def test_a_member_never_gets_the_visitors_page(client, member, topic, memory_cache):
    url = topic.get_absolute_url()
    Client(**BROWSER).get(url)
    client.force_login(member)
    response = client.get(url)
    assert not _served_early(response)
    assert member.username in response.content.decode()


def test_a_new_answer_shows_at_once_on_the_early_page(topic, member, memory_cache):
    url = topic.get_absolute_url()
    Client(**BROWSER).get(url)
    services.answer_post(topic=topic, actor=member, body="Bij mij hielp een vast slaapritme, zonder schermen.")
    response = Client(**BROWSER).get(url)
    assert "vast slaapritme" in response.content.decode()


def test_a_host_the_site_does_not_serve_is_refused_early_too(topic, memory_cache):
    url = topic.get_absolute_url()
    Client(**BROWSER).get(url)
    assert Client(**BROWSER, HTTP_HOST="evil.example").get(url).status_code == 400


def test_the_early_path_matches_exactly_the_topic_route(topic):
    url = topic.get_absolute_url()
    assert TOPIC_PATH.fullmatch(url) and resolve(url).url_name == "topic"
    for other in (f"/t/{topic.pk}/", f"/t/{topic.pk}/{topic.slug}/watch/", f"/t/x/{topic.slug}/", f"/t/{topic.pk}/a.b/"):
        assert TOPIC_PATH.fullmatch(other) is None
