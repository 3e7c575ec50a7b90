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


def _screening_seconds(text, rules, rounds=3):
    """Best CPU time of rendering, assessing and reading crisis signals of ``text``."""
    from moderation.policy import assess
    from moderation.policy.crisis import crisis_text, detect_crisis
    from moderation.policy.visible import forget_documents, visible_document

    best = None
    for _ in range(rounds):
        forget_documents()
        started = time.process_time()
        html = render_markdown(text)
        assess(visible_document(html), rules)
        detect_crisis(crisis_text(html))
        elapsed = time.process_time() - started
        best = elapsed if best is None else min(best, elapsed)
    return best


# Twice the text may cost twice the time, and a little more on a busy machine; a quadratic step costs
# four times. Texts screened in a few milliseconds are compared from this floor, below which a timer
# on a shared machine says little.
LINEAR_RATIO = 3.0
FLOOR_SECONDS = 0.004


@pytest.mark.parametrize("name", sorted(CRAFTED_UNITS))
def test_screening_a_crafted_post_twice_as_long_costs_about_twice_as_much(name):
    from moderation.policy import default_rules

    rules = default_rules()
    _screening_seconds(crafted(name, 1000), rules, rounds=1)
    half = _screening_seconds(crafted(name, 10_000), rules)
    whole = _screening_seconds(crafted(name, 20_000), rules)
    assert whole / max(half, FLOOR_SECONDS) < LINEAR_RATIO, (name, half, whole)


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
    texts += [  # block quotes: nested, empty, one after another, with links, tables and lists inside
        "> Vitamine D geneest [alles](https://example.org/a).\n\nKlopt dat? Zie https://www.rivm.nl/x",
        "Eerst.\n\n> een\n>> twee\n>>> drie\n\nmidden\n\n> vier\n\n>\n\nslot",
        "> | a | b |\n> |---|---|\n> | c | d |\n\n> - lijst\n>   1. genest\n\n**vet** na de quote",
        "> eind zonder tekst erna", "<blockquote>rauw</blockquote> en <blockquote><p>x</p></blockquote>",
        "> a  \n> b &amp; c\n\n---\n\n> [link *niet* plat](https://x.nl)\n\ntekst",
    ]
    for text in texts:
        html = render_markdown(text)
        assert visible_document(html) == visible_document(html, parser_only=True), text[:80]
    assert visible_document("<p>a<!-- x --> b</p>") == visible_document("<p>a b</p>")  # another shape: html.parser


def test_quotes_nested_too_deep_keep_their_words_and_are_cut_to_a_hundred_levels():
    html = render_markdown(">" * 20_000 + " diep")
    assert "diep" in html and 90 <= html.count("<blockquote>") <= 100
    html = render_markdown("<ul><li>" * 2_000 + "binnen")
    assert "binnen" in html and html.count("<li>") <= 100


def _depth_cut_one_tag_at_a_time(html, limit=100):
    """The depth cut as it was written first, one Python step per tag: the reference for the numpy one."""
    import re

    void = tuple(f"<{name}" for name in "area base br col embed hr img input link meta param source track wbr".split())
    parts = re.split(r"""(</?[a-zA-Z][a-zA-Z0-9]*+(?:[^>"']++|"[^"]*+"|'[^']*+')*+>)""", html)
    kept, stack, deepest, depth = 0, [], 0, 0
    for closing in re.findall(r"<(/?)(?!br[\s/>]|img[\s/>]|hr[\s/>])[a-zA-Z]", html):
        depth = depth + 1 if not closing else max(depth - 1, 0)
        deepest = max(deepest, depth)
    for index in range(1, len(parts), 2):
        tag = parts[index]
        if tag[1] == "/":
            if not stack or stack.pop():
                kept = max(kept - 1, 0)
            else:
                parts[index] = ""
        elif tag[:8].lower().startswith(void):
            continue
        elif kept < limit:
            stack.append(True)
            kept += 1
        else:
            stack.append(False)
            parts[index] = ""
    return deepest > limit, "".join(parts)


def test_the_depth_cut_drops_exactly_the_elements_nested_too_deep():
    """Stray end tags, unclosed elements, void tags in any case and attributes with ">" in them: the
    numpy depth count and cut give what the one-tag-at-a-time reading gives."""
    import random

    from forum.markdown import markdown_html
    from forum.markdown_limits import flatten as _flatten
    from forum.markdown_limits import too_deep as _too_deep

    rng = random.Random(7)
    pieces = ["<div>", "</div>", "<ul><li>", "</li></ul>", "<BR>", "<br/>", "<img src=x>", "<Col>", "</p>",
              "<p title='a>b'>", '<a href="x>">', "</a>", "tekst ", "<hr>", "</br>", "<blockquote>", "<sourcex>"]
    soups = ["".join(rng.choice(pieces) for _ in range(rng.randint(50, 600))) for _ in range(300)]
    soups += ["</div>" * 30 + "<div>" * 150 + "x" + "</div>" * 200, "<div>" * 101, "<div>" * 100 + "</div>" * 100]
    soups += [markdown_html(crafted(name, 3000)) for name in CRAFTED_UNITS]
    cut = 0
    for soup in soups:
        too_deep, flattened = _depth_cut_one_tag_at_a_time(soup)
        assert _too_deep(soup) == too_deep, soup[:80]
        assert _flatten(soup) == flattened, soup[:80]
        cut += too_deep
    assert cut > 20  # the soups do go deeper than the limit, often
