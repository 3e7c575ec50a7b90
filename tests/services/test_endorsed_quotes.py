"""Endorsed quotes: a member who quotes a claim and agrees with it ("precies dit", "+1, this is
true") makes the claim in their own name, so the answer is held like their own claim would be; a
quote the author questions or contradicts stays someone else's words.

Through the whole pipeline (render → sanitise → visible text → assess), and through posting.
"""

import pytest

from forum.models import Visibility
from moderation.policy import default_rules
from moderation.policy.endorse import own_words
from moderation.policy.visible import visible_document
from moderation.screening import screen, visible_post

RULES = default_rules()
NL_CLAIM = "Magnesium geneest spierkrampen, neem elke avond 400 mg."
EN_CLAIM = "Ibuprofen wrecks your stomach lining if you take it for more than a few days."

ENDORSED = [
    f"> {NL_CLAIM}\n\nPrecies dit.",
    f"> {NL_CLAIM}\n\nDit klopt, zo zit het echt.",
    f"> {NL_CLAIM}\n\nHelemaal mee eens!",
    f"Sanne schreef:\n\n> {NL_CLAIM}\n\nidd, dat is gewoon waar",
    f"> {EN_CLAIM}\n\nExactly this.",
    f"> {EN_CLAIM}\n\n+1, this is true",
    f"> {EN_CLAIM}\n\nSo true. Took me years to learn it.",
    f"Exactly this:\n\n> {EN_CLAIM}",
]

NOT_ENDORSED = [
    f"> {NL_CLAIM}\n\nKlopt dit?",
    f"> {NL_CLAIM}\n\nDit klopt niet, bij mij deed het niks.",
    f"> {NL_CLAIM}\n\nNiet helemaal mee eens, ik zou het eerst aan de huisarts vragen.",
    f"> {EN_CLAIM}\n\nIs that true? I can't find anything about it.",
    f"> {EN_CLAIM}\n\nI don't agree, where did you read that?",
    f"> {EN_CLAIM}\n\nThat's not true for everyone, is it?",
]


@pytest.mark.parametrize("text", ENDORSED)
def test_a_quoted_claim_the_author_endorses_is_held(text):
    result = screen(text, rules=RULES)
    assert result.health_claim and result.needs_review


@pytest.mark.parametrize("text", NOT_ENDORSED)
def test_a_quoted_claim_the_author_questions_is_not_the_authors(text):
    result = screen(text, rules=RULES)
    assert not result.health_claim and not result.needs_review


def test_agreement_with_a_quote_that_claims_nothing_holds_nothing():
    assert not screen("> Mijn server is traag sinds de update.\n\n+1, precies dit.", rules=RULES).health_claim


def test_endorsement_of_a_sourced_quote_is_published():
    text = f"> {EN_CLAIM} https://www.nhs.uk/medicines/ibuprofen-for-adults/\n\nExactly this."
    result = screen(text, rules=RULES)
    assert result.health_claim and not result.needs_review


def test_only_the_endorsed_quote_becomes_the_authors():
    text = f"> {NL_CLAIM}\n\nKlopt dit?\n\n> Je moet gewoon veel water drinken.\n\nPrecies dit."
    doc = own_words(visible_post(text))
    assert "water drinken" in doc.author_text
    assert "Magnesium" not in doc.author_text
    assert len(doc.quotes) == 1


def test_a_document_without_quotes_is_unchanged():
    doc = visible_document("<p>Precies dit.</p>")
    assert own_words(doc) is doc


@pytest.mark.django_db
def test_posting_an_endorsed_quote_holds_the_answer(answer_factory):
    assert answer_factory(body=f"> {EN_CLAIM}\n\n+1, this is true").visibility == Visibility.PENDING
    assert answer_factory(body=f"> {EN_CLAIM}\n\nIs that true?").visibility == Visibility.PUBLISHED
