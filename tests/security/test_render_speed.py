"""Rendering stays linear: no 20,000-character post can stall a worker (Python-Markdown took 4–13 s)."""

import time

import pytest

from bench.textgen import CRAFTED_UNITS, crafted
from forum.markdown import render_markdown

# Generous for a shared test machine; the real figure is bench/inprocess.py's crafted-input row.
BOUND_SECONDS = 1.0


@pytest.mark.parametrize("name", sorted(CRAFTED_UNITS))
def test_crafted_twenty_thousand_characters_render_and_assess_in_linear_time(name):
    from moderation.policy import assess, default_rules
    from moderation.policy.visible import visible_document

    text = crafted(name)
    rules = default_rules()
    render_markdown(text[:100])
    assess(visible_document(render_markdown(text[:100])), rules)
    started = time.process_time()
    html = render_markdown(text)
    assert time.process_time() - started < BOUND_SECONDS
    started = time.process_time()
    assess(visible_document(html), rules)
    assess(text, rules)  # the plain-text entry too
    assert time.process_time() - started < BOUND_SECONDS


def test_many_unclosed_brackets_still_leave_later_links_working():
    html = render_markdown("[" * 50 + " tekst [bron](https://www.rivm.nl/roken)")
    assert '<a href="https://www.rivm.nl/roken"' in html


def test_nested_lists_and_quotes_render():
    text = "".join("  " * i + "- punt\n" for i in range(40)) + "> " * 40 + "diep"
    html = render_markdown(text)
    assert html.count("<li>") == 40 and "diep" in html


def test_the_fast_reading_of_sanitised_html_sees_what_html_parser_sees():
    """visible_document reads the sanitiser's output with two regexes; html.parser must agree on every shape."""
    import random

    from bench import textgen
    from moderation.policy.visible import visible_document
    from tests.security import xss

    rng = random.Random(5)
    texts = [crafted(name, 3000) for name in CRAFTED_UNITS] + list(xss.MARKDOWN_TRICKS)
    texts += [textgen.body(rng, 120, kind) for kind in ("plain", "link", "sourced", "claim")]
    texts += ['> quote "x" & <b title="a>b">vet</b> ![alt "c"](/media/a.png "t") [^1]\n\n[^1]: noot PMID: 1']
    for text in texts:
        html = render_markdown(text)
        assert visible_document(html) == visible_document(html, parser_only=True), text[:80]
    assert visible_document("<p>a<!-- x --> b</p>") == visible_document("<p>a b</p>")  # another shape: html.parser


def test_quotes_nested_too_deep_keep_their_words_and_are_cut_to_a_hundred_levels():
    html = render_markdown(">" * 20_000 + " diep")
    assert "diep" in html and 90 <= html.count("<blockquote>") <= 100
    html = render_markdown("<ul><li>" * 2_000 + "binnen")
    assert "binnen" in html and html.count("<li>") <= 100
