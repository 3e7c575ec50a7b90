"""Precision/recall of a rule set on labelled examples."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .engine import assess
from .rules import Rules

__all__ = ["precision_recall"]


def _get(example: Any, key: str, default: Any = None) -> Any:
    if isinstance(example, Mapping):
        return example.get(key, default)
    return getattr(example, key, default)


def _scores(tp: int, fp: int, fn: int, tn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total = tp + fp + fn + tn
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": (tp + tn) / total if total else 1.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }


def precision_recall(examples: Iterable[Any], rules: Rules) -> dict[str, Any]:
    """Score ``rules`` on labelled examples.

    Each example is a mapping (or object) with ``text``, ``health_claim`` and
    ``needs_review``, and optionally ``id`` and ``language`` (passed on to
    :func:`assess`).  Returns::

        {"n": ..., "health_claim": {"precision", "recall", "f1", "accuracy",
         "tp", "fp", "fn", "tn"}, "needs_review": {...},
         "errors": [{"id", "text", "field", "expected", "got"}, ...]}

    The positive class is ``True`` for both fields.  Precision or recall
    with an empty denominator is reported as 1.0.
    """
    counts = {"health_claim": [0, 0, 0, 0], "needs_review": [0, 0, 0, 0]}
    errors: list[dict[str, Any]] = []
    n = 0
    for i, ex in enumerate(examples):
        n += 1
        text = _get(ex, "text", "")
        result = assess(text, rules, _get(ex, "language"))
        for field in ("health_claim", "needs_review"):
            expected = bool(_get(ex, field))
            got = bool(getattr(result, field))
            c = counts[field]
            if expected and got:
                c[0] += 1
            elif got:
                c[1] += 1
                errors.append({"id": _get(ex, "id", i), "text": text, "field": field,
                               "expected": expected, "got": got})
            elif expected:
                c[2] += 1
                errors.append({"id": _get(ex, "id", i), "text": text, "field": field,
                               "expected": expected, "got": got})
            else:
                c[3] += 1
    return {
        "n": n,
        "health_claim": _scores(*counts["health_claim"]),
        "needs_review": _scores(*counts["needs_review"]),
        "errors": errors,
    }
