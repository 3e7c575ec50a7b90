"""The solved state machine as a table: every transition for every role, allowed and refused."""

import pytest

from moderation.policy import solution as m

ROLES = (m.STARTER, m.MODERATOR, m.SYSTEM)
STATES = (m.OPEN, m.PROPOSED, m.SOLVED, m.REOPEN_REQUESTED)

ALLOWED = {
    ("propose", m.OPEN, m.STARTER): m.PROPOSED,
    ("propose", m.OPEN, m.MODERATOR): m.PROPOSED,
    ("withdraw", m.PROPOSED, m.STARTER): m.OPEN,
    ("withdraw", m.PROPOSED, m.MODERATOR): m.OPEN,
    ("sign_off", m.PROPOSED, m.MODERATOR): m.SOLVED,
    ("decline", m.PROPOSED, m.MODERATOR): m.OPEN,
    ("request_reopen", m.SOLVED, m.STARTER): m.REOPEN_REQUESTED,
    ("decline_reopen", m.REOPEN_REQUESTED, m.MODERATOR): m.SOLVED,
    ("reopen", m.SOLVED, m.MODERATOR): m.OPEN,
    ("reopen", m.REOPEN_REQUESTED, m.MODERATOR): m.OPEN,
    ("mark_solved", m.OPEN, m.MODERATOR): m.SOLVED,
    ("mark_solved", m.PROPOSED, m.MODERATOR): m.SOLVED,
    ("accepted_edited", m.SOLVED, m.SYSTEM): m.PROPOSED,
    ("accepted_edited", m.REOPEN_REQUESTED, m.SYSTEM): m.PROPOSED,
    ("answer_withdrawn", m.SOLVED, m.SYSTEM): m.OPEN,
    ("answer_withdrawn", m.REOPEN_REQUESTED, m.SYSTEM): m.OPEN,
    ("answer_withdrawn", m.PROPOSED, m.SYSTEM): m.OPEN,
}

EVERY_CASE = [(event, state, role) for event in m.TRANSITIONS for state in STATES for role in ROLES]


@pytest.mark.parametrize(("event", "state", "role"), EVERY_CASE)
def test_every_transition_for_every_role(event, state, role):
    expected = ALLOWED.get((event, state, role))
    if expected is None:
        with pytest.raises(m.InvalidTransition):
            m.transition(state, event, {role}, reason="een reden")
    else:
        assert m.transition(state, event, {role}, reason="een reden") == expected


@pytest.mark.parametrize("event", [e for e, rule in m.TRANSITIONS.items() if rule.needs_reason])
def test_moves_that_need_a_reason_refuse_without_one(event):
    rule = m.TRANSITIONS[event]
    state = next(iter(rule.sources))
    with pytest.raises(m.InvalidTransition) as refusal:
        m.transition(state, event, set(rule.roles), reason="  ")
    assert refusal.value.code == "reason"


def test_unknown_event_is_refused():
    with pytest.raises(m.InvalidTransition):
        m.transition(m.OPEN, "teleport", {m.MODERATOR})
