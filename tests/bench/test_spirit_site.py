"""The Spirit row's plan and setup, without installing Spirit (no network, no database)."""

import subprocess

import pytest

from bench import spirit_site

SPIRIT_COMMENT_MAX_LEN = 3000  # Spirit's ST_COMMENT_MAX_LEN: its comment form refuses longer posts


def test_plan_is_the_same_topic_for_the_same_seed():
    assert spirit_site.plan(7) == spirit_site.plan(7)
    assert spirit_site.plan(7) != spirit_site.plan(8)


def test_plan_has_a_hundred_answers_that_spirits_form_accepts():
    plan = spirit_site.plan()
    assert len(plan["answers"]) == 100 == len(plan["authors"])
    assert all(len(body) <= SPIRIT_COMMENT_MAX_LEN for body in [plan["question"], *plan["answers"]])
    assert len(set(plan["answers"])) == 100  # each ends with its own sentence
    assert all(0 <= author < len(plan["members"]) for author in plan["authors"])
    assert len(set(plan["members"])) == len(plan["members"])
    assert plan["comments_per_page"] == 30


def test_the_starter_answers_back_now_and_then():
    authors = spirit_site.plan()["authors"]
    assert [i for i, author in enumerate(authors) if author == 0] == list(range(0, 100, 9))


def test_posts_shown_counts_the_comment_texts_of_a_spirit_page():
    item = '<div class="comment__text js-comment-text"><p>Sterkte</p></div>'
    assert spirit_site.posts_shown("<html>" + item * 3 + '<div class="comment__text">') == 3


def test_a_failed_install_is_unavailable_and_leaves_no_half_virtualenv(tmp_path, monkeypatch):
    venv = tmp_path / "venv"
    monkeypatch.setattr(spirit_site, "VENV", venv)
    monkeypatch.setattr(spirit_site, "OUT", tmp_path / "out")
    monkeypatch.setattr(spirit_site, "PROJECT", tmp_path)

    def no_registry(command, **kwargs):
        venv.mkdir(exist_ok=True)
        return subprocess.CompletedProcess(command, 0 if "venv" in command else 1)

    monkeypatch.setattr(spirit_site.subprocess, "run", no_registry)
    with pytest.raises(spirit_site.Unavailable, match="could not install Spirit 0.14.3"):
        spirit_site.ensure_venv()
    assert not venv.exists()
