"""How the learned component decides on a whole answer (moderation.policy.learned.decide and
combine): a threshold that rises with the number of sentences, the rules' claim judged by the
model's score of that sentence, and one's own dose as testimony.

No database: plain Python and the committed weights.
"""

import pytest

from moderation.policy import assess, default_rules, learned
from moderation.screening import screen

RULES = default_rules()


@pytest.fixture(scope="module")
def model():
    d = learned.detector()
    assert d is not None, "moderation/policy/learned_weights.npz is missing: run manage.py policy_train"
    return d


def test_the_claim_threshold_rises_with_the_number_of_sentences(model):
    one, five, thirty = (model.answer_threshold(n) for n in (1, 5, 30))
    assert one == pytest.approx(model.claim_threshold)
    assert model.answer_threshold(0) == one
    assert model.slope > 0 and one < five < thirty <= 0.995
    assert model.clear_threshold <= model.claim_threshold


# (sentences as (score, own experience, rules' claim), rules' claim, expected claim, flagged)
DECISIONS = [
    ([(0.9, False, False)], False, True, [0]),                  # the model alone is sure
    ([(0.9, True, False)], False, False, []),                   # ... but it is the author's own story
    ([(0.9, True, True)], True, True, []),                      # own story the rules read as a claim, model agrees
    ([(0.2, True, True), (0.5, False, False)], True, False, []),  # own dose the model clears; warm sentence elsewhere
    ([(0.2, False, False), (0.5, False, True)], True, True, []),   # the rules' sentence reaches "clear"
    ([(0.5, False, True)], False, False, []),                   # no rules' claim, below the claim threshold
    ([], True, False, []),                                      # nothing the model could score
]


@pytest.mark.parametrize(("view", "rules_claim", "claim", "flagged"), DECISIONS)
def test_decide(view, rules_claim, claim, flagged):
    assert learned.decide(view, rules_claim, threshold=0.8, clear=0.4) == (claim, flagged)


LONG_NL = """Hoi Marleen,

Wat een herkenbaar verhaal, ik lees het met een brok in mijn keel. Ik heb vorig jaar ongeveer
hetzelfde meegemaakt met mijn vader. In het begin wist ik echt niet waar ik moest beginnen.
De huisarts heeft ons toen in contact gebracht met de thuiszorg, die kwam twee keer per week.
Mijn werkgever was gelukkig flexibel met mijn uren. Ik heb mijn week in blokken verdeeld zodat
ik ook nog tijd voor mezelf had. Sommige weken lukte dat beter dan andere.

Zelf slik ik trouwens al een paar jaar 20 mg citalopram, dat staat er verder los van.

Het belangrijkste voor mij was dat ik het niet allemaal alleen hoefde te doen. Mijn zus nam de
administratie over en mijn buurvrouw deed af en toe boodschappen. Schrijf gerust een lijstje
met vragen voor het volgende gesprek, dan vergeet je niks.{claim}

Heel veel sterkte, je doet het echt goed.
Groetjes, Ans"""

LONG_EN = """Hi Sam,

Your post really hit home, I went through something very similar with my dad last year. At
first I had no idea where to start. Our GP put us in touch with the home care team and they
came twice a week. My boss was thankfully flexible about my hours. I split my week into blocks
so I still had some time for myself. Some weeks that worked better than others.

I've been on 50 mg of sertraline myself for a few years, but that's a separate story.

The most important thing for me was not having to do everything alone. My sister took over
the paperwork and a neighbour did some shopping now and then. Write down your questions
before the next meeting so you don't forget anything.{claim}

Sending you lots of strength, you're doing great.
Ans"""


@pytest.mark.parametrize(("template", "claim"), [
    (LONG_NL, " Van elke dag een half uur wandelen gaat je stemming echt vooruit, dat werkt bij iedereen."),
    (LONG_EN, " Half an hour of walking every day lifts your mood, it works for everyone."),
])
def test_a_long_friendly_answer_is_held_for_its_one_claim_and_not_without_it(template, claim):
    without = assess(template.format(claim=""), RULES)
    assert not without.health_claim, (without.flagged, [m.text for m in without.matched])
    held = assess(template.format(claim=claim), RULES)
    assert held.health_claim and held.needs_review
    assert any(claim.strip()[:20] in f.text for f in held.flagged), held.flagged


@pytest.mark.parametrize("text", [
    "Ik zit sinds de zomer op 100 mg sertraline, dat gaat nu prima.",
    "My GP put me on 25 mg of amitriptyline at night last month.",
])
def test_ones_own_dose_is_testimony_but_its_amount_is_listed(text):
    result = assess(text, RULES)
    assert not result.health_claim, result.flagged
    assert any("mg" in m.text for m in result.matched)


@pytest.mark.parametrize("text", [
    "Neem gewoon elke ochtend 100 mg sertraline, dat is voor iedereen de beste dosis.",
    "Just take 25 mg of amitriptyline at night, that's the right dose for everyone.",
])
def test_a_dose_given_as_advice_is_a_claim(text):
    result = assess(text, RULES)
    assert result.health_claim and result.needs_review


