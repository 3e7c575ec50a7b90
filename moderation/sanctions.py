"""Warnings, silences and suspensions of members. Each service needs a reason, is audited and tells the member.

A silence or suspension in force is also written on the member's row (`silenced_until`,
`suspended_until`) so that every request and every write path can check it without a query
(moderation.permissions.check_not_silenced; the suspension middleware and account adapter).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.models import NotificationKind
from forum.notifications import notify
from moderation import cache_keys
from moderation.audit import audit
from moderation.models import AuditAction, MemberNote, MemberSanction, SanctionKind


class SanctionError(Exception):
    """A refused sanction; the message is for the moderator."""


NOTICE = {
    SanctionKind.WARNING: NotificationKind.MEMBER_WARNED,
    SanctionKind.SILENCE: NotificationKind.MEMBER_SILENCED,
    SanctionKind.SUSPENSION: NotificationKind.MEMBER_SUSPENDED,
}
AUDIT = {
    SanctionKind.WARNING: AuditAction.MEMBER_WARNED,
    SanctionKind.SILENCE: AuditAction.MEMBER_SILENCED,
    SanctionKind.SUSPENSION: AuditAction.MEMBER_SUSPENDED,
}
FIELD = {SanctionKind.SILENCE: "silenced_until", SanctionKind.SUSPENSION: "suspended_until"}


def _lock_member(member):
    return get_user_model().objects.select_for_update().get(pk=member.pk)


def _refresh_member(member):
    """Write on the member's row the latest end of each kind of measure still in force."""
    now = timezone.now()
    for kind, field in FIELD.items():
        until = MemberSanction.objects.filter(member=member, kind=kind, lifted_at__isnull=True, until__gt=now).aggregate(
            until=Max("until"))["until"]
        setattr(member, field, until)
    member.save(update_fields=list(FIELD.values()))  # also drops the cached row (forum.auth)


def _sanction(*, actor, member, kind, reason, until=None, post=None):
    reason = (reason or "").strip()
    if not reason:
        raise SanctionError(_("Give a reason; the member reads it."))
    if actor.pk == member.pk:
        raise SanctionError(_("You cannot take a measure against yourself."))
    if kind != SanctionKind.WARNING and (until is None or until <= timezone.now()):
        raise SanctionError(_("Choose an end date in the future."))
    member = _lock_member(member)
    sanction = MemberSanction.objects.create(
        member=member, kind=kind, reason=reason, until=until if kind != SanctionKind.WARNING else None, created_by=actor,
        post=post,
    )
    if kind != SanctionKind.WARNING:
        _refresh_member(member)
    audit(actor=actor, action=AUDIT[kind], post=post, reason=reason, subject_repr=member.username,
          status_after=until.isoformat() if until else "")
    notify(recipient=member, kind=NOTICE[kind], actor=actor, reason=reason)
    return sanction


@transaction.atomic
def member_warn(*, actor, member, reason, post=None):
    """A private, recorded warning: the member is told the reason."""
    return _sanction(actor=actor, member=member, kind=SanctionKind.WARNING, reason=reason, post=post)


@transaction.atomic
def member_silence(*, actor, member, reason, until, post=None):
    """Until `until` the member can read but every write path refuses them."""
    return _sanction(actor=actor, member=member, kind=SanctionKind.SILENCE, reason=reason, until=until, post=post)


@transaction.atomic
def member_suspend(*, actor, member, reason, until, post=None):
    """Until `until` the member cannot log in; a session they have open ends on their next request."""
    return _sanction(actor=actor, member=member, kind=SanctionKind.SUSPENSION, reason=reason, until=until, post=post)


@transaction.atomic
def sanction_lift(*, actor, sanction, reason):
    """End a silence or suspension early (the row stays, with who lifted it and why)."""
    reason = (reason or "").strip()
    if not reason:
        raise SanctionError(_("Give a reason; the member reads it."))
    member = _lock_member(sanction.member)
    sanction = MemberSanction.objects.select_for_update().get(pk=sanction.pk)
    if sanction.lifted_at is not None or not sanction.in_force:
        raise SanctionError(_("This measure is no longer in force."))
    sanction.lifted_at, sanction.lifted_by, sanction.lift_reason = timezone.now(), actor, reason
    sanction.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
    _refresh_member(member)
    audit(actor=actor, action=AuditAction.SANCTION_LIFTED, reason=reason, subject_repr=member.username,
          status_before=sanction.kind, status_after="lifted")
    notify(recipient=member, kind=NotificationKind.SANCTION_LIFTED, actor=actor, reason=reason)
    return sanction


def suspension_in_force(member):
    """The suspension that keeps this member out (for the page that explains it), or None."""
    return MemberSanction.objects.filter(
        member=member, kind=SanctionKind.SUSPENSION, lifted_at__isnull=True, until__gt=timezone.now()
    ).order_by("-until").first()


@transaction.atomic
def member_note_add(*, actor, member, text):
    """A private note for fellow moderators (audited; never shown to the member on the site).
    The queue shows each author's notes beside their items, so it is made stale."""
    text = (text or "").strip()
    if not text:
        raise SanctionError(_("Write the note first."))
    note = MemberNote.objects.create(member=member, author=actor, text=text[:2000])
    audit(actor=actor, action=AuditAction.MEMBER_NOTE_ADDED, reason=text[:2000], subject_repr=member.username)
    cache_keys.queue_changed()
    return note
