"""Admins' changes to the health-claim rules."""

from moderation.audit import audit
from moderation.models import AuditAction
from moderation.rules import rules_changed as _bump_rules_version


def rules_changed(*, actor, description):
    """An admin changed a term or domain: record it and make every worker rebuild its rules."""
    audit(actor=actor, action=AuditAction.RULE_CHANGED, reason=description)
    _bump_rules_version()  # in the database, committed with the change
