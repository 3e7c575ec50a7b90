"""The demo forum loads, shaped like the seed thread, and a second run changes nothing."""

import pytest
from django.core.management import call_command

from forum.demo import MAIN_TOPIC_TITLE
from forum.models import Category, Post, Reaction, Topic, Vote
from moderation.models import ReviewItem

pytestmark = pytest.mark.django_db


def counts():
    return [m.objects.count() for m in (Category, Topic, Post, Vote, Reaction, ReviewItem)]


def test_seed_demo_twice_is_idempotent(settings):
    settings.DEBUG = True  # as on `make run`
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    topic = Topic.objects.get(title=MAIN_TOPIC_TITLE)
    assert topic.category.is_health
    scores = sorted(topic.posts.filter(is_question=False, visibility="published").values_list("score", flat=True), reverse=True)
    assert scores == [2, 1, -1]
    assert topic.reaction_count > 0 and topic.view_count > 0
    assert ReviewItem.objects.filter(status="pending").exists()
