"""The moderator's measures against a member, seen from the browser: who may take them, and what the
silenced or suspended member meets."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from forum.models import Post
from moderation import sanctions
from moderation.models import AuditAction, AuditEntry, MemberSanction
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LATER = (timezone.now() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def target(user_factory):
    return user_factory("lotte", preferred_language="nl")


def test_members_are_refused_the_member_page_and_the_measures(client, member, target):
    client.force_login(member)
    assert client.get(f"/moderation/member/{target.username}/").status_code == 403
    response = client.post(f"/moderation/member/{target.username}/measure/", {"kind": "warning", "reason": "Hoi."})
    assert response.status_code == 403 and not MemberSanction.objects.exists()


def test_moderators_without_two_factor_cannot_take_a_measure(client, moderator_factory, target):
    client.force_login(moderator_factory(totp=False))
    response = client.post(f"/moderation/member/{target.username}/measure/", {"kind": "suspension", "until": LATER, "reason": "Spam."})
    assert response.status_code == 302 and "/accounts/2fa/totp/activate" in response["Location"]
    assert not MemberSanction.objects.exists()


def test_the_measure_endpoint_needs_a_post_with_csrf(moderator, target):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(moderator)
    response = browser.post(f"/moderation/member/{target.username}/measure/", {"kind": "warning", "reason": "Hoi."})
    assert response.status_code == 403 and not MemberSanction.objects.exists()
    assert browser.get(f"/moderation/member/{target.username}/measure/").status_code == 405


def test_a_moderator_silences_a_member_from_their_page_and_sees_it_listed(client, moderator, target):
    client.force_login(moderator)
    response = client.post(f"/moderation/member/{target.username}/measure/", {"kind": "silence", "until": LATER, "reason": "Gevaarlijk advies."})
    assert response.status_code == 302
    page = client.get(f"/moderation/member/{target.username}/")
    assert "Gevaarlijk advies." in page.content.decode() and "Nu opheffen" in page.content.decode()
    assert AuditEntry.objects.filter(action=AuditAction.MEMBER_SILENCED, actor=moderator).count() == 1


def test_a_refused_measure_keeps_what_was_typed(client, moderator, target):
    client.force_login(moderator)
    response = client.post(f"/moderation/member/{target.username}/measure/", {"kind": "silence", "reason": "Mijn getypte reden."})
    assert response.status_code == 400 and "Mijn getypte reden." in response.content.decode()
    assert not MemberSanction.objects.exists()


def test_a_moderator_lifts_a_silence_early(client, moderator, target):
    sanction = sanctions.member_silence(actor=moderator, member=target, reason="Eén week.", until=timezone.now() + timedelta(days=7))
    client.force_login(moderator)
    client.post(f"/moderation/measure/{sanction.pk}/lift/", {"reason": "Uitgepraat."})
    target.refresh_from_db()
    assert target.silenced_until is None


def test_a_silenced_member_is_refused_answer_preview_and_upload_with_a_dutch_message(client, moderator, target, topic):
    sanctions.member_silence(actor=moderator, member=target, reason="Even niet.", until=timezone.now() + timedelta(days=2))
    client.force_login(target)
    answer = client.post(f"/t/{topic.pk}/answer/", {"body": "Een antwoord."})
    assert answer.status_code == 403 and "stilgezet" in answer.content.decode()
    preview = client.post("/markdownx/markdownify/", {"content": "hoi"})
    upload = client.post("/markdownx/upload/", {})
    assert preview.status_code == upload.status_code == 403 and "stilgezet" in preview.json()["error"]
    assert not Post.objects.filter(author=target).exists()
    assert client.get(topic.get_absolute_url()).status_code == 200  # reading still works


def test_a_suspended_member_cannot_log_in_and_is_told_why_and_until_when(client, moderator, target):
    sanctions.member_suspend(actor=moderator, member=target, reason="Herhaald spam.", until=timezone.now() + timedelta(days=2))
    response = client.post("/accounts/login/", {"login": target.username, "password": PASSWORD})
    text = response.content.decode()
    assert response.status_code == 403 and "geschorst" in text and "Herhaald spam." in text
    assert "_auth_user_id" not in client.session


def test_a_member_suspended_while_logged_in_is_logged_out_on_the_next_request(client, moderator, target):
    client.force_login(target)
    assert client.get("/").status_code == 200
    sanctions.member_suspend(actor=moderator, member=target, reason="Spam.", until=timezone.now() + timedelta(days=2))
    response = client.get("/")
    assert response.status_code == 403 and "geschorst" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_moderator_adds_a_note_that_the_member_never_sees(client, moderator, target, topic):
    client.force_login(moderator)
    client.post(f"/moderation/member/{target.username}/note/", {"text": "Let op: eerder gewaarschuwd via mail."})
    assert "Let op: eerder gewaarschuwd via mail." in client.get(f"/moderation/member/{target.username}/").content.decode()
    assert AuditEntry.objects.get(action=AuditAction.MEMBER_NOTE_ADDED).actor == moderator
    client.force_login(target)
    assert client.post(f"/moderation/member/{target.username}/note/", {"text": "Zelf."}).status_code == 403
    for url in ("/", f"/u/{target.username}/", "/notifications/", topic.get_absolute_url()):
        assert "eerder gewaarschuwd" not in client.get(url).content.decode()


@pytest.mark.parametrize("history", [1, 8])
def test_the_member_page_shows_everything_in_a_constant_number_of_queries(
        client, moderator, target, topic_factory, user_factory, django_assert_max_num_queries, history, no_rate_limits):
    from forum import services
    from moderation import services as moderation
    from moderation.models import FlagReason

    other = user_factory()
    for number in range(history):
        mine = topic_factory(author=target, title=f"Vraag nummer {number} van Lotte")
        moderation.flag_create(actor=other, post=mine.posts.get(is_question=True), reason=FlagReason.SPAM)
        answer = services.answer_post(actor=other, topic=mine, body="Een antwoord.")
        moderation.flag_create(actor=target, post=answer, reason=FlagReason.SPAM)
        sanctions.member_warn(actor=moderator, member=target, reason=f"Waarschuwing {number}.", post=mine.posts.get(is_question=True))
        sanctions.member_note_add(actor=moderator, member=target, text=f"Notitie {number}.")
    client.force_login(moderator)
    client.get(f"/moderation/member/{target.username}/")
    with django_assert_max_num_queries(14):
        page = client.get(f"/moderation/member/{target.username}/").content.decode()
    assert f"Vraag nummer {history - 1} van Lotte" in page and f"Notitie {history - 1}." in page and f"Waarschuwing {history - 1}." in page
