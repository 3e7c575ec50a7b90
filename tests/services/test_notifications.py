"""Notifications: new answers, the bell, opening, clear-all, and email by preference after commit."""

import pytest
from django.core import mail

from forum import services
from forum.models import Notification
from forum.notifications import describe, notifications_clear_all, unread_count

pytestmark = pytest.mark.django_db


def test_starter_is_notified_of_a_new_answer_and_mailed_after_commit(django_capture_on_commit_callbacks, member, topic_factory, user_factory):
    topic = topic_factory(author=member)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_post(actor=user_factory("joost"), topic=topic, body="Probeer een vast ritme.")
    notice = Notification.objects.get(recipient=member, kind="new_answer")
    assert "joost" in describe(notice)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [member.email]


def test_no_mail_when_the_member_turned_it_off(django_capture_on_commit_callbacks, member, topic_factory, user_factory):
    services.user_update_preferences(actor=member, email_on_answer=False)
    topic = topic_factory(author=member)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_post(actor=user_factory(), topic=topic, body="Nog een tip.")
    assert Notification.objects.filter(recipient=member).count() == 1
    assert mail.outbox == []


def test_no_notification_for_your_own_answer(member, topic_factory):
    topic = topic_factory(author=member)
    services.answer_post(actor=member, topic=topic, body="Aanvulling op mijn vraag.")
    assert unread_count(member) == 0


def test_clear_all_empties_the_bell_but_keeps_the_rows(django_capture_on_commit_callbacks, member, topic_factory, user_factory):
    topic = topic_factory(author=member)
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            services.answer_post(actor=user_factory(), topic=topic, body="Een antwoord.")
    assert unread_count(member) == 3
    notifications_clear_all(recipient=member)
    assert unread_count(member) == 0
    assert Notification.objects.filter(recipient=member, cleared_at__isnull=False).count() == 3


def test_a_failing_mail_server_loses_neither_the_post_nor_the_notification(
    django_capture_on_commit_callbacks, settings, member, topic_factory, user_factory, monkeypatch
):
    import forum.tasks

    calls = []

    def broken_send_mail(*args, **kwargs):
        calls.append(1)
        raise ConnectionRefusedError("SMTP is down")

    monkeypatch.setattr(forum.tasks, "send_message", broken_send_mail)
    topic = topic_factory(author=member)
    with django_capture_on_commit_callbacks(execute=True):
        answer = services.answer_post(actor=user_factory(), topic=topic, body="Een antwoord.")
    answer.refresh_from_db()
    assert answer.is_visible
    assert Notification.objects.filter(recipient=member, kind="new_answer").exists()
    assert len(calls) == forum.tasks.MAX_ATTEMPTS
