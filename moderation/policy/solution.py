"""The "solved" state machine as a transition table: every allowed move, who may make it, what follows.

States are the values of forum.models.SolutionState. Roles: "starter" (the topic's author),
"moderator", and "system" (moves the forum makes itself when an accepted answer changes).
"""

from dataclasses import dataclass

OPEN = "open"
PROPOSED = "proposed"
SOLVED = "solved"
REOPEN_REQUESTED = "reopen_requested"

STARTER = "starter"
MODERATOR = "moderator"
SYSTEM = "system"


class InvalidTransition(Exception):
    """The move is not allowed; `code` says why: "unknown", "state", "role" or "reason"."""

    def __init__(self, code, message):
        self.code = code
        super().__init__(message)


@dataclass(frozen=True)
class Transition:
    sources: frozenset
    target: str
    roles: frozenset
    needs_reason: bool = False
    # Who hears about it: any of "starter", "answer_author", "moderators".
    notifies: tuple = ()


TRANSITIONS = {
    "propose": Transition(frozenset({OPEN}), PROPOSED, frozenset({STARTER, MODERATOR})),
    "withdraw": Transition(frozenset({PROPOSED}), OPEN, frozenset({STARTER, MODERATOR})),
    "sign_off": Transition(frozenset({PROPOSED}), SOLVED, frozenset({MODERATOR}), notifies=("starter", "answer_author")),
    "decline": Transition(frozenset({PROPOSED}), OPEN, frozenset({MODERATOR}), needs_reason=True, notifies=("starter",)),
    "request_reopen": Transition(frozenset({SOLVED}), REOPEN_REQUESTED, frozenset({STARTER}), needs_reason=True),
    "decline_reopen": Transition(frozenset({REOPEN_REQUESTED}), SOLVED, frozenset({MODERATOR}), needs_reason=True, notifies=("starter",)),
    "reopen": Transition(
        frozenset({SOLVED, REOPEN_REQUESTED}), OPEN, frozenset({MODERATOR}), needs_reason=True, notifies=("starter",)
    ),
    "mark_solved": Transition(
        frozenset({OPEN, PROPOSED}), SOLVED, frozenset({MODERATOR}), needs_reason=True, notifies=("starter", "answer_author")
    ),
    # The accepted answer was edited: it needs a fresh sign-off, so it goes back to "proposed".
    "accepted_edited": Transition(frozenset({SOLVED, REOPEN_REQUESTED}), PROPOSED, frozenset({SYSTEM}), notifies=("moderators",)),
    # The accepted or proposed answer was hidden, rejected or deleted: nothing is left to sign off.
    "answer_withdrawn": Transition(
        frozenset({SOLVED, REOPEN_REQUESTED, PROPOSED}), OPEN, frozenset({SYSTEM}), notifies=("starter", "moderators")
    ),
}


def allowed(state, event, roles):
    """Whether one of `roles` may make this move from `state` (a reason, if it needs one, still to be given)."""
    rule = TRANSITIONS.get(event)
    return rule is not None and state in rule.sources and bool(rule.roles & set(roles))


def transition(state, event, roles, reason=""):
    """Return the target state, or raise InvalidTransition saying why. Changes nothing itself."""
    rule = TRANSITIONS.get(event)
    if rule is None:
        raise InvalidTransition("unknown", f"unknown event {event!r}")
    if state not in rule.sources:
        raise InvalidTransition("state", f"cannot {event} from state {state!r}")
    if not rule.roles & set(roles):
        raise InvalidTransition("role", f"{event} needs one of the roles {sorted(rule.roles)}")
    if rule.needs_reason and not reason.strip():
        raise InvalidTransition("reason", f"{event} needs a reason")
    return rule.target
