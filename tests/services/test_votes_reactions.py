"""Votes and reactions: one per member, changeable, exact counts, aggregated notifications."""

import pytest

from forum import services
from forum.models import Notification, Post, Reaction, Vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer(answer_factory):
    return answer_factory()


def test_score_is_ups_minus_downs(user_factory, answer):
    for _ in range(3):
        services.vote_cast(actor=user_factory(), post=answer, value=1)
    services.vote_cast(actor=user_factory(), post=answer, value=-1)
    answer.refresh_from_db()
    assert answer.score == 2


def test_one_vote_per_member_changeable_and_retractable(member, answer):
    services.vote_cast(actor=member, post=answer, value=1)
    services.vote_cast(actor=member, post=answer, value=1)
    assert Post.objects.get(pk=answer.pk).score == 1
    services.vote_cast(actor=member, post=answer, value=-1)
    assert Post.objects.get(pk=answer.pk).score == -1
    services.vote_cast(actor=member, post=answer, value=0)
    assert Post.objects.get(pk=answer.pk).score == 0
    assert not Vote.objects.filter(post=answer).exists()


def test_topic_keeps_the_best_answer_score(user_factory, topic, answer_factory):
    first, second = answer_factory(), answer_factory()
    services.vote_cast(actor=user_factory(), post=second, value=1)
    services.vote_cast(actor=user_factory(), post=second, value=1)
    services.vote_cast(actor=user_factory(), post=first, value=-1)
    topic.refresh_from_db()
    assert topic.best_answer_score == 2


def test_reactions_toggle_one_per_kind_and_count_per_kind(user_factory, topic, answer):
    a, b = user_factory(), user_factory()
    assert services.reaction_toggle(actor=a, post=answer, kind="heart") == (True, 1)
    assert services.reaction_toggle(actor=b, post=answer, kind="heart") == (True, 2)
    assert services.reaction_toggle(actor=a, post=answer, kind="thanks") == (True, 1)
    assert services.reaction_toggle(actor=a, post=answer, kind="heart") == (False, 1)
    assert Reaction.objects.filter(post=answer).count() == 2
    topic.refresh_from_db()
    assert topic.reaction_count == 2


def test_votes_and_reactions_on_one_post_collect_in_one_notification(user_factory, answer):
    for _ in range(3):
        services.vote_cast(actor=user_factory(), post=answer, value=1)
    services.reaction_toggle(actor=user_factory(), post=answer, kind="like")
    notices = Notification.objects.filter(recipient=answer.author, kind="reactions")
    assert notices.count() == 1
    assert notices.get().count == 4


def test_read_aggregate_starts_a_new_notification(user_factory, answer):
    services.vote_cast(actor=user_factory(), post=answer, value=1)
    Notification.objects.filter(recipient=answer.author).update(is_read=True)
    services.vote_cast(actor=user_factory(), post=answer, value=1)
    assert Notification.objects.filter(recipient=answer.author, kind="reactions").count() == 2
