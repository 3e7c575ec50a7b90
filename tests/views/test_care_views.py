"""Crisis signposting over HTTP: the author's notice, the readers' help line (cached or not),
the care lane first in the queue, and who may mark a topic followed up."""

import pytest
from django.test import Client

from forum import services
from moderation.models import AuditAction, AuditEntry, CareAlert
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db
CRISIS = "Ik denk er steeds vaker aan om er een eind aan te maken. Ik weet het niet meer."
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 Chrome/126"}
HELP_LINE = 'class="banner crisis-help"'


def test_the_author_sees_the_supportive_notice_with_113_and_112_at_once(client, member, topic, no_rate_limits):
    client.force_login(member)
    response = client.post(f"/t/{topic.pk}/answer/", {"body": CRISIS}, follow=True)
    html = response.content.decode()
    assert "Je staat er niet alleen voor" in html
    assert "113.nl" in html and "0800-0113" in html and 'href="tel:112"' in html
    assert "Een moderator is op de hoogte" in html


def test_an_author_whose_crisis_post_is_held_for_a_claim_still_sees_the_notice(client, member, topic, no_rate_limits):
    client.force_login(member)
    html = client.post(f"/t/{topic.pk}/answer/", {"body": f"{CRISIS} {CLAIM_WITHOUT_SOURCE}"}, follow=True).content.decode()
    assert "0800-0113" in html
    assert topic.posts.get(is_question=False).visibility == "pending"


def test_an_ordinary_answer_gets_no_notice(client, member, topic, no_rate_limits):
    client.force_login(member)
    html = client.post(f"/t/{topic.pk}/answer/", {"body": "Bedankt, dit helpt me verder!"}, follow=True).content.decode()
    assert "0800-0113" not in html


def test_readers_see_the_help_line_above_the_topic(client, member, topic):
    services.answer_post(actor=member, topic=topic, body=CRISIS)
    html = client.get(topic.get_absolute_url(), **BROWSER).content.decode()
    assert HELP_LINE in html and "0800-0113" in html and "Denk je aan zelfmoord" in html
    assert html.index(HELP_LINE) < html.index('class="topic-heading"')
    assert "Niet in Nederland" not in html


