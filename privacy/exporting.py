"""What "Export my data" contains: one JSON file with everything the forum holds about a member,
and a readable HTML page of their posts, zipped. docs/PRIVACY.md lists each field; tests check it."""

import io
import json
import zipfile

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from forum.models import CategoryWatch, MemberMute, Notification, Post, Reaction, Revision, TopicWatch, Upload, Vote
from forum.notifications import describe
from moderation.models import Flag
from privacy.models import Consent

FORMAT = 1
# The account fields that go in the export; forum.User fields not named here are listed in
# docs/PRIVACY.md as not exported (the password hash) or as not personal.
ACCOUNT_FIELDS = (
    "id", "username", "email", "first_name", "last_name", "date_joined", "last_login", "is_active", "is_staff",
    "closed_at",
)
SETTINGS_FIELDS = (
    "preferred_language", "email_on_answer", "email_on_reaction", "email_on_moderation", "email_queue_digest",
    "hide_activity", "show_health_activity", "consent_version",
    "email_on_watched", "email_on_mention", "watch_participated", "digest_frequency", "digest_sent_at",
)


def export_item_count(user):
    """How much an export would hold: decides whether it is built at once or in the background."""
    return (
        Post.objects.filter(author=user).count() + Vote.objects.filter(user=user).count()
        + Reaction.objects.filter(user=user).count() + Notification.objects.filter(recipient=user).count()
        + Upload.objects.filter(uploader=user, removed_at__isnull=True).count()
    )


def _when(value):
    return value.isoformat() if value else None


def export_data(user):
    """Everything the forum stores about this member, as plain JSON-ready data."""
    posts = list(
        Post.objects.filter(author=user).select_related("topic", "topic__category").order_by("created_at", "pk")
    )
    revisions = {}
    for revision in Revision.objects.filter(post__author=user).order_by("created_at", "pk"):
        revisions.setdefault(revision.post_id, []).append(
            {"title": revision.title, "body": revision.body, "replaced_at": _when(revision.created_at)}
        )
    language = user.preferred_language or "nl"
    with translation.override(language):
        notifications = [
            {
                "kind": n.kind, "text": describe(n), "topic_id": n.topic_id, "post_id": n.post_id, "count": n.count,
                "reason": n.reason, "is_read": n.is_read, "cleared_at": _when(n.cleared_at), "withdrawn_at": _when(n.withdrawn_at),
                "created_at": _when(n.created_at), "updated_at": _when(n.updated_at),
            }
            for n in Notification.objects.filter(recipient=user).select_related("actor", "topic").order_by("created_at", "pk")
        ]
    return {
        "format": FORMAT,
        "generated_at": _when(timezone.now()),
        "account": {name: _when(v) if hasattr(v, "isoformat") else v for name in ACCOUNT_FIELDS for v in [getattr(user, name)]},
        "settings": {name: _when(v) if hasattr(v, "isoformat") else v for name in SETTINGS_FIELDS for v in [getattr(user, name)]},
        "topic_watches": [
            {"topic_id": w.topic_id, "level": w.level, "last_seen_at": _when(w.last_seen_at)}
            for w in TopicWatch.objects.filter(user=user).order_by("pk")
        ],
        "category_watches": [
            {"category": w.category.name, "created_at": _when(w.created_at)}
            for w in CategoryWatch.objects.filter(user=user).select_related("category").order_by("pk")
        ],
        "muted_members": [
            {"member": m.muted.display_name, "created_at": _when(m.created_at)}
            for m in MemberMute.objects.filter(user=user).select_related("muted").order_by("pk")
        ],
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "authenticators": [
            {"type": a.type, "created_at": _when(a.created_at), "last_used_at": _when(a.last_used_at)}
            for a in Authenticator.objects.filter(user=user).order_by("pk")
        ],
        "consents": [
            {"notice_version": c.notice_version, "privacy_notice": c.privacy_notice, "health_data": c.health_data,
             "given_at": _when(c.given_at)}
            for c in Consent.objects.filter(user=user).order_by("given_at", "pk")
        ],
        "posts": [
            {
                "id": p.pk, "topic_id": p.topic_id, "topic_title": p.topic.title, "category": p.topic.category.name,
                "is_question": p.is_question, "asked_anonymously": p.is_question and p.topic.is_anonymous,
                "body": p.body, "created_at": _when(p.created_at), "edited_at": _when(p.edited_at),
                "visibility": p.visibility, "is_deleted": p.is_deleted, "deleted_at": _when(p.deleted_at),
                "score": p.score, "moderator_note": p.moderator_note, "rejection_reason": p.rejection_reason,
                "text_removed_at": _when(p.text_removed_at), "revision": p.revision, "withdrawn_at": _when(p.withdrawn_at),
                "revisions": revisions.get(p.pk, []),
            }
            for p in posts
        ],
        "votes": [
            {"post_id": v.post_id, "value": v.value, "created_at": _when(v.created_at)}
            for v in Vote.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "reactions": [
            {"post_id": r.post_id, "kind": r.kind, "created_at": _when(r.created_at)}
            for r in Reaction.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "flags": [
            {"post_id": f.post_id, "reason": f.reason, "text": f.text, "outcome": f.outcome, "created_at": _when(f.created_at)}
            for f in Flag.objects.filter(flagger=user).order_by("created_at", "pk")
        ],
        "notifications": notifications,
        "uploads": [
            {"file": _export_name(u), "url": u.url, "content_type": u.content_type, "size": u.size,
             "uploaded_at": _when(u.created_at), "removed_at": _when(u.removed_at)}
            for u in Upload.objects.filter(uploader=user).order_by("created_at", "pk")
        ],
    }, posts


def _export_name(upload):
    """Where the image is in the ZIP (None once removed: the file is gone)."""
    return None if upload.removed_at else f"images/{upload.file.rsplit('/', 1)[-1]}"


def export_zip(user):
    """The ZIP a member downloads: data.json, posts.html and the images they uploaded (images/)."""
    data, posts = export_data(user)
    with translation.override(user.preferred_language or "nl"):
        html = render_to_string("privacy/export_posts.html", {"member": user, "posts": posts, "generated_at": timezone.now()})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2))
        archive.writestr("posts.html", html)
        for upload in Upload.objects.filter(uploader=user, removed_at__isnull=True).order_by("pk"):
            try:
                with default_storage.open(upload.file, "rb") as image:
                    archive.writestr(_export_name(upload), image.read())
            except FileNotFoundError:
                continue  # the row outlived its file (a restored backup): data.json still lists it
    return buffer.getvalue()
