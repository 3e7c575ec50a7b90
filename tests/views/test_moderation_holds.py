"""Issue 14 over HTTP: decisions refused with a diff, separation of duties in the queue, one rule
for moderator powers (two-factor included), honest undo and self-flagging."""

import pytest

from forum import services
from forum.models import Visibility
from moderation import services as moderation
from moderation import solutions
from moderation.models import AuditEntry, ReviewItem
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db

ADDED_LINE = "En het werkt bij iedereen, echt waar."


@pytest.fixture
def held(member, topic):
    return services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)


def test_approve_after_the_author_edited_is_refused_with_409_a_message_and_the_diff(client, moderator, member, held):
    item = ReviewItem.objects.get(post=held)
    client.force_login(moderator)
    page = client.get(f"/moderation/item/{item.pk}/")
    assert page.context["form"]["revision"].value() == held.revision
    seen = held.revision
    services.post_edit(actor=member, post=held, body=CLAIM_WITHOUT_SOURCE + "\n" + ADDED_LINE)
    response = client.post(f"/moderation/item/{item.pk}/decide/", {"decision": "approve", "note": "", "revision": seen})
    html = response.content.decode()
    assert response.status_code == 409
    assert "gewijzigd nadat je het opende" in html
    assert f'class="diff-added">+ {ADDED_LINE}' in html
    held.refresh_from_db()
    assert held.visibility == Visibility.PENDING
    assert not AuditEntry.objects.filter(post=held, action="approved").exists()
    # The page now carries the current revision: deciding again works.
    assert response.context["form"]["revision"].value() == held.revision
    again = client.post(f"/moderation/item/{item.pk}/decide/", {"decision": "approve", "note": "", "revision": held.revision})
    assert again.status_code == 302
    held.refresh_from_db()
    assert held.visibility == Visibility.PUBLISHED


def test_a_decision_without_the_revision_is_refused(client, moderator, held):
    item = ReviewItem.objects.get(post=held)
    client.force_login(moderator)
    assert client.post(f"/moderation/item/{item.pk}/decide/", {"decision": "approve"}).status_code == 400
    held.refresh_from_db()
    assert held.visibility == Visibility.PENDING


def test_bulk_approve_refuses_an_item_whose_post_changed(client, moderator, member, held):
    item = ReviewItem.objects.get(post=held)
    seen = held.revision
    services.post_edit(actor=member, post=held, body=CLAIM_WITHOUT_SOURCE + "\n" + ADDED_LINE)
    client.force_login(moderator)
    response = client.post("/moderation/bulk/", {"items": [item.pk], "decision": "approve", f"revision-{item.pk}": seen}, follow=True)
    held.refresh_from_db()
    assert held.visibility == Visibility.PENDING
    assert "gewijzigd" in response.content.decode()


def test_the_resubmitted_item_shows_the_changes_since_the_rejected_version(client, moderator, member, held):
    moderation.review_reject(actor=moderator, item=ReviewItem.objects.get(post=held), reason="Bron?", revision=held.revision)
    services.post_edit(actor=member, post=held, body=CLAIM_WITHOUT_SOURCE + "\n" + ADDED_LINE)
    item = ReviewItem.objects.get(post=held, status="pending")
    client.force_login(moderator)
    html = client.get(f"/moderation/item/{item.pk}/").content.decode()
    assert "Opnieuw ingediend na afwijzing" in html and "Wijzigingen sinds de afgewezen versie" in html
    assert f"+ {ADDED_LINE}" in html


def test_sign_off_after_the_answer_changed_is_refused_with_409(client, moderator, user_factory, topic_factory):
    starter, writer = user_factory(), user_factory()
    topic = topic_factory(author=starter)
    answer = services.answer_post(actor=writer, topic=topic, body="Een vast slaapritme hielp mij.")
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    seen = answer.revision
    # an added line that keeps it testimony ("... werkt bij iedereen" would make it a claim and hold it)
    added = "Ik ga nu ook in het weekend op dezelfde tijd naar bed."
    services.post_edit(actor=writer, post=answer, body="Een vast slaapritme hielp mij.\n" + added)
    client.force_login(moderator)
    response = client.post(f"/moderation/solutions/{topic.pk}/", {"decision": "sign_off", "revision": seen})
    assert response.status_code == 409 and f"+ {added}" in response.content.decode()
    topic.refresh_from_db()
    assert topic.solution_state == "proposed"


def test_the_health_override_is_its_own_field_on_the_sign_off_page(client, moderator, user_factory, topic_factory, health_category):
    starter = user_factory()
    topic = topic_factory(author=starter, category=health_category)
    answer = services.answer_post(actor=user_factory(), topic=topic, body=CLAIM_WITHOUT_SOURCE)
    moderation.review_approve(actor=moderator, item=ReviewItem.objects.get(post=answer), revision=answer.revision)
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    client.force_login(moderator)
    data = {"decision": "sign_off", "revision": answer.revision, "reason": "Ziet er goed uit."}
    assert client.post(f"/moderation/solutions/{topic.pk}/", data).status_code == 400
    data["override_reason"] = "Starter bevestigt; risico's genoemd."
    assert client.post(f"/moderation/solutions/{topic.pk}/", data).status_code == 302
    assert AuditEntry.objects.filter(topic=topic, action="health_override").exists()


