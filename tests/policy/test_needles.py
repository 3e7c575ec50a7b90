"""moderation.policy.needles: the words an expression cannot match without."""

import json
import re
from pathlib import Path

import pytest

from moderation.policy import crisis
from moderation.policy.needles import needles


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bstoppen\s+met\s+(?:leven|ademen)\b", {"stoppen"}),
    (r"\bstop\s+met\s+(?:leven|ademen)\b", {"leven", "ademen"}),
    (r"\b(?:ik|k)\s+(?:\w+\s+){0,4}?wil\s+sterven", {"sterven"}),
    (r"(?:zelf\s?moord\w*|suicid\w*)", {"moord", "suicid"}),
    (r"kan\s+(?:je|jij)", {"kan"}),
])
def test_needles_are_the_rarest_words_every_match_holds(pattern, expected):
    assert needles(re.compile(pattern)) == expected


@pytest.mark.parametrize("pattern", [r"\w+", r"(?:ab|\d)", r"x?", "(?i)abc", r"(?:ab)*"])
def test_an_expression_that_may_match_without_a_word_has_no_needles(pattern):
    assert needles(re.compile(pattern)) is None


def test_every_crisis_pattern_match_holds_one_of_its_needles():
    posts = Path(crisis.__file__).with_name("crisis_corpus") / "posts.jsonl"
    texts = [crisis.reading(json.loads(line)["text"]) for line in posts.read_text("utf-8").splitlines()]
    checked = 0
    for _name, pattern in crisis._SELF + crisis._OTHER:
        words = needles(pattern)
        for text in texts:
            for match in pattern.finditer(text):
                assert words is None or any(word in match.group() for word in words), (pattern.pattern, match.group())
                checked += 1
    assert checked > 500
