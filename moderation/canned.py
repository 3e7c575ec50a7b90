"""Canned reasons that admins keep for the moderators' forms. Every change goes through here and is audited.

Django admin saves through `canned_reason_save` (moderation.admin), so an admin who rewrites what
rejected members are told leaves an audit row with the old and the new text. Reasons are switched
off, never deleted: the audit rows and the counts of the decisions that used them keep their name.
"""

from django.db import transaction
from django.db.models import F

from moderation.audit import audit
from moderation.models import AuditAction, CannedReason

EDITABLE_FIELDS = ("kind", "title", "text_nl", "text_en", "is_active")


def _describe(field, value):
    return f"{field}: {value!r}"


@transaction.atomic
def canned_reason_save(*, actor, reason):
    """Create `reason` (unsaved) or store the new values set on it; audited with what changed.

    Returns the names of the fields that changed (all editable ones for a new reason, none when
    nothing did: then nothing is written)."""
    if reason.pk is None:
        reason.save()
        changed = list(EDITABLE_FIELDS)
        audit(actor=actor, action=AuditAction.CANNED_REASON_CHANGED, subject_repr=f"{reason.pk}: {reason.title}",
              reason="\n".join(_describe(field, getattr(reason, field)) for field in changed), status_after="added")
        return changed
    stored = CannedReason.objects.select_for_update().get(pk=reason.pk)
    changes = [(field, getattr(stored, field), getattr(reason, field)) for field in EDITABLE_FIELDS
               if getattr(stored, field) != getattr(reason, field)]
    if not changes:
        return []
    reason.save(update_fields=[field for field, _, _ in changes])
    audit(actor=actor, action=AuditAction.CANNED_REASON_CHANGED, subject_repr=f"{reason.pk}: {reason.title}",
          reason="\n".join(f"{field}: {old!r} → {new!r}" for field, old, new in changes), status_after="changed")
    return [field for field, _, _ in changes]


def canned_reason_used(*, reason):
    """Count one more decision that used this reason (the decision page shows the three most used)."""
    if reason is not None:
        CannedReason.objects.filter(pk=reason.pk).update(use_count=F("use_count") + 1)
