"""Digests: members who chose a daily or weekly mail get one with the new posts' excerpts and links — and none
when nothing is new; the scheduled command queues them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from forum import digests, services, watching
from forum.models import User, WatchLevel

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _commit_work_runs(after_commit_at_once):
    """The fan-out and its mail run after each service call's commit."""


@pytest.fixture
def reader(user_factory):
    return user_factory("lezer", digest_frequency="daily", preferred_language="en")


def test_a_daily_member_gets_one_digest_with_excerpts_and_links_instead_of_mails(reader, topic, user_factory):
    watching.watch_set(actor=reader, topic=topic, level=WatchLevel.WATCHING)
    first = services.answer_post(actor=user_factory("joost"), topic=topic, body="Een **vaste** rustpauze helpt.")
    second = services.answer_post(actor=user_factory("fatima"), topic=topic, body="Korte wandelingen ook.")
    assert [m for m in mail.outbox if m.to == [reader.email]] == []  # no mail one by one
    mail.outbox.clear()
    call_command("send_digests", "daily", stdout=open("/dev/null", "w"))
    [digest] = mail.outbox
    assert digest.to == [reader.email] and "2 new posts" in digest.subject
    assert "joost answered in" in digest.body and "Een vaste rustpauze helpt." in digest.body
    assert f"http://127.0.0.1:8000/p/{first.pk}/" in digest.body and f"http://127.0.0.1:8000/p/{second.pk}/" in digest.body
    assert "daily digest because you watch" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_nothing_new_sends_nothing_and_a_digest_is_not_sent_twice(reader, topic, user_factory):
    def digests_to_reader():
        return [m for m in mail.outbox if m.to == [reader.email]]

    call_command("send_digests", "daily", stdout=open("/dev/null", "w"))
    assert digests_to_reader() == []
    watching.watch_set(actor=reader, topic=topic, level=WatchLevel.WATCHING)
    services.answer_post(actor=user_factory(), topic=topic, body="Nieuw.")
    call_command("send_digests", "daily", stdout=open("/dev/null", "w"))
    assert digests_to_reader() == []  # the first run counts as today's digest
    User.objects.filter(pk=reader.pk).update(digest_sent_at=timezone.now() - timedelta(days=1))
    call_command("send_digests", "daily", stdout=open("/dev/null", "w"))
    assert len(digests_to_reader()) == 1
    mail.outbox.clear()
    call_command("send_digests", "daily", stdout=open("/dev/null", "w"))
    assert digests_to_reader() == []


def test_a_weekly_member_is_due_only_after_a_week_and_immediate_members_never(user_factory):
    now = timezone.now()
    weekly = user_factory(digest_frequency="weekly")
    User.objects.filter(pk=weekly.pk).update(digest_sent_at=now - timedelta(days=3))
    user_factory()  # immediate, the default
    assert list(digests.members_due("weekly", now)) == []
    assert list(digests.members_due("daily", now)) == []
    assert list(digests.members_due("weekly", now + timedelta(days=4))) == [weekly]


def test_a_watched_category_shows_in_the_digest(reader, category, user_factory, topic_factory):
    watching.category_watch_set(actor=reader, category=category, watching=True)
    new = topic_factory(author=user_factory("sanne"), category=category, title="Wie kent een goede fysio?")
    mail.outbox.clear()
    assert digests.digest_send(reader.pk, "daily")
    assert "sanne started “Wie kent een goede fysio?”" in mail.outbox[0].body
    assert f"/p/{new.posts.get().pk}/" in mail.outbox[0].body
