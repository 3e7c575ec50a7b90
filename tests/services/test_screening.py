"""The whole pipeline judges what readers see: render → sanitise → visible text → assess.

Every evasion family of issue 13 is tried three ways: through the pipeline with the default
rules (each case also shows that the raw Markdown text would have slipped past), through
posting an answer (the post is held), and through `manage.py assess`.
"""

import io
import json

import pytest
from django.core.management import call_command

from forum import services
from forum.models import Visibility
from moderation.policy import assess, default_rules
from moderation.policy.learned import rules_only
from moderation.screening import screen

RULES = default_rules()
CLAIM = "Magnesium geneest spierkrampen bij iedereen."

# Claims readers see normally, written so that the characters or markup hide them from a
# reader of the raw text.
HIDDEN_CLAIMS = {
    "zero-width characters inside words": "Magnesium ge\u200bne\u200best spier\u200dkrampen bij iedereen.",
    "Braille blanks as spaces": "Slik\u2800elke\u2800dag\u2800500\u2800mg\u2800magnesium.",
    "soft hyphens": "Magne\u00adsium ge\u00adneest spier\u00adkrampen bij iedereen.",
    "letters as HTML entities": "Magnesium &#103;&#x65;neest spierkr&#97;mpen bij iedereen.",
    "empty tags and comments inside a word": "Magnesium ge<span></span>neest spier<!-- x -->krampen bij iedereen.",
    "emphasis splits": "Magnesium ge**nee**st spier*kram*pen bij iedereen.",
    "Cyrillic look-alikes": "Magn\u0435sium g\u0435n\u0435\u0435st spi\u0435rkramp\u0435n bij i\u0435d\u0435r\u0435\u0435n.",
    "Greek look-alikes": "M\u03b1gnesium v\u03bf\u03bfrk\u03bfmt kr\u03b1mpen.",
    "fullwidth letters": "\uff2d\uff41\uff47\uff4e\uff45\uff53\uff49\uff55\uff4d \uff47\uff45\uff4e\uff45\uff45\uff53\uff54"
                         " spierkrampen bij iedereen.",
}

# Sources that must not count: the claim stays held.
NOT_SOURCES = {
    "URL inside an HTML comment": "<!-- https://richtlijnen.nhg.org/standaarden/spierkrampen -->",
    "URL inside script and style": "<script>https://pubmed.ncbi.nlm.nih.gov/1/</script>"
                                   "<style>a{background:url(https://pubmed.ncbi.nlm.nih.gov/2/)}</style>",
    "image the sanitiser drops": "![studie](https://pubmed.ncbi.nlm.nih.gov/1/)",
    "attribute the sanitiser drops": '<p data-source="https://pubmed.ncbi.nlm.nih.gov/1/">bron</p>',
    "href the sanitiser removes": "[bron](javascript:alert('https://pubmed.ncbi.nlm.nih.gov/1/'))",
    "good URL as link text only": "[https://pubmed.ncbi.nlm.nih.gov/1/](https://example.com/x)",
    "bare domain mention": "Het staat op thuisarts.nl, zoek maar op.",
    "preprint DOI written as text": "doi:10.1101/2020.03.01.123456",
    "repository DOI link": "https://doi.org/10.5281/zenodo.123456",
    "home page": "https://www.thuisarts.nl/",
    "search page": "https://www.thuisarts.nl/zoeken?q=kramp",
    "PubMed search": "https://pubmed.ncbi.nlm.nih.gov/?term=magnesium",
    "look-alike domain": "https://thuisarts.nl.voorbeeld.com/spierkrampen",
    "look-alike name": "https://rivm-info.nl/spierkrampen",
    "look-alike letters": "https://wh\u043e.int/news/magnesium",
}

SOURCES = {
    "guideline link": "[NHG](https://richtlijnen.nhg.org/standaarden/spierkrampen)",
    "DOI written as text": "doi:10.1056/NEJMoa2032994",
    "PMID written as text": "PMID: 30301513",
    "pasted address": "https://www.thuisarts.nl/spierkrampen",
    "journal article recognised by its DOI": "https://journal.example.org/doi/10.1234/abcd.5678",
}


@pytest.mark.parametrize("family", sorted(HIDDEN_CLAIMS))
def test_hidden_claim_is_held_by_the_pipeline(family):
    text = HIDDEN_CLAIMS[family]
    assert screen(text, rules=RULES).needs_review
    if family != "Braille blanks as spaces":  # the old entry still caught "500 mg" alone
        with rules_only():  # the model reads a normalised stand-in of plain strings; the rules alone show what raw reading missed
            assert not assess(text, RULES).health_claim, "the raw text should not show the claim"


def test_a_claim_only_inside_a_quote_is_not_the_authors():
    result = screen(f"> {CLAIM}\n\nKlopt dat eigenlijk?", rules=RULES)
    assert not result.health_claim and not result.needs_review
    with rules_only():
        assert assess(f"> {CLAIM}\n\nKlopt dat eigenlijk?", RULES).needs_review  # the rules on the raw text would hold it


