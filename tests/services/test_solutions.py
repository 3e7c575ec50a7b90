"""Solved with moderator sign-off: proposals, sign-off, decline, reopening, and changes to the accepted answer."""

import pytest

from forum import services
from forum.models import Notification, SolutionState, Topic
from moderation import services as moderation
from moderation import solutions
from moderation.models import AuditEntry, ReviewItem
from tests.conftest import CLAIM_WITH_PUBMED, CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def starter(user_factory):
    return user_factory("starter")


@pytest.fixture
def solvable(starter, topic_factory, user_factory):
    topic = topic_factory(author=starter)
    answer = services.answer_post(actor=user_factory("helper"), topic=topic, body="Plan elke dag één rustmoment.")
    return topic, answer


def state(topic):
    return Topic.objects.get(pk=topic.pk).solution_state


def test_starter_proposes_and_moderator_signs_off(starter, moderator, solvable):
    topic, answer = solvable
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    assert state(topic) == SolutionState.PROPOSED
    solutions.solution_sign_off(actor=moderator, topic=topic)
    topic.refresh_from_db()
    assert topic.solution_state == SolutionState.SOLVED
    assert topic.accepted_answer == answer and topic.solved_by == moderator and topic.solved_at
    assert Notification.objects.filter(recipient=answer.author, kind="solution_accepted").exists()
    assert list(AuditEntry.objects.filter(topic=topic).order_by("pk").values_list("action", flat=True)) == [
        "solution_proposed", "solution_signed_off",
    ]


def test_other_members_cannot_propose(user_factory, solvable):
    topic, answer = solvable
    with pytest.raises(solutions.SolutionError):
        solutions.solution_propose(actor=user_factory(), topic=topic, answer=answer)
    assert state(topic) == SolutionState.OPEN


def test_starter_cannot_sign_off_their_own_proposal(starter, solvable):
    topic, answer = solvable
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    with pytest.raises(solutions.SolutionError):
        solutions.solution_sign_off(actor=starter, topic=topic)
    assert state(topic) == SolutionState.PROPOSED


def test_starter_withdraws_a_proposal(starter, solvable):
    topic, answer = solvable
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    solutions.solution_withdraw(actor=starter, topic=topic)
    assert state(topic) == SolutionState.OPEN


def test_decline_with_a_reason_reopens_and_tells_the_starter(starter, moderator, solvable):
    topic, answer = solvable
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    with pytest.raises(solutions.SolutionError):
        solutions.solution_decline(actor=moderator, topic=topic, reason="")
    solutions.solution_decline(actor=moderator, topic=topic, reason="Dit beantwoordt de vraag niet.")
    assert state(topic) == SolutionState.OPEN
    assert Notification.objects.filter(recipient=starter, kind="solution_declined", reason="Dit beantwoordt de vraag niet.").exists()


def test_a_held_answer_cannot_be_proposed(starter, topic_factory, user_factory):
    topic = topic_factory(author=starter)
    held = services.answer_post(actor=user_factory(), topic=topic, body=CLAIM_WITHOUT_SOURCE)
    with pytest.raises(solutions.SolutionError):
        solutions.solution_propose(actor=starter, topic=topic, answer=held)


def test_health_category_needs_a_source_or_a_written_override(starter, moderator, health_category, topic_factory, user_factory):
    topic = topic_factory(author=starter, category=health_category)
    answer = services.answer_post(actor=user_factory(), topic=topic, body=CLAIM_WITHOUT_SOURCE)
    moderation.review_approve(actor=moderator, item=ReviewItem.objects.get(post=answer, status="pending"))
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    with pytest.raises(solutions.SolutionError, match="source|bron"):
        solutions.solution_sign_off(actor=moderator, topic=topic)
    assert state(topic) == SolutionState.PROPOSED
    solutions.solution_sign_off(actor=moderator, topic=topic, override_reason="Starter bevestigt; risico's genoemd.")
    assert state(topic) == SolutionState.SOLVED
    assert AuditEntry.objects.get(topic=topic, action="health_override").reason == "Starter bevestigt; risico's genoemd."


def test_health_category_answer_with_a_source_signs_off_without_override(starter, moderator, health_category, topic_factory, user_factory):
    topic = topic_factory(author=starter, category=health_category)
    answer = services.answer_post(actor=user_factory(), topic=topic, body=CLAIM_WITH_PUBMED)
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    solutions.solution_sign_off(actor=moderator, topic=topic)
    assert state(topic) == SolutionState.SOLVED


def _solve(starter, moderator, topic, answer):
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    solutions.solution_sign_off(actor=moderator, topic=topic)


def test_starter_asks_to_reopen_and_moderator_decides(starter, moderator, solvable):
    topic, answer = solvable
    _solve(starter, moderator, topic, answer)
    solutions.solution_request_reopen(actor=starter, topic=topic, reason="Het werkte toch niet.")
    assert state(topic) == SolutionState.REOPEN_REQUESTED
    solutions.solution_decline_reopen(actor=moderator, topic=topic, reason="Het antwoord klopt wel.")
    assert state(topic) == SolutionState.SOLVED
    solutions.solution_reopen(actor=moderator, topic=topic, reason="Nieuwe informatie.")
    topic.refresh_from_db()
    assert topic.solution_state == SolutionState.OPEN and topic.accepted_answer is None


def test_moderator_marks_solved_directly_with_a_reason(moderator, solvable):
    topic, answer = solvable
    with pytest.raises(solutions.SolutionError):
        solutions.solution_mark_solved(actor=moderator, topic=topic, answer=answer, reason="")
    solutions.solution_mark_solved(actor=moderator, topic=topic, answer=answer, reason="Starter is vertrokken.")
    assert Topic.objects.get(pk=topic.pk).accepted_answer == answer


def test_editing_the_accepted_answer_needs_a_new_sign_off(starter, moderator, solvable):
    topic, answer = solvable
    _solve(starter, moderator, topic, answer)
    services.post_edit(actor=answer.author, post=answer, body="Plan elke dag twee rustmomenten.")
    topic.refresh_from_db()
    assert topic.solution_state == SolutionState.PROPOSED and topic.proposed_answer == answer
    assert topic.accepted_answer is None
    assert Notification.objects.filter(recipient=moderator, kind="accepted_answer_changed").exists()


def test_deleting_the_accepted_answer_reopens_the_topic(starter, moderator, solvable):
    topic, answer = solvable
    _solve(starter, moderator, topic, answer)
    services.post_delete(actor=answer.author, post=answer)
    assert state(topic) == SolutionState.OPEN


def test_the_accepted_answer_held_after_an_edit_reopens_the_topic(starter, moderator, solvable):
    topic, answer = solvable
    _solve(starter, moderator, topic, answer)
    services.post_edit(actor=answer.author, post=answer, body=CLAIM_WITHOUT_SOURCE)
    assert state(topic) == SolutionState.OPEN


def test_a_second_sign_off_fails_and_changes_nothing(starter, moderator_factory, solvable):
    topic, answer = solvable
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    solutions.solution_sign_off(actor=moderator_factory(), topic=topic)
    with pytest.raises(solutions.SolutionError):
        solutions.solution_sign_off(actor=moderator_factory(), topic=topic)
    assert AuditEntry.objects.filter(topic=topic, action="solution_signed_off").count() == 1
