"""`manage.py privacy_purge` deletes what has passed its retention period and nothing else."""

from datetime import timedelta

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from forum.models import Notification, NotificationKind
from privacy import services
from privacy.models import DataExport


def test_purge_deletes_expired_sessions_exports_and_old_notifications(settings, tmp_path, member, capsys):
    settings.PRIVACY_EXPORT_ROOT = tmp_path
    old_session, fresh_session = SessionStore(), SessionStore()
    old_session.create()
    fresh_session.create()
    Session.objects.filter(session_key=old_session.session_key).update(expire_date=timezone.now() - timedelta(days=1))
    expired = DataExport.objects.create(user=member)
    services.export_build(expired.pk)
    expired.refresh_from_db()
    DataExport.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    current = DataExport.objects.create(user=member)
    services.export_build(current.pk)
    old = Notification.objects.create(recipient=member, kind=NotificationKind.NEW_ANSWER)
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=731))
    recent = Notification.objects.create(recipient=member, kind=NotificationKind.NEW_ANSWER)

    call_command("privacy_purge")

    assert list(Session.objects.values_list("session_key", flat=True)) == [fresh_session.session_key]
    assert not (tmp_path / expired.file_name).exists()
    assert list(DataExport.objects.values_list("pk", flat=True)) == [current.pk]
    assert set(Notification.objects.filter(recipient=member, kind=NotificationKind.NEW_ANSWER).values_list("pk", flat=True)) == {recent.pk}
    assert "sessions: 1" in capsys.readouterr().out


def test_purge_removes_expired_rows_of_the_database_cache(db):
    from django.core.cache import cache

    cache.set("viewed:1:a123", 1, timeout=1)
    counts = services.privacy_purge(now=timezone.now() + timedelta(seconds=5))
    assert counts["cache_entries"] >= 1 and cache.get("viewed:1:a123") is None