def test_training_sees_the_same_decision_as_assess(model):
    text = LONG_NL.format(claim=" Van elke dag een half uur wandelen gaat je stemming echt vooruit.")
    with learned.recording() as seen:
        result = assess(text, RULES)
    (view, rules_claim), = seen
    threshold = model.answer_threshold(learned.counted(score for score, _own, _rule in view))
    claim, _ = learned.decide(view, rules_claim, threshold, model.clear_threshold)
    assert claim == result.health_claim


STORY = {
    "nl": ["ik was gisteren bij de markt", "het weer was best aardig", "mijn buurman waste zijn auto",
           "we hebben koffie gedronken op het terras", "de kinderen speelden in het park",
           "daarna zijn we naar huis gefietst", "de hond wilde nog even wandelen"],
    "en": ["I went to the market yesterday", "the weather was quite nice", "my neighbour washed his car",
           "we had coffee on the terrace", "the kids played in the park", "afterwards we cycled home",
           "the dog wanted another walk"],
}
STORY_CLAIM = {"nl": "en kurkuma geneest reuma gegarandeerd binnen twee weken",
               "en": "and turmeric cures arthritis within two weeks, guaranteed"}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("clauses", [7, 21, 70])
def test_a_claim_at_the_end_of_a_long_story_sentence_is_held(language, clauses):
    """One comma-spliced sentence of 250 to 2,500 characters: the story must not drown the claim
    (it did: the model cleared even the rules' claim at 262 characters)."""
    story = ", ".join((STORY[language] * 10)[:clauses])
    assert not screen(story + ".", rules=RULES, language=language).health_claim
    held = screen(f"{story}, {STORY_CLAIM[language]}.", rules=RULES, language=language)
    assert held.needs_review
    # moderators are shown the claim: the rules' phrase or the model's window around it
    shown = [m.text for m in held.matched] + [f.text for f in held.flagged]
    assert any(("geneest" if language == "nl" else "cures") in text for text in shown), shown


@pytest.mark.parametrize("text", [
    "Bij mij verdween de hoofdpijn toen ik meer water ging drinken, dus probeer het gewoon.",
    "Since I cut out coffee my migraines are gone, so just skip the coffee for a month.",
])
def test_ones_own_experience_turned_into_advice_in_the_same_sentence_is_a_claim(text):
    """Told about oneself, then given to others: the model decides, the first person does not
    veto it (it did: both were published)."""
    result = assess(text, RULES)
    assert result.health_claim and result.needs_review, result.flagged


@pytest.mark.parametrize(("text", "turns"), [
    ("Sinds ik zonder koffie leef slaap ik beter, dat zou iedereen moeten doen.", True),
    ("I've used it for years and it does not make you fat, that's a myth.", True),
    ("Bij mij hielp het, dus ik zou het zeker proberen.", True),
    ("Bij mij duurde het herstel een half jaar, maar iedereen is anders.", False),
    ("Ik slik sinds mei 50 mg sertraline, dat gaat prima.", False),
    ("I can tell you it was a hard year.", False),
    ("Ik zou graag weten hoe het bij jou ging.", False),
])
def test_which_sentences_turn_to_others(text, turns):
    assert learned.turns_to_others(text) is turns


def test_ones_own_story_with_everyone_is_different_stays_testimony():
    assert not assess("Bij mij duurde het herstel een half jaar, maar iedereen is anders.", RULES).health_claim


SYMPATHY = ["Wat fijn dat je dit deelt.", "Ik herken veel van wat je schrijft.", "Sterkte de komende tijd.",
            "Mijn huisarts was ook erg begripvol.", "Neem de tijd voor jezelf.", "Laat je weten hoe het gaat?"]


@pytest.mark.parametrize("claim", [
    "Gorgelen met zout water en je keelpijn is de volgende dag over.",
    "Smeer er elke avond wat vaseline op, dan is die eczeemplek binnen een week weg.",
])
@pytest.mark.parametrize("padding", [0, 6, 30, 90])
def test_small_talk_around_a_claim_does_not_hide_it(claim, padding):
    """Sentences that cannot be a false alarm do not raise the answer's threshold (they did:
    six sentences of sympathy published both claims)."""
    text = " ".join((SYMPATHY * 15)[:padding] + [claim])
    assert screen(text, rules=RULES, language="nl").needs_review


@pytest.mark.parametrize("text", [
    "Van die griepprik word je juist ziek, daarom neem ik hem nooit.",
    "Melatonine maakt je op den duur afhankelijk, dus ik slik het nooit meer.",
    "Statins wreck your muscles, so I take mine only every other day.",
])
def test_a_general_clause_beside_ones_own_choice_is_a_claim(text):
    """The first person is in one clause, a claim about everyone in the other."""
    result = assess(text, RULES)
    assert result.health_claim and result.needs_review
