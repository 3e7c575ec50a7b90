"""Every privacy state change: consent, closing an account, exports, purging expired data.

One service is one transaction; the audit entry is written inside it and caches are bumped
now and again after commit (forum.cache_keys.topic_changed).
"""

import secrets
from datetime import timedelta
from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from forum import cache_keys
from forum.models import CategoryWatch, MemberMute, Notification, NotificationKind, Post, RateLimitWindow, Revision, Topic, TopicWatch
from forum.notifications import notify
from forum.search import post_index
from forum.uploads import uploads_on_close
from moderation.cache_keys import queue_changed
from moderation.models import AuditAction, AuditEntry
from privacy.app_settings import privacy_settings
from privacy.exporting import export_zip
from privacy.models import Consent, DataExport, DocumentKind, LegalDocument
from privacy.notices import current_notice_version, forget_notice_version


class ConsentRefused(ValueError):
    """Both consents are required; the form says so in the member's language."""


@transaction.atomic
def consent_give(*, actor, privacy_notice, health_data, notice_version=None):
    """Record the member's consent to the current privacy notice and to the processing of the health
    information they share. Both are required. Returns the Consent row."""
    if not (privacy_notice and health_data):
        raise ConsentRefused("Both consents are required.")
    version = notice_version if notice_version is not None else current_notice_version()
    if version is None:
        raise ConsentRefused("No privacy notice is published.")
    consent = Consent.objects.create(user=actor, notice_version=version, privacy_notice=True, health_data=True)
    actor.consent_version = version
    actor.save(update_fields=["consent_version"])  # drops the cached member row (forum.auth)
    return consent


@transaction.atomic
def document_publish(*, actor, document):
    """Save an admin's new version of the notice or house rules, numbered after the last one of its kind.
    Versions that were published are never changed (the admin makes them read-only)."""
    if document.pk is None:
        last = LegalDocument.objects.select_for_update().filter(kind=document.kind).order_by("-version").first()
        document.version = (last.version + 1) if last else 1
    document.save()
    if document.kind == DocumentKind.PRIVACY:
        forget_notice_version()
        transaction.on_commit(forget_notice_version)
    return document


def _removed_title():
    with translation.override(settings.LANGUAGE_CODE):  # stored once, in the forum's own language
        return gettext("Removed at the member's request")


@transaction.atomic
def account_close(*, actor, member, remove_text=False, reason=""):
    """Anonymise a member's account; nothing of what they wrote is deleted unless they ask.

    The username becomes "Voormalig lid N" (shown as "Former member N" to English readers,
    User.display_name); email, names, profile settings, sessions, authenticators, consents,
    exports and received notifications go; the password becomes unusable and the account
    inactive, so logging in is impossible. Posts stay under the new name; with `remove_text`
    their text, every revision and the titles of their topics are overwritten, so moderators
    cannot read them either. Votes and reactions stay as counts. The audit entry names the
    account by its pseudonym only. Used by /account/close/ and the admin action.
    """
    User = get_user_model()
    member = User.objects.select_for_update().get(pk=member.pk)
    if member.closed_at is not None:
        return member
    now = timezone.now()
    topic_ids = set(Post.objects.filter(author=member).values_list("topic_id", flat=True))
    if remove_text:
        _remove_posts_text(member, now)
    uploads_on_close(member=member, remove_text=remove_text)
    member.username = f"Voormalig lid {member.pk}"
    member.email = member.first_name = member.last_name = member.preferred_language = ""
    member.set_unusable_password()
    member.is_active = member.is_staff = member.is_superuser = False
    member.email_on_answer = member.email_on_reaction = member.email_on_moderation = member.email_queue_digest = False
    member.hide_activity = member.show_health_activity = False
    member.email_on_watched = member.email_on_mention = member.watch_participated = False
    member.consent_version = None
    member.closed_at = now
    member.save()
    member.groups.clear()
    member.user_permissions.clear()
    EmailAddress.objects.filter(user=member).delete()
    Authenticator.objects.filter(user=member).delete()
    Consent.objects.filter(user=member).delete()
    Notification.objects.filter(recipient=member).delete()
    TopicWatch.objects.filter(user=member).delete()
    CategoryWatch.objects.filter(user=member).delete()
    MemberMute.objects.filter(user=member).delete()
    exports = list(DataExport.objects.filter(user=member))
    DataExport.objects.filter(user=member).delete()
    transaction.on_commit(lambda: [_delete_file(export) for export in exports])
    _end_sessions(member.pk)
    AuditEntry.objects.create(
        actor=actor if actor.pk != member.pk else member,
        action=AuditAction.ACCOUNT_CLOSED,
        object_repr=member.username,
        reason=reason,
        status_before="active",
        status_after="anonymised, text removed" if remove_text else "anonymised",
    )
    for topic_id in topic_ids:
        cache_keys.topic_changed(topic_id)
    queue_changed()
    return member


