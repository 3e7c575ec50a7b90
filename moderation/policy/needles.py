"""Words a regular expression cannot match without, to skip the expressions a text cannot match.

``needles(pattern)`` reads a compiled pattern's syntax tree and returns literal strings of which
every match contains at least one (``"stoppen met leven"`` needs ``leven``), or None when it
cannot tell. A text that contains none of them cannot hold a match, in any part of it, so the
expression need not be run there: a plain substring test instead of trying the expression at
every position of every sentence. Standard library only.
"""

from __future__ import annotations

import re

try:  # the parser behind re (Python 3.11+): private, so any surprise means "cannot tell"
    from re import _constants as _sre
    from re import _parser
except ImportError:  # pragma: no cover - another Python
    _parser = _sre = None

__all__ = ["needles"]

_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if _sre is not None and hasattr(_sre, name))


def needles(pattern: re.Pattern) -> frozenset[str] | None:
    """Literal strings of which every match of ``pattern`` contains one, or None (see the module)."""
    if _parser is None or pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    try:
        found = _required(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # pragma: no cover - a syntax tree this reader does not know
        return None
    return frozenset(found) if found and all(found) else None


def _required(items) -> set[str] | None:
    """For a sequence of syntax items: the most telling set one of whose strings every match holds."""
    best, run = None, []
    for op, value in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(value))
            continue
        if run:
            best = _better(best, {"".join(run)})
            run = []
        if op is None:
            break
        best = _better(best, _item(op, value))
    return best


def _item(op, value) -> set[str] | None:
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, items = value
        return None if add_flags & (re.IGNORECASE | re.VERBOSE) else _required(items)
    if op is _sre.BRANCH:
        found: set[str] = set()
        for alternative in value[1]:
            needed = _required(alternative)
            if not needed:
                return None  # an alternative that needs nothing
            found |= needed
        return found
    if op in _REPEATS:
        low, _high, items = value
        return _required(items) if low >= 1 else None
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _required(value)
    return None  # a class, a look-around, an anchor, a back reference: nothing literal to require


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The set whose shortest string is longer (rarer in text), then the smaller set."""
    if not b:
        return a
    if not a:
        return b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b
