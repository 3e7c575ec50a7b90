"""One follow-up for "a post became visible or hidden" (forum/visibility.py), whoever changed it: the
topic moves up the lists when readers see a new answer, however it got published."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forum import services, topic_lists
from forum.models import Topic, Visibility
from moderation import services as moderation
from moderation.models import ReviewItem
from tests.conftest import CLAIM_WITH_PUBMED, CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db


TITLES = ("Welke schoenen bij hielspoor?", "Tips voor beter slapen na een nachtdienst")


@pytest.fixture
def quiet_topic_and_busy_topic(topic_factory, category):
    """Two topics in one category; the busy one was active more recently, so it leads the list."""
    quiet, busy = (topic_factory(title=title) for title in TITLES)
    now = timezone.now()
    Topic.objects.filter(pk=quiet.pk).update(last_activity_at=now - timedelta(hours=5))
    Topic.objects.filter(pk=busy.pk).update(last_activity_at=now - timedelta(hours=1))
    return quiet, busy


def listed_titles(category):
    """The two topics' order in their category's list (other members' topics left out)."""
    return [topic.title for topic in topic_lists.category_page(category.slug, "", 1)[1] if topic.title in TITLES]


def test_an_answer_published_at_once_moves_its_topic_to_the_top(quiet_topic_and_busy_topic, member, category):
    quiet, busy = quiet_topic_and_busy_topic
    services.answer_post(actor=member, topic=quiet, body="Ik had baat bij schoenen met een stevige hak.")
    assert listed_titles(category) == [quiet.title, busy.title]


def test_an_answer_approved_by_a_moderator_moves_its_topic_to_the_top(quiet_topic_and_busy_topic, member, moderator, category):
    quiet, busy = quiet_topic_and_busy_topic
    held = services.answer_post(actor=member, topic=quiet, body=CLAIM_WITHOUT_SOURCE)
    Topic.objects.filter(pk=quiet.pk).update(last_activity_at=timezone.now() - timedelta(hours=5))
    assert listed_titles(category) == [busy.title, quiet.title]  # a held answer is nothing new for readers

    moderation.review_approve(actor=moderator, item=ReviewItem.objects.get(post=held, status="pending"))

    assert listed_titles(category) == [quiet.title, busy.title]


def test_an_answer_its_author_fixed_with_a_source_moves_its_topic_to_the_top(quiet_topic_and_busy_topic, member, category):
    quiet, busy = quiet_topic_and_busy_topic
    held = services.answer_post(actor=member, topic=quiet, body=CLAIM_WITHOUT_SOURCE)
    Topic.objects.filter(pk=quiet.pk).update(last_activity_at=timezone.now() - timedelta(hours=5))

    services.post_edit(actor=member, post=held, body=CLAIM_WITH_PUBMED)

    held.refresh_from_db()
    assert held.visibility == Visibility.PUBLISHED
    assert listed_titles(category) == [quiet.title, busy.title]


def test_an_answer_shown_again_after_unfounded_flags_keeps_its_topics_place(
    quiet_topic_and_busy_topic, established_factory, moderator, category
):
    quiet, busy = quiet_topic_and_busy_topic
    answer = services.answer_post(actor=established_factory(), topic=quiet, body="Ik had baat bij schoenen met een stevige hak.")
    for flagger in [established_factory() for _ in range(3)]:
        moderation.flag_create(actor=flagger, post=answer, reason="spam")
    Topic.objects.filter(pk=quiet.pk).update(last_activity_at=timezone.now() - timedelta(hours=5))

    moderation.review_dismiss_flags(actor=moderator, item=ReviewItem.objects.get(post=answer, status="pending"))

    answer.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED
    assert listed_titles(category) == [busy.title, quiet.title]  # nothing new was said in it
