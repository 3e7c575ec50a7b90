"""Canned reasons edited in Django admin go through moderation.canned: audited, and never deleted."""

import pytest

from moderation.models import AuditAction, AuditEntry, CannedReason, CannedReasonKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin_factory):
    client.force_login(admin_factory("chief"))
    return client


@pytest.fixture
def reason():
    return CannedReason.objects.create(kind=CannedReasonKind.REJECT, title="Geen bron", text_nl="Voeg een bron toe.",
                                       text_en="Add a source.")


def form(reason, **changes):
    return {"kind": reason.kind, "title": reason.title, "text_nl": reason.text_nl, "text_en": reason.text_en,
            "is_active": "on" if reason.is_active else "", **changes}


def test_an_admin_who_rewrites_a_reason_leaves_an_audit_row_with_the_old_and_new_text(admin_client, reason):
    response = admin_client.post(f"/admin/moderation/cannedreason/{reason.pk}/change/",
                                 form(reason, text_en="Please add a reliable source."))
    assert response.status_code == 302, response.content.decode()[:2000]
    reason.refresh_from_db()
    assert reason.text_en == "Please add a reliable source."
    entry = AuditEntry.objects.get(action=AuditAction.CANNED_REASON_CHANGED)
    assert entry.actor.username == "chief"
    assert "'Add a source.' → 'Please add a reliable source.'" in entry.reason


def test_switching_a_reason_off_in_admin_is_audited(admin_client, reason):
    admin_client.post(f"/admin/moderation/cannedreason/{reason.pk}/change/", form(reason, is_active=""))
    reason.refresh_from_db()
    assert not reason.is_active
    assert "is_active: True → False" in AuditEntry.objects.get(action=AuditAction.CANNED_REASON_CHANGED).reason


def test_adding_a_reason_in_admin_is_audited(admin_client):
    response = admin_client.post("/admin/moderation/cannedreason/add/", {
        "kind": CannedReasonKind.MODERATOR_EDIT, "title": "Telefoonnummer", "text_nl": "Telefoonnummer verwijderd.",
        "text_en": "Phone number removed.", "is_active": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert CannedReason.objects.filter(title="Telefoonnummer").exists()
    entry = AuditEntry.objects.get(action=AuditAction.CANNED_REASON_CHANGED)
    assert entry.status_after == "added" and "Telefoonnummer verwijderd." in entry.reason


def test_reasons_cannot_be_deleted_in_admin(admin_client, reason):
    assert admin_client.post(f"/admin/moderation/cannedreason/{reason.pk}/delete/", {"post": "yes"}).status_code == 403
    assert CannedReason.objects.filter(pk=reason.pk).exists()