def test_english_readers_also_get_the_note_about_local_emergency_numbers(client, member, topic):
    services.answer_post(actor=member, topic=topic, body=CRISIS)
    html = client.get(topic.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en", **BROWSER).content.decode()
    assert "0800-0113" in html and "112" in html and "Outside the Netherlands? Call your local emergency number." in html


def test_cached_pages_show_the_help_line_for_every_viewer(client, member, user_factory, topic, memory_cache):
    reader = Client()
    signed_in = Client()
    signed_in.force_login(user_factory())
    for viewer in (reader, signed_in):
        assert HELP_LINE not in viewer.get(topic.get_absolute_url(), **BROWSER).content.decode()  # now cached
    services.answer_post(actor=member, topic=topic, body=CRISIS)
    for viewer in (reader, signed_in, reader, signed_in):  # the fresh page, then the cached copy
        assert HELP_LINE in viewer.get(topic.get_absolute_url(), **BROWSER).content.decode()


def test_the_cached_page_with_the_help_line_is_served_from_the_cache(
    client, member, topic, memory_cache, django_assert_num_queries
):
    services.answer_post(actor=member, topic=topic, body=CRISIS)
    client.get(topic.get_absolute_url(), **BROWSER)
    with django_assert_num_queries(0):
        html = client.get(topic.get_absolute_url(), **BROWSER).content.decode()
    assert HELP_LINE in html


def test_topics_without_a_crisis_post_show_no_help_line(client, topic, member):
    services.answer_post(actor=member, topic=topic, body="Ik ga dood van het lachen om die video, haha.")
    assert HELP_LINE not in client.get(topic.get_absolute_url(), **BROWSER).content.decode()


def test_the_care_lane_sorts_first_in_the_queue(client, moderator, member, user_factory, topic, topic_factory):
    services.answer_post(actor=user_factory(), topic=topic, body=CLAIM_WITHOUT_SOURCE)  # an older held item
    crisis_topic = topic_factory(title="Hoe kom ik de nacht door?")
    services.answer_post(actor=member, topic=crisis_topic, body=CRISIS)
    client.force_login(moderator)
    html = client.get("/moderation/").content.decode()
    assert "care-lane" in html and "Hoe kom ik de nacht door?" in html
    assert html.index("care-lane") < html.index('<ol class="queue">')


def test_a_moderator_marks_the_topic_followed_up_and_it_leaves_the_lane(client, moderator, member, topic):
    answer = services.answer_post(actor=member, topic=topic, body=CRISIS)
    client.force_login(moderator)
    assert "care-lane" in client.get("/moderation/").content.decode()
    response = client.post(f"/moderation/care/{topic.pk}/followed-up/", {"note": "Gebeld met het lid."})
    assert response.status_code == 302
    assert CareAlert.objects.get(post=answer).followed_up_by == moderator
    entry = AuditEntry.objects.get(action=AuditAction.CARE_FOLLOWED_UP)
    assert entry.actor == moderator and entry.reason == "Gebeld met het lid."
    assert "care-lane" not in client.get("/moderation/").content.decode()


def test_following_up_twice_says_so_and_changes_nothing(client, moderator, member, topic):
    services.answer_post(actor=member, topic=topic, body=CRISIS)
    client.force_login(moderator)
    client.post(f"/moderation/care/{topic.pk}/followed-up/")
    html = client.post(f"/moderation/care/{topic.pk}/followed-up/", follow=True).content.decode()
    assert "geen open crisismelding" in html
    assert AuditEntry.objects.filter(action=AuditAction.CARE_FOLLOWED_UP).count() == 1


def test_following_up_is_a_post(client, moderator, member, topic):
    services.answer_post(actor=member, topic=topic, body=CRISIS)
    client.force_login(moderator)
    assert client.get(f"/moderation/care/{topic.pk}/followed-up/").status_code == 405
    assert CareAlert.objects.filter(followed_up_at__isnull=True).count() == 1


def test_members_are_refused(client, member, user_factory, topic):
    services.answer_post(actor=user_factory(), topic=topic, body=CRISIS)
    client.force_login(member)
    assert client.post(f"/moderation/care/{topic.pk}/followed-up/").status_code == 403
    assert CareAlert.objects.filter(followed_up_at__isnull=True).count() == 1


def test_a_moderator_without_two_factor_is_refused(client, moderator_factory, member, topic):
    services.answer_post(actor=member, topic=topic, body=CRISIS)
    client.force_login(moderator_factory(totp=False))
    response = client.post(f"/moderation/care/{topic.pk}/followed-up/")
    assert response.status_code == 302 and "/accounts/2fa/totp/activate" in response["Location"]
    assert CareAlert.objects.filter(followed_up_at__isnull=True).count() == 1
    assert not AuditEntry.objects.filter(action=AuditAction.CARE_FOLLOWED_UP).exists()


def test_the_csrf_token_is_required(member, moderator, topic):
    services.answer_post(actor=member, topic=topic, body=CRISIS)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(moderator)
    assert strict.post(f"/moderation/care/{topic.pk}/followed-up/").status_code == 403
    assert CareAlert.objects.filter(followed_up_at__isnull=True).count() == 1


def test_the_moderators_notification_leads_to_the_post(client, moderator, member, topic):
    from forum.models import Notification, NotificationKind

    answer = services.answer_post(actor=member, topic=topic, body=CRISIS)
    notification = Notification.objects.get(recipient=moderator, kind=NotificationKind.CARE_ALERT)
    client.force_login(moderator)
    page = client.get("/notifications/").content.decode()
    assert "roep om hulp" in page
    response = client.post(f"/notifications/{notification.pk}/open/")
    assert response.status_code == 302 and str(answer.pk) in response["Location"]


def test_an_edit_that_turns_a_post_into_a_cry_for_help_shows_the_notice(client, member, topic, moderator, no_rate_limits):
    answer = services.answer_post(actor=member, topic=topic, body="Bedankt voor de tips.")
    client.force_login(member)
    html = client.post(f"/p/{answer.pk}/edit/", {"body": CRISIS}, follow=True).content.decode()
    assert "Je staat er niet alleen voor" in html and "0800-0113" in html
    assert CareAlert.objects.filter(post=answer).count() == 1


def test_admins_can_read_the_alerts_but_not_change_them(client, admin_user, member, topic):
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.conftest import TOTP_SECRET

    answer = services.answer_post(actor=member, topic=topic, body=CRISIS)
    TOTP.activate(admin_user, TOTP_SECRET)  # admins need two-factor authentication too
    client.force_login(admin_user)
    assert client.get("/admin/moderation/carealert/").status_code == 200
    alert = CareAlert.objects.get(post=answer)
    assert client.post(f"/admin/moderation/carealert/{alert.pk}/delete/", {"post": "yes"}).status_code == 403
    assert CareAlert.objects.filter(pk=alert.pk).exists()
