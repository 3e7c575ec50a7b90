"""`manage.py crisis_figures`: the figures in docs/POLICY.md are the ones the detector gives now."""

import io

import pytest
from django.core.management import CommandError, call_command

from moderation.management.commands import crisis_figures


@pytest.fixture(scope="module")
def measured_table():
    """The detector's table on the whole corpus, measured once for this module (a corpus pass costs seconds)."""
    return crisis_figures.figures_table()


@pytest.fixture
def measured_once(measured_table, monkeypatch):
    monkeypatch.setattr(crisis_figures, "figures_table", lambda: measured_table)
    return measured_table


def test_docs_show_the_current_crisis_figures(measured_once):
    out = io.StringIO()
    call_command("crisis_figures", "--check", stdout=out)
    assert "| test | nl |" in out.getvalue() and "| test | en |" in out.getvalue()


def test_check_fails_when_the_docs_are_stale(tmp_path, settings, measured_once):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "POLICY.md").write_text("<!-- crisis-figures:start -->\nold\n<!-- crisis-figures:end -->\n")
    settings.BASE_DIR = tmp_path
    with pytest.raises(CommandError, match="crisis_figures --write"):
        call_command("crisis_figures", "--check", stdout=io.StringIO())
    call_command("crisis_figures", "--write", stdout=io.StringIO())
    call_command("crisis_figures", "--check", stdout=io.StringIO())
    assert measured_once in (tmp_path / "docs" / "POLICY.md").read_text()
