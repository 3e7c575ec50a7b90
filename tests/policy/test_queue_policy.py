from datetime import UTC, datetime, timedelta

import pytest

from moderation.policy import queue as q

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("decision", ["approve", "reject", "dismiss_flags", "withdraw"])
def test_a_pending_item_can_be_decided_once(decision):
    target = q.decide(q.PENDING, decision)
    with pytest.raises(q.AlreadyDecided):
        q.decide(target, decision)


def test_claims_run_ten_minutes_then_expire():
    assert q.claim_holder(7, NOW + timedelta(minutes=1), NOW) == 7
    assert q.claim_holder(7, NOW - timedelta(seconds=1), NOW) is None
    assert q.claim_holder(None, None, NOW) is None
    assert q.CLAIM_DURATION == timedelta(minutes=10)


def test_undo_only_within_the_window():
    assert q.can_undo(NOW - timedelta(minutes=5), NOW)
    assert not q.can_undo(NOW - q.UNDO_WINDOW - timedelta(seconds=1), NOW)
    assert not q.can_undo(None, NOW)
