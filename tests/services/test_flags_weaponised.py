"""Issue 14 (7): flags that can't be weaponised."""

import pytest

from forum import services
from forum.models import SolutionState, Visibility
from moderation import services as moderation
from moderation import solutions
from moderation.models import AuditEntry, ReviewItem
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer(answer_factory):
    return answer_factory()


def test_the_author_cannot_flag_their_own_post_even_through_the_service(answer):
    with pytest.raises(moderation.FlagError, match="own post|eigen bericht"):
        moderation.flag_create(actor=answer.author, post=answer, reason="spam")
    assert not answer.flags.exists()


def test_flags_from_fresh_accounts_queue_the_post_but_do_not_hide_it(user_factory, answer, topic):
    for _ in range(5):
        moderation.flag_create(actor=user_factory(), post=answer, reason="misinformation")
    answer.refresh_from_db()
    topic.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED and topic.answer_count == 1
    assert ReviewItem.objects.get(post=answer, status="pending").reason == "flags"
    assert not AuditEntry.objects.filter(post=answer, action="hidden_by_flags").exists()


def test_the_account_age_and_post_count_that_make_a_flag_count_are_settings(settings, user_factory, answer):
    settings.MODERATION_FLAG_MIN_ACCOUNT_DAYS = 0
    settings.MODERATION_FLAG_MIN_PUBLISHED_POSTS = 0
    for _ in range(3):
        moderation.flag_create(actor=user_factory(), post=answer, reason="spam")
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PENDING


def test_accounts_with_too_few_published_posts_do_not_count(established_factory, user_factory, answer):
    from datetime import timedelta

    from django.utils import timezone

    old_but_silent = []
    for _ in range(3):
        user = user_factory()
        type(user).objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=90))
        old_but_silent.append(user)
    for flagger in old_but_silent:
        moderation.flag_create(actor=flagger, post=answer, reason="spam")
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED


def test_flags_never_take_a_topic_offline_a_flagged_question_is_queued_with_priority(established_factory, topic):
    question = topic.posts.get(is_question=True)
    for _ in range(4):
        moderation.flag_create(actor=established_factory(), post=question, reason="spam")
    question.refresh_from_db()
    topic.refresh_from_db()
    assert question.visibility == Visibility.PUBLISHED and topic.is_public
    item = ReviewItem.objects.get(post=question, status="pending")
    assert item.reason == "flags" and item.priority


def test_flags_hiding_the_accepted_answer_keep_the_topic_solved_and_dismissing_restores_everything(
    moderator, user_factory, established_factory, topic_factory
):
    starter = user_factory()
    topic = topic_factory(author=starter)
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Een vast slaapritme hielp mij.")
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    solutions.solution_sign_off(actor=moderator, topic=topic, revision=answer.revision)
    for _ in range(3):
        moderation.flag_create(actor=established_factory(), post=answer, reason="misinformation")
    answer.refresh_from_db()
    topic.refresh_from_db()
    assert answer.visibility == Visibility.PENDING
    assert topic.solution_state == SolutionState.SOLVED and topic.accepted_answer_id == answer.pk
    moderation.review_dismiss_flags(actor=moderator, item=ReviewItem.objects.get(post=answer, status="pending"),
                                    revision=answer.revision)
    answer.refresh_from_db()
    topic.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED and topic.answer_count == 1
    assert topic.solution_state == SolutionState.SOLVED and topic.solved_by_id == moderator.pk


def test_an_edit_while_held_for_flags_is_assessed_and_dismissing_does_not_publish_an_unsourced_claim(
    moderator, established_factory, answer
):
    for _ in range(3):
        moderation.flag_create(actor=established_factory(), post=answer, reason="spam")
    services.post_edit(actor=answer.author, post=answer, body=CLAIM_WITHOUT_SOURCE)
    answer.refresh_from_db()
    item = ReviewItem.objects.get(post=answer, status="pending")
    assert item.claim_types and answer.assessment["needs_review"]
    moderation.review_dismiss_flags(actor=moderator, item=item, revision=answer.revision)
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PENDING
    assert ReviewItem.objects.get(post=answer, status="pending").reason == "detector"


def test_an_unsourced_edit_of_a_visible_flagged_post_holds_it(user_factory, answer):
    moderation.flag_create(actor=user_factory(), post=answer, reason="spam")
    services.post_edit(actor=answer.author, post=answer, body=CLAIM_WITHOUT_SOURCE)
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PENDING
