"""Someone else's claim passed on in order to doubt it is not the author's claim (the spec:
"quoted or reported in order to ask about or doubt it"); passed on as true, it is."""

import pytest

from moderation.policy import default_rules
from moderation.policy.reported import doubted_reports
from moderation.policy.text import fold
from moderation.screening import screen

RULES = default_rules()

DOUBTED = [
    ("nl", "Iemand op het schoolplein zei dat kurkuma reuma geneest. Ik weet niet of dat klopt."),
    ("nl", "Mijn schoonmoeder zegt dat je van koffie hoge bloeddruk krijgt, maar dat geloof ik niet."),
    ("nl", "Op facebook las ik dat magnesium migraine voorkomt. Klinkt mij als onzin eerlijk gezegd."),
    ("en", "My neighbour swears that turmeric cures arthritis. Is that actually true?"),
    ("en", "I read that vitamin D prevents depression, but I'm not sure if that's true."),
]
PASSED_ON = [
    ("nl", "Iemand op het schoolplein zei dat kurkuma reuma geneest, en zo is het ook."),
    ("en", "My neighbour swears that turmeric cures arthritis, and no doubt she's right."),
    ("en", "Turmeric cures arthritis. Not sure if my GP agrees."),  # no report: the author's own claim
]


@pytest.mark.parametrize(("language", "text"), DOUBTED)
def test_a_report_the_author_doubts_is_not_their_claim(language, text):
    assert not screen(text, rules=RULES, language=language).health_claim


@pytest.mark.parametrize(("language", "text"), PASSED_ON)
def test_a_report_passed_on_as_true_is_the_authors_claim(language, text):
    result = screen(text, rules=RULES, language=language)
    assert result.health_claim and result.needs_review


@pytest.mark.parametrize("text", [
    "Mijn schoonmoeder zegt dat kurkuma reuma geneest, en ik twijfel er niet aan.",
    "My neighbour swears that turmeric cures arthritis, and no doubt she's right.",
    "I don't doubt what my sister says: turmeric cures arthritis.",
])
def test_doubt_turned_around_is_no_doubt(text):
    assert doubted_reports(fold(text)) == []


def test_only_the_doubted_report_is_left_out():
    text = ("Mijn tante zei dat kurkuma reuma geneest. Ik weet niet of dat klopt. "
            "Maar magnesium geneest spierkrampen bij iedereen, dat is zeker.")
    result = screen(text, rules=RULES, language="nl")
    assert result.health_claim and result.needs_review
    spans = doubted_reports(fold(text))
    assert [text[s:e] for s, e in spans] == ["Mijn tante zei dat kurkuma reuma geneest."]


def test_a_quoted_report_is_not_read_twice():
    text = "Mijn tante zei dat kurkuma reuma geneest. Klopt dat?"
    folded = fold(text)
    assert doubted_reports(folded, quotes=((0, len(text)),)) == []
