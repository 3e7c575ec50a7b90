"""Warning or silencing a member straight from one of their posts, on the topic page or in the queue."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from forum import services
from forum.models import Notification, NotificationKind
from moderation.models import AuditAction, AuditEntry, MemberSanction, ReviewItem, SanctionKind
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db

LATER = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def author(user_factory):
    return user_factory("lotte", preferred_language="nl")


@pytest.fixture
def answer(author, topic):
    return services.answer_post(actor=author, topic=topic, body="Stop gewoon met je medicijnen, dat hielp mij ook.")


def measure_url(post):
    return f"/moderation/post/{post.pk}/measure/"


def test_a_moderator_sees_the_tools_on_each_post_of_others_on_the_topic_page(client, moderator, answer, topic):
    client.force_login(moderator)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert f'href="{measure_url(answer)}"' in page and f'href="/moderation/post/{answer.pk}/edit/"' in page
    assert "Schrijver waarschuwen of stilzetten" in page


def test_members_and_visitors_see_no_moderator_tools(client, member, answer, topic):
    assert measure_url(answer) not in client.get(topic.get_absolute_url()).content.decode()
    client.force_login(member)
    assert measure_url(answer) not in client.get(topic.get_absolute_url()).content.decode()


def test_a_moderator_without_two_factor_sees_no_tools_and_is_sent_to_set_it_up(client, moderator_factory, answer, topic):
    client.force_login(moderator_factory(totp=False))
    assert measure_url(answer) not in client.get(topic.get_absolute_url()).content.decode()
    response = client.post(measure_url(answer), {"kind": "warning", "reason": "Gevaarlijk advies."})
    assert response.status_code == 302 and "/accounts/2fa/totp/activate" in response["Location"]
    assert not MemberSanction.objects.exists()


def test_members_are_refused_the_form_and_the_measure(client, member, answer):
    client.force_login(member)
    assert client.get(measure_url(answer)).status_code == 403
    assert client.post(measure_url(answer), {"kind": "warning", "reason": "Hoi."}).status_code == 403
    assert not MemberSanction.objects.exists()


def test_the_measure_needs_csrf(moderator, answer):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(moderator)
    assert browser.post(measure_url(answer), {"kind": "warning", "reason": "Hoi."}).status_code == 403
    assert not MemberSanction.objects.exists()


def test_a_warning_from_a_post_tells_the_member_and_the_audit_row_names_the_post(client, moderator, author, answer):
    client.force_login(moderator)
    form = client.get(measure_url(answer)).content.decode()
    assert "Stop gewoon met je medicijnen" in form  # the moderator sees what the measure is about
    response = client.post(measure_url(answer), {"kind": "warning", "reason": "Raad nooit aan om medicijnen te stoppen."})
    assert response.status_code == 302 and response["Location"] == answer.get_absolute_url()
    sanction = MemberSanction.objects.get(member=author)
    assert sanction.kind == SanctionKind.WARNING and sanction.created_by == moderator
    entry = AuditEntry.objects.get(action=AuditAction.MEMBER_WARNED)
    assert entry.post == answer and entry.actor == moderator and "medicijnen te stoppen" in entry.reason
    assert Notification.objects.filter(recipient=author, kind=NotificationKind.MEMBER_WARNED).exists()
    assert sanction.post == answer
    page = client.get(f"/moderation/member/{author.username}/").content.decode()
    assert "Raad nooit aan" in page and f'vanwege het bericht in <a href="/p/{answer.pk}/">' in page


def test_a_silence_from_a_post_stops_the_member_writing(client, moderator, author, answer, topic):
    client.force_login(moderator)
    client.post(measure_url(answer), {"kind": "silence", "until": LATER, "reason": "Een paar dagen rust."})
    author.refresh_from_db()
    assert author.silenced_until is not None
    client.force_login(author)
    response = client.post(f"/t/{topic.pk}/answer/", {"body": "Nog een antwoord."})
    assert response.status_code == 403 and "stilgezet" in response.content.decode()


def test_a_refused_measure_keeps_what_was_typed_with_a_dutch_message(client, moderator, author, answer):
    client.force_login(moderator)
    response = client.post(measure_url(answer), {"kind": "suspension", "reason": "Mijn getypte reden."})
    page = response.content.decode()
    assert response.status_code == 400 and "Mijn getypte reden." in page and "Kies een einddatum in de toekomst." in page
    assert not MemberSanction.objects.exists()


def test_a_moderator_cannot_take_a_measure_from_their_own_post(client, moderator, topic):
    own = services.answer_post(actor=moderator, topic=topic, body="Mijn eigen antwoord.")
    client.force_login(moderator)
    assert client.post(measure_url(own), {"kind": "warning", "reason": "Zelf."}).status_code == 403
    assert measure_url(own) not in client.get(topic.get_absolute_url()).content.decode()
    assert not MemberSanction.objects.exists()


def test_each_queue_item_links_to_the_measure_for_its_post(client, moderator, author, topic, memory_cache):
    held = services.answer_post(actor=author, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    client.force_login(moderator)
    page = client.get("/moderation/").content.decode()
    assert ReviewItem.objects.filter(post=held).exists() and f'href="{measure_url(held)}"' in page
