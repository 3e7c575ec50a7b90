"""The crisis detector's learned second opinion (moderation/policy/crisis_model.py): it catches
indirect crisis posts the phrase rules miss, stays out of films, jokes and hyperbole, and is
trained reproducibly from the labelled posts (never from the test split)."""

import math

import numpy as np
import pytest

from moderation.policy import crisis_model
from moderation.policy.crisis import _correct_typos, detect_crisis, normalise, reading


@pytest.fixture(scope="module")
def model():
    loaded = crisis_model.model()
    assert loaded is not None, "moderation/policy/crisis_weights.npz is missing: run manage.py crisis_train"
    return loaded


def test_weights_are_small_and_load_once(model):
    assert crisis_model.WEIGHTS_PATH.stat().st_size < 2 * 1024 * 1024
    assert crisis_model.model() is model
    assert 0.5 <= model.threshold < 1


def test_an_indirect_post_the_rules_miss_is_a_crisis_by_the_model(model):
    # a way of saying it that no phrase family holds and no labelled post says in these words
    text = "Ik heb uitgezocht welke brug het hoogst is."
    assert not detect_crisis(text, learned=False).crisis
    result = detect_crisis(text)
    assert result.crisis and result.signals == ("model",) and result.about == "self"


HEALTH_TALK = {
    "nl": ("Ik heb sinds twee jaar reuma en de methotrexaat helpt maar matig. De internist wil nu "
           "biologicals proberen, de wachttijd is lang. {} Heeft iemand ervaring met adalimumab?"),
    "en": ("I've had lupus for years and the new biologic is slow to work. My rheumatologist is kind "
           "but busy. {} Does anyone else get mouth ulcers on it?"),
}


@pytest.mark.parametrize("language, sentence", [
    ("nl", "Ik heb uitgezocht welke brug het hoogst is."),
    ("en", "I've worked out how many of my tablets it would take."),
])
def test_one_alarming_sentence_in_a_long_post_about_health_is_not_averaged_away(model, language, sentence):
    without = HEALTH_TALK[language].format("")
    assert not detect_crisis(without).crisis
    result = detect_crisis(HEALTH_TALK[language].format(sentence))
    assert result.crisis and result.signals == ("model",)


@pytest.mark.parametrize("text", [
    "Heeft iemand de film gezien waarin ze van de brug springt? Ik lig er al uren wakker van.",
    "Ik ga dood van de zenuwen voor mijn rijexamen morgen, haha.",
    "So embarrassing, I wanted the ground to swallow me whole.",
    "",
])
def test_films_jokes_and_hyperbole_are_never_left_to_the_model(text):
    assert not detect_crisis(text).crisis


def test_the_score_is_deterministic(model):
    t = _correct_typos(normalise("Ik wil dat het stopt, voorgoed."))
    again = crisis_model.CrisisModel.load()
    assert model.score(t) == again.score(t)
    assert np.array_equal(model.weights, again.weights)


def test_training_reads_only_train_and_dev_and_matches_the_committed_weights(model):
    pytest.importorskip("sklearn")
    from moderation import crisis_learning  # training needs scikit-learn, a development dependency

    posts = crisis_learning.training_posts()
    assert posts and {p["split"] for p in posts} == {"train", "dev"}
    assert model.meta.get("posts") == len(posts), "the labelled posts changed: run manage.py crisis_train"
    assert model.meta.get("cv_fpr", 1.0) <= crisis_learning.MAX_FPR
    # cross-validated "rules or model" on the blind rounds of train and dev, each round scored by a model
    # that never saw it, where the threshold is calibrated (docs/POLICY.md)
    assert model.meta.get("cv_recall", 0.0) >= 0.85  # on the blind rounds r8-r27 but the test split: measured 0.876 at false-positive rate 0.049 (round 26)
    assert model.meta.get("cv_recall", 0.0) > model.meta.get("cv_rules_recall", 1.0)


def test_a_film_named_early_in_a_long_post_no_longer_hides_a_cry_for_help_further_on(model):
    text = ("Ik heb sinds twee jaar reuma en de methotrexaat helpt maar matig. Gisteren zag ik de film "
            "Het Smelt, wat een verhaal. De internist wil nu biologicals proberen, de wachttijd is lang. "
            "{}Heeft iemand ervaring met adalimumab?")
    assert not detect_crisis(text.format("")).crisis
    result = detect_crisis(text.format("Ik heb uitgezocht welke brug het hoogst is. "))
    assert result.crisis and result.signals == ("model",)


@pytest.mark.parametrize("text", ["ik wil dood. haha", "Ik wil gewoon verdwijnen. lol.", "So embarrassing. I want to disappear."])
def test_a_joke_or_hyperbole_in_the_next_sentence_still_keeps_the_model_out(text):
    assert not detect_crisis(text).crisis


def test_long_ordinary_support_posts_do_not_add_up_to_a_crisis():
    """Generated burnout-support answers (bench/textgen.py: no crisis content) of 40, 180 and 400
    words: the score is the most alarming sentence, so length adds no evidence. Until round 11 the
    whole post was scored as one span too and 99 in 100 of the 400-word posts raised an alert."""
    import random

    from bench import textgen
    from forum.markdown import render_markdown
    from moderation.policy.crisis import crisis_text

    rng = random.Random(20261202)
    for words in (40, 180, 400):
        posts = [textgen.body(rng, words, kind) for kind in ("plain", "link", "sourced", "claim") for _ in range(10)]
        alarms = sum(detect_crisis(crisis_text(render_markdown(post))).crisis for post in posts)
        assert alarms <= 0.05 * len(posts), (words, alarms)


@pytest.mark.parametrize("sentence", [
    "Ik wil liever niet nog een pil erbij als het niet hoeft.",
    "Ik ben 51 en sinds een jaar ben ik mezelf niet meer.",
    "I want my life back and I think this might be the start of it.",
    "I do not wish to take antidepressants.",
])
def test_a_short_first_person_sentence_with_a_wish_or_a_pill_is_not_alarming_by_itself(model, sentence):
    """Fitted on whole posts (until round 17), the model learnt the ordinary sentences around a buried cry
    for help as alarming, and each of these scored 0.95-0.99; fitted on sentences they read 0.20-0.77.
    Since round 21 one sentence meets a lower threshold (0.75 with the long-post allowance, where a
    forty-sentence post needs 0.99): they read 0.65 and less, below it by at least 0.4 on the logit."""
    score = model.score(reading(sentence))
    assert math.log(score / (1 - score)) < math.log(model.threshold / (1 - model.threshold)) - 0.4
