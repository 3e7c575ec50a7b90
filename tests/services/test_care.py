"""Crisis signposting in the services: never held for it, stored, alerted once, followed up (moderation/care.py)."""

import pytest
from django.core import mail

from forum import services
from forum.models import Notification, NotificationKind, Topic, Visibility
from moderation import care
from moderation.models import AuditAction, AuditEntry, CareAlert, ReviewItem
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db
CRISIS = "Ik denk er steeds vaker aan om er een eind aan te maken. Ik weet het niet meer."


def test_a_crisis_answer_is_published_not_held_and_marked(member, topic, moderator):
    answer = services.answer_post(actor=member, topic=topic, body=CRISIS)
    assert answer.visibility == Visibility.PUBLISHED and answer.crisis
    assert not ReviewItem.objects.filter(post=answer).exists()
    answer.refresh_from_db()
    assert answer.crisis
    assert Topic.objects.get(pk=topic.pk).crisis


def test_moderators_are_alerted_at_once_in_the_app_and_by_mail(member, topic, moderator_factory, django_capture_on_commit_callbacks):
    first, second = moderator_factory(), moderator_factory()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer = services.answer_post(actor=member, topic=topic, body=CRISIS)
    alert = CareAlert.objects.get(post=answer)
    assert alert.topic_id == topic.pk and alert.followed_up_at is None
    for moderator in (first, second):
        assert Notification.objects.filter(recipient=moderator, kind=NotificationKind.CARE_ALERT, post=answer).count() == 1
    to_moderators = [m for m in mail.outbox if m.to[0] in (first.email, second.email)]
    assert sorted(m.to[0] for m in to_moderators) == sorted([first.email, second.email])
    assert all(topic.title in m.body for m in to_moderators)
    assert not Notification.objects.filter(recipient=member, kind=NotificationKind.CARE_ALERT).exists()
    assert AuditEntry.objects.filter(action=AuditAction.CARE_ALERT, post=answer).count() == 1


def test_moderators_who_turned_off_moderation_mail_still_get_the_alert_mail(
    member, topic, moderator, django_capture_on_commit_callbacks
):
    moderator.email_on_moderation = False
    moderator.save(update_fields=["email_on_moderation"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_post(actor=member, topic=topic, body=CRISIS)
    assert [m.to for m in mail.outbox if m.to == [moderator.email]] == [[moderator.email]]


def test_an_edit_re_assesses_but_never_alerts_twice(member, topic, moderator):
    answer = services.answer_post(actor=member, topic=topic, body="Bedankt voor de tips!")
    assert not answer.crisis and not CareAlert.objects.exists()
    answer = services.post_edit(actor=member, post=answer, body=CRISIS)
    assert answer.crisis and CareAlert.objects.filter(post=answer).count() == 1
    services.post_edit(actor=member, post=answer, body=CRISIS + " Sorry voor dit bericht.")
    assert CareAlert.objects.filter(post=answer).count() == 1
    assert Notification.objects.filter(recipient=moderator, kind=NotificationKind.CARE_ALERT).count() == 1
    answer = services.post_edit(actor=member, post=answer, body="Het gaat alweer wat beter, dank jullie.")
    answer.refresh_from_db()
    assert not answer.crisis and not Topic.objects.get(pk=topic.pk).crisis


def test_a_health_claim_in_a_crisis_post_still_follows_the_claim_rule(member, topic, moderator):
    answer = services.answer_post(actor=member, topic=topic, body=f"{CRISIS} {CLAIM_WITHOUT_SOURCE}")
    assert answer.visibility == Visibility.PENDING and answer.crisis
    assert CareAlert.objects.filter(post=answer).exists()
    assert not Topic.objects.get(pk=topic.pk).crisis  # readers do not see the held post, so no help line yet


def test_a_crisis_question_marks_its_topic(member, category, moderator):
    topic = services.topic_create(actor=member, category=category, title="Ik wil er niet meer zijn", body="Ik weet niet waar ik heen moet.")
    assert topic.crisis and CareAlert.objects.filter(topic=topic).count() == 1


def test_idioms_raise_nothing(member, topic, moderator):
    answer = services.answer_post(actor=member, topic=topic, body="Ik ga dood van het lachen om die video, haha.")
    assert not answer.crisis and not CareAlert.objects.exists() and not Topic.objects.get(pk=topic.pk).crisis


def test_following_up_is_audited_and_empties_the_care_lane(member, topic, moderator):
    answer = services.answer_post(actor=member, topic=topic, body=CRISIS)
    assert [row["topic_id"] for row in care.care_lane()] == [topic.pk]
    care.care_follow_up(actor=moderator, topic=topic, note="Persoonlijk bericht gestuurd.")
    alert = CareAlert.objects.get(post=answer)
    assert alert.followed_up_by == moderator and alert.followed_up_at is not None
    entry = AuditEntry.objects.get(action=AuditAction.CARE_FOLLOWED_UP)
    assert entry.actor == moderator and entry.topic_id == topic.pk and entry.reason == "Persoonlijk bericht gestuurd."
    assert care.care_lane() == []
    with pytest.raises(care.CareError):
        care.care_follow_up(actor=moderator, topic=topic)
    assert Topic.objects.get(pk=topic.pk).crisis  # the help line stays for readers


def test_the_care_lane_lists_each_topic_once_oldest_first(member, user_factory, topic_factory, moderator):
    older, newer = topic_factory(), topic_factory()
    services.answer_post(actor=member, topic=older, body=CRISIS)
    services.answer_post(actor=user_factory(), topic=newer, body="I don't want to be here anymore.")
    services.answer_post(actor=user_factory(), topic=older, body="Ik wil dood, echt.")
    assert [row["topic_id"] for row in care.care_lane()] == [older.pk, newer.pk]


def test_approving_a_held_crisis_post_shows_the_help_line_and_deleting_it_removes_it(member, topic, moderator):
    from moderation import services as moderation

    answer = services.answer_post(actor=member, topic=topic, body=f"{CRISIS} {CLAIM_WITHOUT_SOURCE}")
    assert not Topic.objects.get(pk=topic.pk).crisis
    moderation.review_approve(actor=moderator, item=ReviewItem.objects.get(post=answer))
    assert Topic.objects.get(pk=topic.pk).crisis
    assert CareAlert.objects.filter(post=answer).count() == 1  # approving does not alert again
    services.post_delete(actor=member, post=answer)
    assert not Topic.objects.get(pk=topic.pk).crisis
