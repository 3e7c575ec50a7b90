"""Every moderation state change: screening posts, queue decisions, claims, flags and rule changes.

Each public function is one transaction that locks the rows it changes, writes its audit
entry and sends its notifications after commit (through forum.notifications).
"""

from moderation.services.errors import ModerationError
from moderation.services.flags import FlagError, flag_create
from moderation.services.review import (
    RevisionChanged,
    check_not_own,
    check_revision,
    review_approve,
    review_bulk,
    review_claim,
    review_dismiss_flags,
    review_reject,
    review_undo,
)
from moderation.services.rule_changes import rules_changed
from moderation.services.screen import ScreenDecision, assess_post_text, post_screen

__all__ = [
    "FlagError", "ModerationError", "RevisionChanged", "ScreenDecision", "assess_post_text", "check_not_own", "check_revision", "flag_create",
    "post_screen", "review_approve", "review_bulk", "review_claim", "review_dismiss_flags", "review_reject", "review_undo",
    "rules_changed",
]
