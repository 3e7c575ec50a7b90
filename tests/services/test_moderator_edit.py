"""A moderator edits a member's post through the same edit service, with a reason the author sees."""

import pytest

from forum import services
from forum.models import Notification, NotificationKind, Visibility
from moderation.models import AuditAction, AuditEntry, ReviewItem
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db

ORIGINAL = "Bel me gerust op 0612345678.\nRust helpt mij het meest."


def test_a_moderators_edit_keeps_the_original_tells_the_author_and_audits_the_diff(answer_factory, moderator):
    answer = answer_factory(body=ORIGINAL)
    services.post_edit(actor=moderator, post=answer, body="Rust helpt mij het meest.", moderator_reason="Geen telefoonnummers.")
    answer.refresh_from_db()
    assert answer.body == "Rust helpt mij het meest." and answer.moderator_edit_reason == "Geen telefoonnummers."
    assert answer.revisions.get().body == ORIGINAL
    entry = AuditEntry.objects.get(action=AuditAction.MODERATOR_EDITED)
    assert entry.actor == moderator and "-Bel me gerust op 0612345678." in entry.reason and entry.reason.startswith("Geen telefoonnummers.")
    note = Notification.objects.get(recipient=answer.author, kind=NotificationKind.MODERATOR_EDITED)
    assert note.reason == "Geen telefoonnummers."


def test_a_moderators_edit_needs_a_reason(answer_factory, moderator):
    answer = answer_factory(body=ORIGINAL)
    with pytest.raises(services.PostError):
        services.post_edit(actor=moderator, post=answer, body="Iets anders.", moderator_reason="  ")
    answer.refresh_from_db()
    assert answer.body == ORIGINAL and not answer.revisions.exists()


def test_a_moderators_edit_is_assessed_but_never_holds_the_post(answer_factory, moderator):
    answer = answer_factory(body=ORIGINAL)
    services.post_edit(actor=moderator, post=answer, body=CLAIM_WITHOUT_SOURCE, moderator_reason="Ingekort.")
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED and answer.assessment.get("needs_review") is True
    assert not ReviewItem.objects.filter(post=answer).exists()


def test_the_same_edit_by_the_author_is_held(answer_factory):
    answer = answer_factory(body=ORIGINAL)
    services.post_edit(actor=answer.author, post=answer, body=CLAIM_WITHOUT_SOURCE)
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PENDING
