"""manage.py policy_report: the figures table in docs/POLICY.md is generated, and --check refuses a
stale one. The full table is checked by .ci/run (`policy_report --check`, ~15 s); here the
command runs the real pipeline on a small slice of the corpus."""

import io

import pytest
from django.core.management import CommandError, call_command

from moderation import learning

DOC = "# Policy\n\nintro\n\n<!-- figures:start -->\n| old | table |\n<!-- figures:end -->\n\nafter\n"


@pytest.fixture
def small_corpus(monkeypatch):
    examples = learning.load_examples()
    picked = []
    for split in ("dev", "test"):
        rows = [e for e in examples if e.split == split]
        picked += [e for e in rows if e.needs_review][:6] + [e for e in rows if not e.needs_review][:6]
    monkeypatch.setattr(learning, "load_examples", lambda extra=(): picked)
    return picked


def test_check_refuses_a_stale_table_and_write_replaces_it(small_corpus, tmp_path):
    doc = tmp_path / "POLICY.md"
    doc.write_text(DOC, encoding="utf-8")
    with pytest.raises(CommandError, match="policy_report --write"):
        call_command("policy_report", "--check", doc=str(doc), stdout=io.StringIO())
    call_command("policy_report", "--write", doc=str(doc), stdout=io.StringIO())
    text = doc.read_text(encoding="utf-8")
    assert "| old | table |" not in text
    assert text.startswith("# Policy\n\nintro\n\n<!-- figures:start -->\n| split | cell |")
    assert text.endswith("<!-- figures:end -->\n\nafter\n")
    call_command("policy_report", "--check", doc=str(doc), stdout=io.StringIO())  # now current


def test_table_has_every_cell_for_dev_and_test_with_the_rules_alone_beside(small_corpus):
    table = learning.figures_table(small_corpus)
    rows = [line.split(" | ") for line in table.splitlines()[2:]]
    assert [(r[0].strip("| "), r[1]) for r in rows] == [(s, c) for s in ("dev", "test") for c in learning.CELLS]
    dev_all = rows[0]
    assert dev_all[2] == "12" and dev_all[3] == "6"  # answers, of which need review
    assert all(len(r) == 8 for r in rows)


def test_a_document_without_the_block_is_refused_before_measuring(tmp_path, monkeypatch):
    doc = tmp_path / "POLICY.md"
    doc.write_text("# no block\n", encoding="utf-8")
    monkeypatch.setattr(learning, "load_examples", lambda extra=(): pytest.fail("measured anyway"))
    with pytest.raises(CommandError, match="figures:start"):
        call_command("policy_report", "--check", doc=str(doc))
