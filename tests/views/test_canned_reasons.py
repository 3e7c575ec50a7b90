"""Canned reasons: offered in the decision forms, filling an empty text server-side, counted for the top three."""

import pytest

from forum import services
from forum.models import Visibility
from moderation.models import CannedReason, CannedReasonKind, ReviewItem
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_source():
    return CannedReason.objects.create(
        kind=CannedReasonKind.REJECT, title="Geen bron", text_nl="Voeg een betrouwbare bron toe, zoals Thuisarts.",
        text_en="Add a reliable source, such as the NHS.",
    )


@pytest.fixture
def held(member, topic):
    return services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)


def test_the_decision_form_offers_the_canned_reasons_with_their_text(client, moderator, held, no_source):
    client.force_login(moderator)
    page = client.get(f"/moderation/item/{ReviewItem.objects.get(post=held).pk}/").content.decode()
    assert "Geen bron" in page and 'data-text="Voeg een betrouwbare bron toe, zoals Thuisarts."' in page and "canned.js" in page


def test_without_javascript_an_empty_reason_takes_the_chosen_canned_text_and_is_counted(client, moderator, held, no_source):
    client.force_login(moderator)
    item = ReviewItem.objects.get(post=held)
    response = client.post(f"/moderation/item/{item.pk}/decide/",
                           {"decision": "reject", "note": "", "canned": no_source.pk, "revision": held.revision})
    assert response.status_code == 302
    held.refresh_from_db()
    no_source.refresh_from_db()
    assert held.visibility == Visibility.REJECTED and held.rejection_reason == "Voeg een betrouwbare bron toe, zoals Thuisarts."
    assert no_source.use_count == 1


def test_a_typed_reason_wins_over_the_canned_one(client, moderator, held, no_source):
    client.force_login(moderator)
    item = ReviewItem.objects.get(post=held)
    client.post(f"/moderation/item/{item.pk}/decide/",
                {"decision": "reject", "note": "Eigen woorden.", "canned": no_source.pk, "revision": held.revision})
    held.refresh_from_db()
    assert held.rejection_reason == "Eigen woorden."


def test_bulk_reject_uses_a_canned_reason(client, moderator, held, no_source):
    client.force_login(moderator)
    item = ReviewItem.objects.get(post=held)
    client.post("/moderation/bulk/", {"items": [item.pk], "decision": "reject", "canned": no_source.pk,
                                      f"revision-{item.pk}": held.revision})
    held.refresh_from_db()
    assert held.rejection_reason == "Voeg een betrouwbare bron toe, zoals Thuisarts."


def test_the_decision_page_shows_the_three_most_used(client, moderator, held):
    for title, uses in (("Een", 5), ("Twee", 9), ("Drie", 1), ("Vier", 7)):
        CannedReason.objects.create(kind=CannedReasonKind.REJECT, title=title, text_nl=title, text_en=title, use_count=uses)
    client.force_login(moderator)
    page = client.get(f"/moderation/item/{ReviewItem.objects.get(post=held).pk}/").content.decode()
    top = page.split("Meest gebruikte redenen:")[1].split("</p>")[0]
    assert top.index("Twee") < top.index("Vier") < top.index("Een") and "Drie" not in top


def test_the_english_text_is_used_for_a_moderator_who_reads_english(client, moderator, held, no_source):
    moderator.preferred_language = "en"
    moderator.save(update_fields=["preferred_language"])
    client.force_login(moderator)
    page = client.get(f"/moderation/item/{ReviewItem.objects.get(post=held).pk}/").content.decode()
    assert 'data-text="Add a reliable source, such as the NHS."' in page


def test_declining_a_solution_can_use_a_canned_reason(client, moderator, topic_factory, answer_factory, user_factory):
    from moderation import solutions

    topic = topic_factory()
    answer = answer_factory(author=user_factory(), topic=topic)
    solutions.solution_propose(actor=topic.author, topic=topic, answer=answer)
    canned = CannedReason.objects.create(kind=CannedReasonKind.DECLINE_SOLUTION, title="Geen bron",
                                         text_nl="Dit antwoord noemt geen bron.", text_en="This answer names no source.")
    client.force_login(moderator)
    page = client.get(f"/moderation/solutions/{topic.pk}/").content.decode()
    assert 'data-text="Dit antwoord noemt geen bron."' in page
    client.post(f"/moderation/solutions/{topic.pk}/", {"decision": "decline", "canned": canned.pk, "reason": ""})
    topic.refresh_from_db()
    from moderation.models import AuditAction, AuditEntry

    assert AuditEntry.objects.get(action=AuditAction.SOLUTION_DECLINED).reason == "Dit antwoord noemt geen bron."
    canned.refresh_from_db()
    assert canned.use_count == 1
