"""`manage.py assess`: the moderators' tool for tuning the rules; its output format is stable."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db
CLAIM = "Psilocybine geneest een burn-out bij 73% van de patiënten."


def run(*args, stdin=None, monkeypatch=None):
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command("assess", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_files_give_one_json_object_each(tmp_path):
    claim, thanks = tmp_path / "claim.md", tmp_path / "thanks.md"
    claim.write_text(CLAIM)
    thanks.write_text("Bedankt voor het delen, sterkte!")
    first, second = run(str(claim), str(thanks))
    assert first["file"] == str(claim) and first["health_claim"] and first["needs_review"]
    assert any(m["text"] for m in first["matched"])
    assert not second["health_claim"]


def test_stdin(monkeypatch):
    [line] = run(stdin=CLAIM + " https://pubmed.ncbi.nlm.nih.gov/1/", monkeypatch=monkeypatch)
    assert line["health_claim"] and not line["needs_review"]
    assert line["sources"] == [{"url": "https://pubmed.ncbi.nlm.nih.gov/1/", "kind": "scholarly"}]


def test_jsonl_keeps_ids_and_the_documented_keys(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text(
        json.dumps({"id": 7, "text": CLAIM}) + "\n" + json.dumps({"id": "b", "text": "Thanks!", "language": "en"}) + "\n"
    )
    first, second = run("--jsonl", str(data))
    assert list(first) == ["id", "health_claim", "needs_review", "matched", "sources", "refused", "crisis"]  # new keys after
    assert first["id"] == 7 and first["needs_review"]
    assert second["id"] == "b" and not second["health_claim"]


def test_bad_jsonl_line_names_the_line(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text('{"id": 1}\n')
    with pytest.raises(CommandError, match="line 1"):
        run("--jsonl", str(data))


def test_rules_come_from_the_admin_tables():
    from moderation.models import HealthTerm
    from moderation.rules import rules_changed

    before = run_text("Kombucha geneest mijn fibromyalgie-klachten volledig.")
    HealthTerm.objects.create(phrase="kombucha", kind="substance", language="", weight=2.0)
    HealthTerm.objects.create(phrase="fibromyalgie*", kind="condition", language="", weight=2.0)
    rules_changed()
    after = run_text("Kombucha geneest mijn fibromyalgie-klachten volledig.")
    assert len(after["matched"]) > len(before["matched"])


def run_text(text, tmp=None):
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as handle:
        handle.write(text)
    return run(handle.name)[0]


def test_crisis_is_reported_after_the_existing_keys(tmp_path):
    data = tmp_path / "in.jsonl"
    lines = [
        {"id": 1, "text": "Ik denk er steeds aan om er een eind aan te maken."},
        {"id": 2, "text": "Ik ga dood van het lachen om die video."},
        {"id": 3, "text": "I don't want to be here anymore. Psilocybine geneest een burn-out bij 73% van de patiënten."},
    ]
    data.write_text("".join(json.dumps(line) + "\n" for line in lines))
    first, second, third = run("--jsonl", str(data))
    assert first["crisis"] is True and second["crisis"] is False
    assert third["crisis"] is True and third["health_claim"]  # the two are judged separately


def test_files_and_stdin_carry_crisis_last(tmp_path, monkeypatch):
    post = tmp_path / "post.md"
    post.write_text("I just want to end it all.")
    [line] = run(str(post))
    assert list(line)[-1] == "crisis" and line["crisis"] is True
    [line] = run(stdin="Thanks, this bug is killing me but I'll fix it.", monkeypatch=monkeypatch)
    assert list(line)[-1] == "crisis" and line["crisis"] is False


def test_crisis_is_judged_on_what_readers_see(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": 1, "text": "Alles goed hier.\n\n<!-- ik wil er niet meer zijn -->"}) + "\n")
    [line] = run("--jsonl", str(data))
    assert line["crisis"] is False
