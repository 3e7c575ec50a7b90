"""Every notification kind the README lists is sent, to whom it concerns, and its mail leads to the post."""

import pytest
from django.core import mail

from forum import services
from forum.models import Notification, NotificationKind
from forum.notifications import describe
from moderation import services as moderation
from moderation import solutions
from moderation.models import FlagReason, ReviewItem
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run the after-commit work (fan-out, mail tasks) as the task worker would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def notice(recipient, kind):
    found = Notification.objects.filter(recipient=recipient, kind=kind)
    assert found.count() == 1, f"{recipient} got {found.count()} notifications of {kind}"
    return found.get()


def mailed(recipient, post):
    mine = [message for message in mail.outbox if message.to == [recipient.email]]
    assert mine, f"no mail to {recipient}"
    assert f"http://127.0.0.1:8000/p/{post.pk}/" in mine[-1].body
    return mine[-1]


@pytest.fixture
def starter(user_factory):
    return user_factory("starter")


@pytest.fixture
def discussion(starter, topic_factory, user_factory):
    topic = topic_factory(author=starter, title="Hoe kom ik de middag door?")
    answer = services.answer_post(actor=user_factory("helper"), topic=topic, body="Plan elke dag één rustmoment.")
    return topic, answer


def test_new_answer_tells_the_starter(run_on_commit, starter, topic_factory, user_factory):
    topic = topic_factory(author=starter, title="Hoe kom ik de middag door?")
    answer = run_on_commit(services.answer_post, actor=user_factory("joost"), topic=topic, body="Een vast ritme helpt.")
    note = notice(starter, NotificationKind.NEW_ANSWER)
    assert note.post == answer and "joost" in describe(note) and "Hoe kom ik de middag door?" in describe(note)
    mailed(starter, answer)


def test_votes_and_reactions_tell_the_author_in_one_notice(run_on_commit, discussion, user_factory):
    topic, answer = discussion
    answer.author.email_on_reaction = True
    answer.author.save()
    run_on_commit(services.vote_cast, actor=user_factory(), post=answer, value=1)
    run_on_commit(services.reaction_toggle, actor=user_factory(), post=answer, kind="heart")
    note = notice(answer.author, NotificationKind.REACTIONS)
    assert note.count == 2
    mailed(answer.author, answer)


def test_a_held_post_tells_its_author_it_waits(run_on_commit, topic, member):
    held = run_on_commit(services.answer_post, actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    note = notice(member, NotificationKind.POST_HELD)
    assert note.post == held
    mailed(member, held)


def test_a_post_hidden_by_flags_tells_its_author(run_on_commit, discussion, established_factory):
    topic, answer = discussion
    for _ in range(3):
        run_on_commit(moderation.flag_create, actor=established_factory(), post=answer, reason=FlagReason.MISINFORMATION)
    assert notice(answer.author, NotificationKind.POST_HELD).post == answer


def test_approval_and_rejection_tell_the_author(run_on_commit, topic, user_factory, moderator):
    writer = user_factory()
    first = services.answer_post(actor=writer, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    second = services.answer_post(actor=writer, topic=topic, body=CLAIM_WITHOUT_SOURCE + " Echt.")
    run_on_commit(moderation.review_approve, actor=moderator, item=ReviewItem.objects.get(post=first))
    run_on_commit(moderation.review_reject, actor=moderator, item=ReviewItem.objects.get(post=second), reason="Geen bron.")
    assert notice(writer, NotificationKind.POST_APPROVED).post == first
    rejected = notice(writer, NotificationKind.POST_REJECTED)
    assert rejected.post == second and rejected.reason == "Geen bron."
    assert "Geen bron." in mailed(writer, second).body


def test_a_flagger_hears_the_outcome(run_on_commit, discussion, user_factory, moderator):
    topic, answer = discussion
    flaggers = [user_factory() for _ in range(3)]
    for flagger in flaggers:
        moderation.flag_create(actor=flagger, post=answer, reason=FlagReason.MISINFORMATION)
    run_on_commit(moderation.review_dismiss_flags, actor=moderator, item=ReviewItem.objects.get(post=answer, status="pending"))
    for flagger in flaggers:
        assert notice(flagger, NotificationKind.FLAG_OUTCOME).post == answer
        mailed(flagger, answer)


def test_a_proposal_tells_the_answer_author(run_on_commit, starter, discussion):
    topic, answer = discussion
    run_on_commit(solutions.solution_propose, actor=starter, topic=topic, answer=answer)
    note = notice(answer.author, NotificationKind.SOLUTION_PROPOSED)
    assert "starter" in describe(note)
    mailed(answer.author, answer)
    assert not Notification.objects.filter(recipient=starter, kind=NotificationKind.SOLUTION_PROPOSED).exists()


def test_a_moderators_proposal_tells_the_starter_too(run_on_commit, starter, discussion, moderator):
    topic, answer = discussion
    run_on_commit(solutions.solution_propose, actor=moderator, topic=topic, answer=answer)
    assert notice(starter, NotificationKind.SOLUTION_PROPOSED).post == answer
    assert notice(answer.author, NotificationKind.SOLUTION_PROPOSED).post == answer


def test_sign_off_tells_the_answer_author_and_the_starter(run_on_commit, starter, discussion, moderator):
    topic, answer = discussion
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    run_on_commit(solutions.solution_sign_off, actor=moderator, topic=topic)
    assert notice(answer.author, NotificationKind.SOLUTION_ACCEPTED).post == answer
    assert notice(starter, NotificationKind.TOPIC_SOLVED).topic == topic
    mailed(answer.author, answer)


def test_a_declined_proposal_tells_the_starter(run_on_commit, starter, discussion, moderator):
    topic, answer = discussion
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    run_on_commit(solutions.solution_decline, actor=moderator, topic=topic, reason="Nog geen bron.")
    assert notice(starter, NotificationKind.SOLUTION_DECLINED).reason == "Nog geen bron."


def test_reopening_tells_the_starter(run_on_commit, starter, discussion, moderator):
    topic, answer = discussion
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    solutions.solution_sign_off(actor=moderator, topic=topic)
    run_on_commit(solutions.solution_reopen, actor=moderator, topic=topic, reason="Nieuwe vraag.")
    assert notice(starter, NotificationKind.TOPIC_REOPENED).reason == "Nieuwe vraag."


def test_an_edited_accepted_answer_tells_the_moderators(run_on_commit, starter, discussion, moderator):
    topic, answer = discussion
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    solutions.solution_sign_off(actor=moderator, topic=topic)
    run_on_commit(services.post_edit, actor=answer.author, post=answer, body="Plan elke dag twee rustmomenten.")
    assert notice(moderator, NotificationKind.ACCEPTED_ANSWER_CHANGED).post == answer
    mailed(moderator, answer)
