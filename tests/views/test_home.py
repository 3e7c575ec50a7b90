"""The home page lists categories with their counts and is served from a shared one-minute cache."""

import re

import pytest
from django.core.cache import cache

from forum import home_categories, services

pytestmark = pytest.mark.django_db


def test_home_lists_categories_with_topic_answer_and_solved_counts(client, member, topic, category):
    services.answer_post(actor=member, topic=topic, body="Een antwoord.")
    html = client.get("/").content.decode()
    assert category.name in html
    assert "1 topic" in html and "1 antwoord" in html and "0 opgelost" in html


def test_category_counts_are_shared_for_a_minute(client, topic, memory_cache, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(0):
        assert client.get("/").status_code == 200
    home_categories.forget_home_copies()  # the process's copy: the shared entry serves it again
    with django_assert_num_queries(0):
        assert client.get("/").status_code == 200
    cache.delete("home-categories:2:public")  # the list for visitors who are not logged in (no members-only categories)
    home_categories.forget_home_copies()
    with django_assert_num_queries(1):
        client.get("/")


def test_a_process_keeps_the_home_categories_only_as_long_as_the_shared_entry(client, topic, memory_cache, monkeypatch):
    import time

    client.get("/")
    assert "1 topic ·" in client.get("/").content.decode()
    services.topic_create(actor=topic.author, category=topic.category, title="Nog een vraag over slapen", body="Ik zoek tips.")
    assert "1 topic ·" in client.get("/").content.decode()  # the counts may lag
    later = time.time() + home_categories.HOME_CACHE_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)  # the entry has ended, in the shared cache and in this process
    cache.delete("home-categories:2:public")
    assert "2 topics ·" in client.get("/").content.decode()


def test_pages_name_an_icon_so_browsers_stop_asking_for_a_missing_favicon(client):
    from django.contrib.staticfiles import finders

    html = client.get("/").content.decode()
    href = re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)
    assert href.endswith("img/favicon.svg") and finders.find("img/favicon.svg")


def test_each_category_card_links_the_category_page(client, category):
    from forum.models import Category

    other = Category.objects.create(name="Slaap en rust", slug="slaap-en-rust_2")
    html = client.get("/").content.decode()
    for shown in (category, other):
        assert f'<h3><a href="{shown.get_absolute_url()}">{shown.name}</a>' in html