def test_own_posts_show_needs_another_moderator_and_offer_no_decision(client, moderator_factory, topic, held):
    moderator = moderator_factory()
    own = services.answer_post(actor=moderator, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    own_item = ReviewItem.objects.get(post=own)
    client.force_login(moderator)
    queue = client.get("/moderation/").content.decode()
    assert queue.count("Een andere moderator nodig") == 1
    page = client.get(f"/moderation/item/{own_item.pk}/")
    html = page.content.decode()
    assert "Een andere moderator nodig" in html and "item_decide" not in html and f"/item/{own_item.pk}/decide/" not in html
    response = client.post(f"/moderation/item/{own_item.pk}/decide/", {"decision": "approve", "revision": own.revision}, follow=True)
    assert "andere moderator" in response.content.decode()
    own.refresh_from_db()
    assert own.visibility == Visibility.PENDING
    client.force_login(moderator_factory())
    assert "Een andere moderator nodig" not in client.get("/moderation/").content.decode()


def test_a_moderator_without_two_factor_sees_the_site_as_a_member(client, moderator_factory, user_factory, topic, held):
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Plan korte pauzes.")
    services.post_edit(actor=answer.author, post=answer, body="Plan korte pauzes, en wandel.")
    deleted = services.answer_post(actor=user_factory(), topic=topic, body="Dit haal ik weg.")
    services.post_delete(actor=deleted.author, post=deleted)
    client.force_login(moderator_factory(totp=False))
    html = client.get(topic.get_absolute_url()).content.decode()
    assert f'id="post-{held.pk}"' not in html and f'id="post-{deleted.pk}"' not in html
    assert 'href="/moderation/"' not in html
    assert client.get(f"/p/{answer.pk}/revisions/").status_code == 403
    client.force_login(moderator_factory())
    html = client.get(topic.get_absolute_url()).content.decode()
    assert f'id="post-{held.pk}"' in html
    assert client.get(f"/p/{answer.pk}/revisions/").status_code == 200


def test_undo_on_an_item_never_decided_says_so_and_offers_no_undo(client, moderator, held):
    item = ReviewItem.objects.get(post=held)
    client.force_login(moderator)
    assert client.get(f"/moderation/item/{item.pk}/").context["can_undo"] is False
    response = client.post(f"/moderation/item/{item.pk}/decide/", {"decision": "undo", "revision": held.revision}, follow=True)
    html = response.content.decode()
    assert "geen beslissing om ongedaan te maken" in html and "te oud" not in html


def test_undo_over_http_writes_its_audit_row_and_withdraws_the_notice(client, moderator, member, held):
    item = ReviewItem.objects.get(post=held)
    client.force_login(moderator)
    client.post(f"/moderation/item/{item.pk}/decide/", {"decision": "approve", "note": "", "revision": held.revision})
    assert client.get(f"/moderation/item/{item.pk}/").context["can_undo"] is True
    client.post(f"/moderation/item/{item.pk}/decide/", {"decision": "undo", "revision": held.revision})
    assert AuditEntry.objects.filter(post=held, action="decision_undone").count() == 1
    client.force_login(member)
    html = client.get("/notifications/").content.decode()
    assert "ingetrokken" in html.lower()


def test_flagging_ones_own_post_over_http_is_refused_with_a_message(client, member, topic):
    own = services.answer_post(actor=member, topic=topic, body="Plan korte pauzes.")
    client.force_login(member)
    response = client.post(f"/moderation/flag/{own.pk}/", {"reason": "spam"})
    assert response.status_code == 400 and "eigen bericht niet melden" in response.content.decode()
    assert not own.flags.exists()


def test_a_solved_topic_whose_accepted_answer_is_held_for_flags_shows_under_review(
    client, moderator, user_factory, established_factory, topic_factory
):
    starter = user_factory()
    topic = topic_factory(author=starter)
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Een vast slaapritme hielp mij.")
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    solutions.solution_sign_off(actor=moderator, topic=topic, revision=answer.revision)
    for _ in range(3):
        moderation.flag_create(actor=established_factory(), post=answer, reason="misinformation")
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "[Opgelost]" in html and "bekijkt het geaccepteerde antwoord opnieuw" in html


def test_the_history_keeps_the_note_an_edit_took_off_the_post(client, moderator, member, held):
    moderation.review_approve(actor=moderator, item=ReviewItem.objects.get(post=held), note="Bron nagekeken.", revision=held.revision)
    services.post_edit(actor=member, post=held, body=CLAIM_WITHOUT_SOURCE + "\n" + ADDED_LINE)
    client.force_login(member)
    assert "Bron nagekeken." in client.get(f"/p/{held.pk}/revisions/").content.decode()
    client.logout()
    held.refresh_from_db()
    assert held.moderator_note == ""


def test_the_solution_queue_marks_topics_the_moderator_started(client, moderator_factory, user_factory, topic_factory):
    moderator = moderator_factory()
    topic = topic_factory(author=moderator)
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Een vast slaapritme hielp mij.")
    solutions.solution_propose(actor=moderator, topic=topic, answer=answer)
    client.force_login(moderator)
    assert "Een andere moderator nodig" in client.get("/moderation/solutions/").content.decode()
    page = client.get(f"/moderation/solutions/{topic.pk}/").content.decode()
    assert "Een andere moderator nodig" in page and 'class="decision-form"' not in page