def _remove_posts_text(member, now):
    removed = _removed_title()
    post_ids = list(Post.objects.select_for_update().filter(author=member).values_list("pk", flat=True))
    Post.objects.filter(pk__in=post_ids).update(body="", body_html="", assessment={}, text_removed_at=now, search_vector=None)
    Revision.objects.filter(post_id__in=post_ids).update(body="", body_html="", title="")
    Topic.objects.filter(posts__in=post_ids, posts__is_question=True).update(title=removed)
    for post_id in post_ids:
        post_index(post_id)


def _end_sessions(user_id):
    """Delete the member's sessions (in the database and the session cache). Django keeps no index from
    member to session, so this reads every unexpired session once; closing an account is rare."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user_id):
            store(session.session_key).delete()


def _delete_file(export):
    if export.file_name:
        (privacy_settings.EXPORT_ROOT / export.file_name).unlink(missing_ok=True)


@transaction.atomic
def export_request(*, actor):
    """Queue a background export of the member's data; they are notified when it is ready."""
    export = DataExport.objects.create(user=actor)
    transaction.on_commit(lambda: build_export.enqueue(export.pk))
    return export


def export_build(export_id):
    """Write the export's ZIP to the private folder, mark it ready and notify the member."""
    export = DataExport.objects.select_related("user").filter(pk=export_id, status=DataExport.Status.PENDING).first()
    if export is None:
        return None
    root = privacy_settings.EXPORT_ROOT
    root.mkdir(parents=True, exist_ok=True)
    name = f"export-{export.pk}-{secrets.token_hex(16)}.zip"
    (root / name).write_bytes(export_zip(export.user))
    with transaction.atomic():
        now = timezone.now()
        export.status = DataExport.Status.READY
        export.file_name = name
        export.ready_at = now
        export.expires_at = now + timedelta(days=privacy_settings.EXPORT_DAYS)
        export.save(update_fields=["status", "file_name", "ready_at", "expires_at"])
        notify(recipient=export.user, kind=NotificationKind.EXPORT_READY)
    return export


@task()
def build_export(export_id):
    """The background half of export_request."""
    export_build(export_id)


def privacy_purge(*, now=None):
    """Delete what has passed its retention period (docs/PRIVACY.md). Returns {what: how many}."""
    now = now or timezone.now()
    counts = {}
    counts["sessions"] = Session.objects.filter(expire_date__lt=now).delete()[0]
    expired = list(DataExport.objects.filter(expires_at__lt=now))
    for export in expired:
        _delete_file(export)
    counts["exports"] = DataExport.objects.filter(pk__in=[export.pk for export in expired]).delete()[0]
    counts["notifications"] = Notification.objects.filter(
        created_at__lt=now - timedelta(days=privacy_settings.NOTIFICATION_DAYS)
    ).delete()[0]
    counts["task_results"] = DBTaskResult.objects.filter(
        finished_at__lt=now - timedelta(days=privacy_settings.TASK_RESULT_DAYS)
    ).delete()[0]
    counts["admin_log"] = LogEntry.objects.filter(action_time__lt=now - timedelta(days=privacy_settings.ADMIN_LOG_DAYS)).delete()[0]
    counts["rate_limit_windows"] = RateLimitWindow.objects.filter(expires_at__lt=now.timestamp()).delete()[0]
    counts["cache_entries"] = _purge_database_cache(now)
    return counts


def _purge_database_cache(now):
    """Without Redis the cache (view marks, rate limits, session copies) is a database table whose
    expired rows stay until culled: remove them. Redis drops expired keys itself."""
    backend = caches["default"]
    if not isinstance(backend, DatabaseCache):
        return 0
    table = connection.ops.quote_name(backend._table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE expires < %s", [connection.ops.adapt_datetimefield_value(now.replace(microsecond=0))])
        return cursor.rowcount
