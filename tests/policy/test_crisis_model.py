"""The crisis detector's learned second opinion (moderation/policy/crisis_model.py): it catches
indirect crisis posts the phrase rules miss, stays out of films, jokes and hyperbole, and is
trained reproducibly from the labelled posts (never from the test split)."""

import numpy as np
import pytest

from moderation.policy import crisis_model
from moderation.policy.crisis import _correct_typos, detect_crisis, normalise


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
    # written for dev in round 9; the phrase rules have no family for it
    text = "Ik lig al uren te bedenken welke brug het hoogst is. Niemand weet hoe slecht het echt gaat."
    assert not detect_crisis(text, learned=False).crisis
    result = detect_crisis(text)
    assert result.crisis and result.signals == ("model",) and result.about == "self"


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
