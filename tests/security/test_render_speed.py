"""Rendering stays linear: no 20,000-character post can stall a worker (Python-Markdown took 4–13 s)."""

import time

import pytest

from forum.markdown import render_markdown

N = 20_000
# Shapes that make backtracking or rescanning parsers slow, each 20,000 characters long.
CRAFTED = {
    "open-tags": "<a ", "brackets": "[", "image-brackets": "![", "link-openers": "[a](", "footnote-openers": "[^",
    "stars": "*", "star-words": "*a ", "underscore-words": "_a ", "quotes": ">", "quote-list": "> - ",
    "backticks": "`", "backtick-runs": "`a``", "lists": "- ", "less-than": "<", "ampersands": "&", "char-refs": "&#",
    "tildes": "~~a ", "pipes": "|", "urls": "http://a.b/", "www": "www.", "dois": "doi:10.1234/(", "pmids": "PMID: 1 ",
    "comments": "<!--", "autolinks": "<http://a", "parens": "(", "backslashes": "\\", "attributes": '<a x="',
    "headings": "#", "setext": "a\n=\n", "fences": "```\n", "hard-breaks": "a  \n", "emphasis-nest": "**a *b ",
}
# Generous for a shared test machine; the real figure is bench/inprocess.py's crafted-input row.
BOUND_SECONDS = 1.0


def crafted(unit):
    return (unit * (N // len(unit) + 1))[:N]


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_crafted_twenty_thousand_characters_render_in_linear_time(name):
    text = crafted(CRAFTED[name])
    render_markdown(text[:100])
    started = time.process_time()
    render_markdown(text)
    assert time.process_time() - started < BOUND_SECONDS


def test_many_unclosed_brackets_still_leave_later_links_working():
    html = render_markdown("[" * 50 + " tekst [bron](https://www.rivm.nl/roken)")
    assert '<a href="https://www.rivm.nl/roken"' in html


def test_nested_lists_and_quotes_render():
    text = "".join("  " * i + "- punt\n" for i in range(40)) + "> " * 40 + "diep"
    html = render_markdown(text)
    assert html.count("<li>") == 40 and "diep" in html
