"""Moderators' approve/reject decisions are kept as labelled examples and exported in the corpus format."""

import io
import json

import pytest
from django.core.management import call_command

from forum import services
from moderation import services as moderation
from moderation.decisions import export_rows
from moderation.models import DecisionExample, ReviewItem
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db

CORPUS_FIELDS = {"id", "text", "language", "health_claim", "needs_review", "length", "split", "family"}


@pytest.fixture
def held(member, topic):
    return services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)


def test_a_rejection_is_kept_with_the_assessed_text_and_the_reason(moderator, held):
    item = ReviewItem.objects.get(post=held)
    moderation.review_reject(actor=moderator, item=item, reason="Geen bron voor die 73%.")
    example = DecisionExample.objects.get()
    assert (example.decision, example.reason, example.decided_by) == ("rejected", "Geen bron voor die 73%.", moderator)
    assert example.text == CLAIM_WITHOUT_SOURCE
    assert example.hold_reason == "detector" and example.assessment["needs_review"] is True


def test_approval_is_kept_and_exported_as_not_a_claim(moderator, held):
    moderation.review_approve(actor=moderator, item=ReviewItem.objects.get(post=held), note="Ervaring, geen advies.")
    [row] = list(export_rows())
    assert set(row) >= CORPUS_FIELDS
    assert (row["health_claim"], row["needs_review"], row["split"]) == (False, False, "train")
    assert row["text"] == CLAIM_WITHOUT_SOURCE and row["note"] == "Ervaring, geen advies."
    assert row["language"] == "nl" and row["length"] == "short" and row["family"] == "decision-detector"


def test_an_undone_decision_is_not_exported_and_the_new_one_is(moderator, held):
    item = ReviewItem.objects.get(post=held)
    moderation.review_approve(actor=moderator, item=item)
    moderation.review_undo(actor=moderator, item=item)
    assert list(export_rows()) == []
    moderation.review_reject(actor=moderator, item=item, reason="Claim zonder bron.")
    rows = list(export_rows())
    assert [r["health_claim"] for r in rows] == [True]
    assert DecisionExample.objects.count() == 2  # nothing is deleted


def test_policy_export_writes_jsonl_that_policy_train_can_read(moderator, held, tmp_path):
    moderation.review_reject(actor=moderator, item=ReviewItem.objects.get(post=held), reason="Geen bron.")
    out = io.StringIO()
    call_command("policy_export", stdout=out, stderr=io.StringIO())
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 1 and set(lines[0]) >= CORPUS_FIELDS and lines[0]["health_claim"] is True
    path = tmp_path / "decisions.jsonl"
    call_command("policy_export", output=str(path), stderr=io.StringIO())
    from moderation.learning import read_jsonl

    [example] = read_jsonl(path, split="train", family="decisions")
    assert example.text == CLAIM_WITHOUT_SOURCE and example.health_claim and example.split == "train"
