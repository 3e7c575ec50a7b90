"""The review queue's decisions as a transition table, and the claim rule."""

from datetime import timedelta

PENDING = "pending"
APPROVED = "approved"
REJECTED = "rejected"
DISMISSED = "dismissed"
WITHDRAWN = "withdrawn"

CLAIM_DURATION = timedelta(minutes=10)
UNDO_WINDOW = timedelta(minutes=30)

# decision -> (allowed current statuses, new status)
DECISIONS = {
    "approve": ({PENDING}, APPROVED),
    "reject": ({PENDING}, REJECTED),
    "dismiss_flags": ({PENDING}, DISMISSED),
    # The author fixed a held post (added a qualifying source) before anyone decided.
    "withdraw": ({PENDING}, WITHDRAWN),
    "undo": ({APPROVED, REJECTED, DISMISSED}, PENDING),
}


class AlreadyDecided(Exception):
    """The item is no longer in a state this decision applies to."""


def decide(status, decision):
    allowed, target = DECISIONS[decision]
    if status not in allowed:
        raise AlreadyDecided(f"cannot {decision} an item that is {status}")
    return target


def claim_holder(claimed_by_id, claimed_until, now):
    """Who holds the item now: the claimant's id while the claim runs, else None (a stale claim has expired)."""
    if claimed_by_id is not None and claimed_until is not None and claimed_until > now:
        return claimed_by_id
    return None


def can_undo(decided_at, now):
    return decided_at is not None and now - decided_at <= UNDO_WINDOW
