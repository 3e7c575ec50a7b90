"""The review flow: held posts, fixing them, queue decisions, claims, undo and the audit log."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forum import services
from forum.models import Notification, Post, Visibility
from moderation import services as moderation
from moderation.models import AuditEntry, ReviewItem
from tests.conftest import CLAIM_WITH_PUBMED, CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(member, topic):
    return services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)


def item_of(post):
    return ReviewItem.objects.get(post=post, status="pending")


def test_adding_a_qualifying_source_publishes_a_held_answer_at_once(member, held, topic):
    services.post_edit(actor=member, post=held, body=CLAIM_WITH_PUBMED)
    held.refresh_from_db()
    topic.refresh_from_db()
    assert held.visibility == Visibility.PUBLISHED and topic.answer_count == 1
    assert ReviewItem.objects.get(post=held).status == "withdrawn"
    assert AuditEntry.objects.filter(post=held, action="auto_published").exists()


def test_adding_a_shop_link_keeps_it_held(member, held):
    services.post_edit(actor=member, post=held, body=CLAIM_WITHOUT_SOURCE + " Koop hier: https://www.paddoshop.example/truffels")
    held.refresh_from_db()
    assert held.visibility == Visibility.PENDING
    assert ReviewItem.objects.filter(post=held, status="pending").count() == 1


def test_editing_a_published_answer_into_an_unsourced_claim_holds_it(member, topic):
    answer = services.answer_post(actor=member, topic=topic, body="Goede vraag, ik denk mee.")
    services.post_edit(actor=member, post=answer, body=CLAIM_WITHOUT_SOURCE)
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PENDING
    assert AuditEntry.objects.filter(post=answer, action="resubmitted").exists()


def test_a_question_with_an_unsourced_claim_is_held_too(member, topic_factory):
    topic = topic_factory(author=member, title="Vitamine D geneest depressie", body="Iedereen moet 4000 IE per dag slikken, dat geneest depressie.")
    assert not topic.is_public


def test_approve_with_a_note_publishes_shows_the_note_and_tells_the_author(moderator, held, topic):
    moderation.review_approve(actor=moderator, item=item_of(held), note="bron ontbreekt; wees kritisch")
    held.refresh_from_db()
    topic.refresh_from_db()
    assert held.visibility == Visibility.PUBLISHED and held.moderator_note == "bron ontbreekt; wees kritisch"
    assert topic.answer_count == 1
    assert Notification.objects.filter(recipient=held.author, kind="post_approved").exists()
    actions = list(AuditEntry.objects.filter(post=held).values_list("action", flat=True))
    assert "approved" in actions and "note_added" in actions


def test_reject_keeps_the_answer_with_its_author_who_can_resubmit(moderator, member, held):
    moderation.review_reject(actor=moderator, item=item_of(held), reason="Voeg een bron toe.")
    held.refresh_from_db()
    assert held.visibility == Visibility.REJECTED and held.rejection_reason == "Voeg een bron toe."
    assert Post.objects.filter(pk=held.pk).exists()
    assert Notification.objects.filter(recipient=member, kind="post_rejected", reason="Voeg een bron toe.").exists()
    services.post_edit(actor=member, post=held, body=CLAIM_WITH_PUBMED)
    held.refresh_from_db()
    assert held.visibility == Visibility.PENDING  # a rejection sticks: only a moderator publishes it again
    assert item_of(held).reason == "resubmitted"


def test_reject_needs_a_reason(moderator, held):
    with pytest.raises(moderation.ModerationError):
        moderation.review_reject(actor=moderator, item=item_of(held), reason=" ")
    held.refresh_from_db()
    assert held.visibility == Visibility.PENDING


def test_a_second_decision_fails_clearly_and_changes_nothing(moderator_factory, held):
    first, second = moderator_factory(), moderator_factory()
    item = item_of(held)
    moderation.review_approve(actor=first, item=item)
    with pytest.raises(moderation.ModerationError, match="al over dit item beslist|already decided"):
        moderation.review_reject(actor=second, item=item, reason="nee")
    held.refresh_from_db()
    assert held.visibility == Visibility.PUBLISHED
    assert AuditEntry.objects.filter(post=held, action__in=["approved", "rejected"]).count() == 1


def test_opening_claims_for_ten_minutes_and_others_see_who_holds_it(moderator_factory, held):
    first, second = moderator_factory("eerste"), moderator_factory("tweede")
    item = moderation.review_claim(actor=first, item=item_of(held))
    assert item.claimed_by == first
    assert moderation.review_claim(actor=second, item=item).claimed_by == first
    with pytest.raises(moderation.ModerationError, match="eerste"):
        moderation.review_approve(actor=second, item=item)


def test_a_stale_claim_expires(moderator_factory, held):
    first, second = moderator_factory(), moderator_factory()
    item = moderation.review_claim(actor=first, item=item_of(held))
    ReviewItem.objects.filter(pk=item.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    assert moderation.review_claim(actor=second, item=item).claimed_by == second
    moderation.review_approve(actor=second, item=item)


def test_undo_within_the_window_puts_the_item_back(moderator, held):
    item = item_of(held)
    moderation.review_reject(actor=moderator, item=item, reason="te stellig")
    moderation.review_undo(actor=moderator, item=item)
    held.refresh_from_db()
    item.refresh_from_db()
    assert item.status == "pending" and held.visibility == Visibility.PENDING
    assert AuditEntry.objects.filter(post=held, action="decision_undone").exists()


def test_undo_after_the_window_is_refused(moderator, held):
    item = item_of(held)
    moderation.review_approve(actor=moderator, item=item)
    ReviewItem.objects.filter(pk=item.pk).update(decided_at=timezone.now() - timedelta(hours=2))
    with pytest.raises(moderation.ModerationError):
        moderation.review_undo(actor=moderator, item=item)


def test_bulk_approve_reports_what_failed(moderator, member, topic, user_factory):
    posts = [services.answer_post(actor=user_factory(), topic=topic, body=CLAIM_WITHOUT_SOURCE) for _ in range(3)]
    items = [item_of(p) for p in posts]
    moderation.review_approve(actor=moderator, item=items[0])
    done, failed = moderation.review_bulk(actor=moderator, items=items, decision="approve")
    assert done == 2 and len(failed) == 1


def test_audit_rows_cannot_be_changed_or_deleted(moderator, held):
    entry = AuditEntry.objects.filter(post=held).first()
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        AuditEntry.objects.all().update(reason="x")
    with pytest.raises(TypeError):
        AuditEntry.objects.all().delete()
