"""Faults: mail that fails loses no post and no decision; the app keeps serving after PostgreSQL restarts."""

import http.client
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from forum import services, tasks
from forum.models import Notification, NotificationKind, Post
from moderation.models import AuditAction, AuditEntry, ReviewItem, ReviewStatus
from tests.conftest import CLAIM_WITHOUT_SOURCE

ROOT = Path(__file__).resolve().parents[2]
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


class FailingMailBackend(BaseEmailBackend):
    """An SMTP server that is down."""

    attempts = 0

    def send_messages(self, email_messages):
        FailingMailBackend.attempts += 1
        raise ConnectionRefusedError("SMTP server is down")


@pytest.fixture
def broken_mail(settings):
    FailingMailBackend.attempts = 0
    settings.EMAIL_BACKEND = f"{__name__}.FailingMailBackend"


def held_answer(user_factory, topic):
    writer = user_factory()
    answer = services.answer_post(actor=writer, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    return writer, answer, ReviewItem.objects.get(post=answer, status=ReviewStatus.PENDING)


@pytest.mark.django_db
def test_a_moderation_decision_is_kept_when_mail_fails_and_the_mail_is_retried(
    client, broken_mail, user_factory, topic, moderator, django_capture_on_commit_callbacks
):
    writer, answer, item = held_answer(user_factory, topic)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/moderation/item/{item.pk}/decide/", {"decision": "approve", "note": "Bron klopt.", "revision": answer.revision})
    assert response.status_code == 302
    item.refresh_from_db()
    answer.refresh_from_db()
    assert item.status == ReviewStatus.APPROVED and answer.is_visible
    assert AuditEntry.objects.filter(post=answer, action=AuditAction.APPROVED).count() == 1
    assert Notification.objects.filter(recipient=writer, kind=NotificationKind.POST_APPROVED).exists()
    # Two mails (the author's "approved", the starter's "new answer"), each tried MAX_ATTEMPTS times.
    assert FailingMailBackend.attempts == 2 * tasks.MAX_ATTEMPTS


@pytest.mark.django_db
def test_a_post_is_kept_when_mail_fails(client, broken_mail, member, topic_factory, user_factory, django_capture_on_commit_callbacks):
    topic = topic_factory(author=member)
    answerer = user_factory()
    client.force_login(answerer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/t/{topic.pk}/answer/", {"body": "Herkenbaar, sterkte!"})
    assert response.status_code == 302
    assert Post.objects.get(author=answerer).is_visible
    assert FailingMailBackend.attempts == tasks.MAX_ATTEMPTS


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_queue_keeps_the_mail_and_the_worker_retries_until_it_is_delivered(
    settings, broken_mail, user_factory, topic, moderator
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    writer, answer, item = held_answer(user_factory, topic)
    DBTaskResult.objects.all().delete()
    from moderation.services import review_approve

    review_approve(actor=moderator, item=item, note="Bron klopt.")
    approved = Notification.objects.get(recipient=writer, kind=NotificationKind.POST_APPROVED)

    def mails_for(notification):
        return [t for t in DBTaskResult.objects.filter(task_path="forum.notifications.send_notification_email") if t.args_kwargs["args"][0] == notification.pk]

    [queued] = mails_for(approved)
    assert queued.status == "READY" and FailingMailBackend.attempts == 0

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert FailingMailBackend.attempts == 2  # the author's mail and the starter's, once each
    [retry] = [t for t in mails_for(approved) if t.pk != queued.pk]
    assert retry.status == "READY" and retry.run_after > timezone.now()
    assert retry.args_kwargs["args"][1] == 2  # the second attempt
    item.refresh_from_db()
    assert item.status == ReviewStatus.APPROVED

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now() - timedelta(seconds=1))
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
    assert [message.to for message in mail.outbox] == [[writer.email]]


# --- PostgreSQL restart ----------------------------------------------------------------------------------------------


def _database_url(settings_dict):
    user = quote(settings_dict.get("USER") or "postgres", safe="")
    password = settings_dict.get("PASSWORD")
    credentials = f"{user}:{quote(password, safe='')}" if password else user
    return f"postgres://{credentials}@{settings_dict.get('HOST') or '127.0.0.1'}:{settings_dict.get('PORT') or 5432}/{settings_dict['NAME']}"


def _free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1", "User-Agent": BROWSER})
        response = conn.getresponse()
        response.read()
        return response.status
    except OSError as error:
        return type(error).__name__
    finally:
        conn.close()


def _pg_ready(settings_dict):
    host, port = settings_dict.get("HOST") or "127.0.0.1", str(settings_dict.get("PORT") or 5432)
    return subprocess.run(["pg_isready", "-h", host, "-p", port, "-q"]).returncode == 0


@pytest.mark.faults
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(os.environ.get("FORUM_FAULT_TESTS") != "1", reason="restarts PostgreSQL: set FORUM_FAULT_TESTS=1 (CI does)")
def test_the_app_keeps_serving_after_postgresql_restarts(topic, tmp_path):
    """A gunicorn worker keeps its database connection between requests; after a restart the health check replaces it."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    version = os.environ.get("FORUM_FAULT_PG_VERSION") or sorted(os.listdir("/etc/postgresql"))[-1]
    cluster = os.environ.get("FORUM_FAULT_PG_CLUSTER", "main")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FORUM_", "EMAIL_", "REDIS_", "DATABASE_"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DATABASE_URL=_database_url(connection.settings_dict), FORUM_TASKS_IMMEDIATE="true")
    port, log = _free_port(), tmp_path / "gunicorn.log"
    gunicorn = Path(sys.executable).with_name("gunicorn")
    with open(log, "w") as out:
        server = subprocess.Popen([str(gunicorn), "config.wsgi", "-w", "1", "-b", f"127.0.0.1:{port}"],
                                  cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    page = topic.get_absolute_url()
    try:
        deadline = time.monotonic() + 30
        while _get(port, "/") != 200:
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.2)
        before = [_get(port, path) for path in ("/", page, "/search/?q=week")]
        assert before == [200, 200, 200]

        restart = subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, cluster, "restart"],
                                 capture_output=True, text=True, timeout=120)
        assert restart.returncode == 0, restart.stderr
        connection.close()  # this process's connection died with the server too
        deadline = time.monotonic() + 60
        while not _pg_ready(connection.settings_dict):
            assert time.monotonic() < deadline, "PostgreSQL did not come back"
            time.sleep(0.5)

        after = [_get(port, path) for path in ("/", page, "/search/?q=week") * 5]
        print(f"\nfaults: PostgreSQL {version}/{cluster} restarted; requests after it came back: {after}")
        assert after == [200] * len(after), log.read_text()[-3000:]
        assert server.poll() is None
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
