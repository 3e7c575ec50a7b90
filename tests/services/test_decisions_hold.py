"""Issue 14: decisions bound to the revision seen, rejections that stick, labels that belong to one
revision, separation of duties, and undo that restores exactly."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from forum import services
from forum.models import Notification, Revision, SolutionState, Visibility
from moderation import services as moderation
from moderation import solutions
from moderation.models import AuditEntry, Flag, ReviewItem
from moderation.selectors import changes_since
from tests.conftest import CLAIM_WITH_PUBMED, CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db

OTHER_CLAIM = "Ketamine geneest depressie bij iedereen binnen een week, zonder bijwerkingen."


@pytest.fixture
def held(member, topic):
    return services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)


def pending_item(post):
    return ReviewItem.objects.get(post=post, status="pending")


# (1) A decision is about a revision.

def test_approve_is_refused_when_the_post_changed_after_the_moderator_opened_it(moderator, member, held):
    seen = held.revision
    item = pending_item(held)
    services.post_edit(actor=member, post=held, body=OTHER_CLAIM)
    with pytest.raises(moderation.RevisionChanged) as refused:
        moderation.review_approve(actor=moderator, item=item, revision=seen)
    held.refresh_from_db()
    assert refused.value.seen == seen and refused.value.current == held.revision == seen + 1
    assert held.visibility == Visibility.PENDING and pending_item(held).pk == item.pk
    assert not AuditEntry.objects.filter(post=held, action="approved").exists()


def test_reject_is_refused_too_when_the_post_changed(moderator, member, held):
    seen = held.revision
    services.post_edit(actor=member, post=held, body=OTHER_CLAIM)
    with pytest.raises(moderation.RevisionChanged):
        moderation.review_reject(actor=moderator, item=pending_item(held), reason="Geen bron.", revision=seen)
    assert pending_item(held)


def test_approving_the_revision_shown_publishes_it_and_records_which_one(moderator, held):
    item = moderation.review_approve(actor=moderator, item=pending_item(held), revision=held.revision)
    held.refresh_from_db()
    assert held.visibility == Visibility.PUBLISHED
    assert ReviewItem.objects.get(pk=item.pk).decided_revision == held.revision


def test_the_changes_since_the_revision_seen_are_shown_line_by_line(member, held):
    seen = held.revision
    services.post_edit(actor=member, post=held, body=CLAIM_WITHOUT_SOURCE + "\n\nEn het werkt altijd.")
    held.refresh_from_db()
    lines = changes_since(held, seen)
    assert ("added", "En het werkt altijd.") in [(line.kind, line.text) for line in lines]


def test_sign_off_is_refused_when_the_answer_changed_after_the_page_was_opened(moderator, user_factory, topic_factory):
    starter, writer = user_factory(), user_factory()
    topic = topic_factory(author=starter)
    answer = services.answer_post(actor=writer, topic=topic, body="Een vast slaapritme hielp mij.")
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    seen = answer.revision
    services.post_edit(actor=writer, post=answer, body="Een vast slaapritme hielp mij, en melatonine ook.")
    with pytest.raises(solutions.SolutionRevisionChanged):
        solutions.solution_sign_off(actor=moderator, topic=topic, revision=seen)
    topic.refresh_from_db()
    assert topic.solution_state == SolutionState.PROPOSED
    answer.refresh_from_db()
    solutions.solution_sign_off(actor=moderator, topic=topic, revision=answer.revision)
    topic.refresh_from_db()
    assert topic.solution_state == SolutionState.SOLVED


# (2) Rejections stick.

def test_an_edit_that_adds_a_source_to_a_rejected_post_goes_back_to_the_queue(moderator, member, held):
    rejected_revision = held.revision
    moderation.review_reject(actor=moderator, item=pending_item(held), reason="Gevaarlijk advies.", revision=rejected_revision)
    services.post_edit(actor=member, post=held, body=CLAIM_WITH_PUBMED)
    held.refresh_from_db()
    assert held.visibility == Visibility.PENDING
    item = pending_item(held)
    assert item.reason == "resubmitted" and item.base_revision == rejected_revision
    assert AuditEntry.objects.filter(post=held, action="resubmitted").exists()
    assert [line.text for line in changes_since(held, item.base_revision) if line.kind == "added"] == [CLAIM_WITH_PUBMED]


def test_a_resubmitted_post_stays_queued_through_further_edits_until_a_moderator_decides(moderator, member, held):
    moderation.review_reject(actor=moderator, item=pending_item(held), reason="Gevaarlijk.", revision=held.revision)
    services.post_edit(actor=member, post=held, body=CLAIM_WITH_PUBMED)
    services.post_edit(actor=member, post=held, body=CLAIM_WITH_PUBMED + " Groet.")
    held.refresh_from_db()
    assert held.visibility == Visibility.PENDING and pending_item(held).reason == "resubmitted"
    moderation.review_approve(actor=moderator, item=pending_item(held), revision=held.revision)
    held.refresh_from_db()
    assert held.visibility == Visibility.PUBLISHED


# (3) Labels belong to the revision they were given for.

def test_an_edit_takes_the_moderator_note_and_checked_label_off_and_the_history_keeps_the_note(moderator, member, held):
    moderation.review_approve(actor=moderator, item=pending_item(held), note="Bron gecontroleerd.", revision=held.revision)
    held.refresh_from_db()
    assert held.moderator_note == "Bron gecontroleerd." and held.reviewed_by_id == moderator.pk
    services.post_edit(actor=member, post=held, body=CLAIM_WITH_PUBMED + "\n\n" + OTHER_CLAIM)
    held.refresh_from_db()
    assert held.moderator_note == "" and held.reviewed_by_id is None
    assert Revision.objects.get(post=held).moderator_note == "Bron gecontroleerd."


def test_rewriting_an_approved_post_into_a_new_unsourced_claim_holds_it_again(moderator, member, held):
    moderation.review_approve(actor=moderator, item=pending_item(held), note="Oké.", revision=held.revision)
    services.post_edit(actor=member, post=held, body=OTHER_CLAIM)
    held.refresh_from_db()
    assert held.visibility == Visibility.PENDING and pending_item(held).reason == "detector"


# (5) Separation of duties.

def test_a_moderator_cannot_decide_on_their_own_post(moderator_factory, topic):
    moderator = moderator_factory()
    own = services.answer_post(actor=moderator, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    for decide in (
        lambda: moderation.review_approve(actor=moderator, item=pending_item(own), revision=own.revision),
        lambda: moderation.review_reject(actor=moderator, item=pending_item(own), reason="x", revision=own.revision),
    ):
        with pytest.raises(moderation.ModerationError, match="another moderator|andere moderator"):
            decide()
    moderation.review_approve(actor=moderator_factory(), item=pending_item(own), revision=own.revision)
    own.refresh_from_db()
    assert own.visibility == Visibility.PUBLISHED


def test_a_moderator_cannot_dismiss_flags_on_their_own_post(moderator_factory, topic, established_factory):
    moderator = moderator_factory()
    own = services.answer_post(actor=moderator, topic=topic, body="Plan elke dag een korte pauze.")
    moderation.flag_create(actor=established_factory(), post=own, reason="spam")
    with pytest.raises(moderation.ModerationError, match="another moderator|andere moderator"):
        moderation.review_dismiss_flags(actor=moderator, item=pending_item(own), revision=own.revision)


def test_a_moderator_cannot_sign_off_a_solution_in_their_own_topic(moderator_factory, user_factory, topic_factory):
    moderator = moderator_factory()
    topic = topic_factory(author=moderator)
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Een vast slaapritme hielp mij.")
    solutions.solution_propose(actor=moderator, topic=topic, answer=answer)
    with pytest.raises(solutions.SolutionError, match="another moderator|andere moderator"):
        solutions.solution_sign_off(actor=moderator, topic=topic, revision=answer.revision)
    solutions.solution_sign_off(actor=moderator_factory(), topic=topic, revision=answer.revision)
    topic.refresh_from_db()
    assert topic.solution_state == SolutionState.SOLVED


def test_the_reason_to_mark_solved_never_counts_as_the_health_source_override(moderator, user_factory, topic_factory, health_category):
    topic = topic_factory(author=user_factory(), category=health_category)
    answer = services.answer_post(actor=user_factory(), topic=topic, body=CLAIM_WITHOUT_SOURCE)
    moderation.review_approve(actor=moderator, item=pending_item(answer), revision=answer.revision)
    with pytest.raises(solutions.SolutionError, match="source|bron"):
        solutions.solution_mark_solved(actor=moderator, topic=topic, answer=answer, reason="De starter reageert niet meer.")
    solutions.solution_mark_solved(
        actor=moderator, topic=topic, answer=answer, reason="De starter reageert niet meer.", override_reason="Risico's genoemd."
    )
    assert AuditEntry.objects.get(topic=topic, action="health_override").reason == "Risico's genoemd."


# (4) Undo is honest.

def test_undo_of_an_undecided_item_says_there_is_no_decision_not_that_it_is_too_old(moderator, held):
    with pytest.raises(moderation.ModerationError, match="no decision to undo|geen beslissing"):
        moderation.review_undo(actor=moderator, item=pending_item(held))


def test_undo_after_the_window_says_it_is_too_old(moderator, held):
    item = moderation.review_approve(actor=moderator, item=pending_item(held), revision=held.revision)
    ReviewItem.objects.filter(pk=item.pk).update(decided_at=timezone.now() - timedelta(hours=2))
    with pytest.raises(moderation.ModerationError, match="too old|te oud"):
        moderation.review_undo(actor=moderator, item=item)


def test_undoing_an_approval_withdraws_the_notice_and_tells_the_author_in_app_and_by_mail(
    moderator, member, held, topic, django_capture_on_commit_callbacks
):
    item = moderation.review_approve(actor=moderator, item=pending_item(held), note="Goed.", revision=held.revision)
    approved = Notification.objects.get(recipient=member, kind="post_approved")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moderation.review_undo(actor=moderator, item=item)
    held.refresh_from_db()
    topic.refresh_from_db()
    approved.refresh_from_db()
    assert held.visibility == Visibility.PENDING and held.moderator_note == "" and held.reviewed_by_id is None
    assert topic.answer_count == 0
    assert approved.withdrawn_at is not None
    assert Notification.objects.filter(recipient=member, kind="decision_withdrawn").count() == 1
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert AuditEntry.objects.filter(post=held, action="decision_undone").count() == 1


def test_undoing_a_rejection_of_a_flagged_accepted_answer_restores_the_solution_and_the_flags(
    moderator, user_factory, established_factory, topic_factory
):
    starter, writer = user_factory(), user_factory()
    topic = topic_factory(author=starter)
    answer = services.answer_post(actor=writer, topic=topic, body="Een vast slaapritme hielp mij.")
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    solutions.solution_sign_off(actor=moderator, topic=topic, revision=answer.revision)
    flaggers = [established_factory() for _ in range(3)]
    for flagger in flaggers:
        moderation.flag_create(actor=flagger, post=answer, reason="misinformation")
    item = moderation.review_reject(actor=moderator, item=pending_item(answer), reason="Onjuist.", revision=answer.revision)
    topic.refresh_from_db()
    assert topic.solution_state == SolutionState.OPEN
    moderation.review_undo(actor=moderator, item=item)
    topic.refresh_from_db()
    answer.refresh_from_db()
    assert topic.solution_state == SolutionState.SOLVED and topic.accepted_answer_id == answer.pk
    assert answer.visibility == Visibility.PENDING and answer.rejection_reason == ""
    assert set(Flag.objects.filter(post=answer).values_list("outcome", flat=True)) == {"pending"}
    told = set(Notification.objects.filter(kind="decision_withdrawn").values_list("recipient_id", flat=True))
    assert told == {writer.pk, *(flagger.pk for flagger in flaggers)}
    assert Notification.objects.filter(kind="flag_outcome", withdrawn_at__isnull=True).count() == 0
