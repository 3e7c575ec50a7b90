"""Canned reasons change only through moderation.canned, each change with an append-only audit row."""

import pytest

from moderation.canned import canned_reason_save, canned_reason_used
from moderation.models import AuditAction, AuditEntry, CannedReason, CannedReasonKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss(user_factory):
    return user_factory("boss", is_staff=True, is_superuser=True)


def new_reason(**values):
    return CannedReason(**{"kind": CannedReasonKind.REJECT, "title": "Geen bron", "text_nl": "Voeg een bron toe.",
                           "text_en": "Add a source.", **values})


def test_adding_a_reason_is_audited_with_its_texts(boss):
    reason = new_reason()
    canned_reason_save(actor=boss, reason=reason)
    entry = AuditEntry.objects.get(action=AuditAction.CANNED_REASON_CHANGED)
    assert reason.pk is not None and entry.actor == boss and entry.status_after == "added"
    assert "Voeg een bron toe." in entry.reason and "Add a source." in entry.reason and "Geen bron" in entry.object_repr


def test_changing_the_text_members_read_keeps_the_old_and_the_new_text_in_the_audit_log(boss):
    reason = new_reason()
    canned_reason_save(actor=boss, reason=reason)
    reason.text_nl = "Voeg een betrouwbare bron toe, zoals Thuisarts."
    assert canned_reason_save(actor=boss, reason=reason) == ["text_nl"]
    entry = AuditEntry.objects.filter(action=AuditAction.CANNED_REASON_CHANGED, status_after="changed").get()
    assert "'Voeg een bron toe.' → 'Voeg een betrouwbare bron toe, zoals Thuisarts.'" in entry.reason
    assert "text_en" not in entry.reason
    reason.refresh_from_db()
    assert reason.text_nl == "Voeg een betrouwbare bron toe, zoals Thuisarts."


def test_saving_without_a_change_writes_nothing(boss):
    reason = new_reason()
    canned_reason_save(actor=boss, reason=reason)
    assert canned_reason_save(actor=boss, reason=CannedReason.objects.get(pk=reason.pk)) == []
    assert AuditEntry.objects.filter(action=AuditAction.CANNED_REASON_CHANGED).count() == 1


def test_the_audit_rows_of_a_reason_cannot_be_changed_or_deleted(boss):
    canned_reason_save(actor=boss, reason=new_reason())
    entry = AuditEntry.objects.get(action=AuditAction.CANNED_REASON_CHANGED)
    entry.reason = "niets gebeurd"
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        AuditEntry.objects.filter(pk=entry.pk).delete()


def test_a_use_counts_once_and_no_choice_counts_nothing(boss):
    reason = new_reason()
    canned_reason_save(actor=boss, reason=reason)
    canned_reason_used(reason=reason)
    canned_reason_used(reason=None)
    reason.refresh_from_db()
    assert reason.use_count == 1
