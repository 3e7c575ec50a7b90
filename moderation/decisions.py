"""Moderators' decisions as labelled examples for the learned claim detector.

`decision_record` is called once by each of review_approve and review_reject (inside their
transaction); `export_rows` turns the kept examples into the corpus format
(moderation/policy/corpus: id, text, language, health_claim, needs_review, length, split,
family) for `manage.py policy_train --extra`.
"""

from moderation.models import DecisionExample, HoldReason, ReviewStatus
from moderation.screening import post_assessment_text


def decision_record(*, item, post, decision, actor, reason=""):
    """Keep what was assessed and what the moderator decided about it."""
    assessment = post.assessment or None
    return DecisionExample.objects.create(
        review_item=item, post=post, decision=decision, hold_reason=item.reason, text=post_assessment_text(post),
        language=(assessment or {}).get("language", ""), reason=reason.strip(), assessment=assessment, decided_by=actor,
    )


def _length(text):
    words = len(text.split())
    return "short" if words < 40 else ("medium" if words < 150 else "long")


def export_rows(*, all_reasons=False):
    """One corpus row per review item: its latest decision, if that decision still stands.

    An approved detector hold says "no unsourced claim here", a rejected one "a claim that needs
    a source"; items held for flags or by hand are exported only with `all_reasons` (a
    rejection there may be about something other than a claim). An undone decision (the item
    is pending again, or was decided differently since) is left out.
    """
    examples = DecisionExample.objects.select_related("review_item").order_by("review_item_id", "-created_at", "-pk")
    if not all_reasons:
        examples = examples.filter(hold_reason=HoldReason.DETECTOR)
    seen = set()
    for example in examples.iterator():
        if example.review_item_id in seen:
            continue
        seen.add(example.review_item_id)
        if example.review_item.status != example.decision:
            continue
        claim = example.decision == ReviewStatus.REJECTED
        yield {
            "id": f"decision-{example.pk}",
            "text": example.text,
            "language": example.language if example.language in ("nl", "en") else "nl",
            "health_claim": claim,
            "needs_review": claim,
            "length": _length(example.text),
            "split": "train",
            "family": f"decision-{example.hold_reason}",
            "note": example.reason,
        }