def test_the_authors_own_claim_next_to_a_quote_is_held():
    assert screen(f"> Iemand vroeg of het werkt.\n\n{CLAIM}", rules=RULES).needs_review


@pytest.mark.parametrize("family", sorted(NOT_SOURCES))
def test_a_source_readers_cannot_follow_does_not_count(family):
    result = screen(f"{CLAIM} {NOT_SOURCES[family]}", rules=RULES)
    assert result.needs_review and not result.qualifying_sources


@pytest.mark.parametrize("family", sorted(SOURCES))
def test_a_followable_qualifying_source_counts(family):
    result = screen(f"{CLAIM} {SOURCES[family]}", rules=RULES)
    assert not result.needs_review and result.qualifying_sources


@pytest.mark.parametrize("link,reason", [
    ("https://www.thuisarts.nl/", "home_page"),
    ("https://www.thuisarts.nl/zoeken?q=kramp", "search_page"),
    ("https://www.rivm.nl/contact", "not_document"),
    ("https://example.com/magnesium", "not_listed"),
    ("https://rivm-info.nl/kramp", "lookalike"),
    ("https://www.medrxiv.org/content/10.1101/2020.03.01.123456v1", "preprint"),
    ("https://bit.ly/abc", "blocked"),
    ("[mail](mailto:info@rivm.nl)", "scheme"),
])
def test_each_refused_link_carries_its_reason(link, reason):
    [source] = screen(f"{CLAIM} {link}", rules=RULES).refused_sources
    assert source.reason == reason


def test_a_question_is_judged_with_its_title():
    assert screen("Wat denken jullie?", rules=RULES, title=CLAIM).needs_review
    assert not screen("Wat denken jullie?", rules=RULES).needs_review


# ------------------------------------------------------------ through the services


@pytest.mark.django_db
@pytest.mark.parametrize("family", sorted(HIDDEN_CLAIMS))
def test_a_posted_answer_with_a_hidden_claim_is_held(family, answer_factory):
    answer = answer_factory(body=HIDDEN_CLAIMS[family])
    assert answer.visibility == Visibility.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize("family", sorted(NOT_SOURCES))
def test_a_posted_claim_with_a_source_that_does_not_count_is_held(family, answer_factory):
    answer = answer_factory(body=f"{CLAIM} {NOT_SOURCES[family]}")
    assert answer.visibility == Visibility.PENDING


@pytest.mark.django_db
def test_an_edit_that_adds_a_hidden_claim_holds_the_answer(member, answer_factory):
    answer = answer_factory(author=member, body="Sterkte, ik hoop dat het snel beter gaat.")
    assert answer.visibility == Visibility.PUBLISHED
    answer = services.post_edit(actor=member, post=answer, body=HIDDEN_CLAIMS["emphasis splits"])
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PENDING


@pytest.mark.django_db
def test_a_claim_put_in_the_title_by_an_edit_holds_the_question(member, topic_factory):
    topic = topic_factory(author=member, title="Wie heeft er tips?", body="Ik heb vaak last van krampen.")
    question = topic.posts.get(is_question=True)
    assert question.visibility == Visibility.PUBLISHED
    services.post_edit(actor=member, post=question, body=question.body, title=CLAIM)
    question.refresh_from_db()
    assert question.visibility == Visibility.PENDING
    assert any(match["text"] == "geneest" for match in question.assessment["matched"])


@pytest.mark.django_db
def test_the_hold_notice_says_why_each_link_did_not_count(client, member, topic):
    answer = services.answer_post(actor=member, topic=topic, body=f"{CLAIM} https://www.thuisarts.nl/ en https://rivm-info.nl/x")
    client.force_login(member)
    html = client.get(topic.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert answer.visibility == Visibility.PENDING
    assert "Deze links tellen niet als bron:" in html
    assert "het is de voorpagina van de site" in html
    assert "het adres lijkt op een bekende bron" in html

    english = client.get(topic.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "These links did not count as a source:" in english and "home page" in english


# ------------------------------------------------------------ through manage.py assess


@pytest.mark.django_db
def test_manage_py_assess_holds_every_evasion(tmp_path):
    cases = {f"claim: {k}": v for k, v in HIDDEN_CLAIMS.items()}
    cases.update({f"source: {k}": f"{CLAIM} {v}" for k, v in NOT_SOURCES.items()})
    data = tmp_path / "evasions.jsonl"
    data.write_text("".join(json.dumps({"id": key, "text": text}) + "\n" for key, text in cases.items()))
    out = io.StringIO()
    call_command("assess", "--jsonl", str(data), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {line["id"] for line in lines} == set(cases)
    assert [line["id"] for line in lines if not line["needs_review"]] == []


@pytest.mark.django_db
def test_manage_py_assess_reports_why_links_were_refused(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": 1, "text": f"{CLAIM} https://www.thuisarts.nl/"}) + "\n"
                    + json.dumps({"id": 2, "text": "Wat denken jullie?", "title": CLAIM}) + "\n")
    out = io.StringIO()
    call_command("assess", "--jsonl", str(data), stdout=out)
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["refused"] == [{"url": "https://www.thuisarts.nl/", "reason": "home_page"}]
    assert second["needs_review"]
