"""Choosing the language: Dutch by default, the browser's Accept-Language for visitors, the header
switch for the session, and a member's saved preference everywhere they log in. One URL per page."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def language_of(response):
    assert response.status_code == 200
    return re.search(r'<html lang="(\w+)"', response.content.decode()).group(1)


def switch(client, language, next_url="/"):
    return client.post(reverse("forum:language"), {"language": language, "next": next_url})


def test_dutch_is_the_default(client):
    response = client.get("/")
    assert language_of(response) == "nl"
    assert response["Content-Language"] == "nl"
    assert "Gezondheidsforum" in response.content.decode()


def test_accept_language_english_gives_an_anonymous_visitor_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert language_of(response) == "en"
    assert "Health forum" in response.content.decode()


def test_a_language_the_forum_does_not_have_falls_back_to_dutch(client):
    assert language_of(client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")) == "nl"


def test_the_same_url_serves_both_languages(client, topic):
    url = topic.get_absolute_url()
    assert not url.startswith(("/nl/", "/en/"))
    dutch = client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert (language_of(dutch), language_of(english)) == ("nl", "en")
    assert "Accept-Language" in english["Vary"]
    assert client.get("/en" + url).status_code == 404


def test_the_header_offers_the_other_language(client):
    assert 'name="language" value="en"' in client.get("/").content.decode()
    assert 'name="language" value="nl"' in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_switch_changes_a_visitors_language_and_back(client):
    response = switch(client, "en", next_url="/search/")
    assert response.status_code == 302 and response["Location"] == "/search/"
    assert language_of(client.get("/", HTTP_ACCEPT_LANGUAGE="nl")) == "en"  # the choice beats the browser
    switch(client, "nl")
    assert language_of(client.get("/", HTTP_ACCEPT_LANGUAGE="en")) == "nl"


def test_the_switch_saves_a_members_preference_and_switches_back(client, member):
    client.force_login(member)
    switch(client, "en")
    member.refresh_from_db()
    assert member.preferred_language == "en"
    assert language_of(client.get("/")) == "en"
    switch(client, "nl")
    member.refresh_from_db()
    assert member.preferred_language == "nl"
    assert language_of(client.get("/")) == "nl"


def test_a_members_saved_language_follows_them_to_a_new_browser(client, user_factory):
    member = user_factory(preferred_language="en")
    client.force_login(member)
    assert language_of(client.get("/", HTTP_ACCEPT_LANGUAGE="nl")) == "en"
    assert client.cookies.get(settings.LANGUAGE_COOKIE_NAME) is None


def test_an_unknown_language_changes_nothing(client, member):
    client.force_login(member)
    switch(client, "de")
    member.refresh_from_db()
    assert member.preferred_language == ""
    assert language_of(client.get("/")) == "nl"


def test_the_switch_does_not_redirect_to_another_site(client):
    response = switch(client, "en", next_url="https://evil.example/")
    assert response.status_code == 302 and "evil.example" not in response["Location"]


def test_the_switch_only_accepts_post(client):
    assert client.get(reverse("forum:language")).status_code == 405


def test_a_saved_language_the_forum_does_not_offer_is_ignored(client, user_factory):
    client.force_login(user_factory(preferred_language="de"))
    assert language_of(client.get("/")) == "nl"
