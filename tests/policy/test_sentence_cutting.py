"""Cutting an answer into sentences: the quick abbreviation test says what its expression says."""

import random

from moderation.policy import learned


def test_the_quick_abbreviation_test_agrees_with_its_expression():
    rng = random.Random(4)
    alphabet = "abdegiorstvwzAB.MO12 _é²İK-(x"
    endings = ["bijv.", "o.a.", "a.u.b.", "st.", "ETC.", "1.", "x.", " e.g.", "A.U.B.", "2011.", "zo.a."]
    for _ in range(50_000):
        tail = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.5:
            tail += rng.choice(endings)
        tail = tail[-12:]
        assert learned._ends_in_abbreviation(tail) == bool(learned._ABBREV_END_RE.search(tail)), tail


def test_abbreviations_and_list_numbers_do_not_end_a_sentence():
    sentences = learned.author_sentences("Neem bijv. magnesium. Het helpt o.a. bij kramp. 1. Eerst dit. Klaar!")
    assert sentences == ["Neem bijv. magnesium.", "Het helpt o.a. bij kramp.", "1. Eerst dit.", "Klaar!"]



def test_a_long_sentence_is_scored_in_overlapping_windows_that_lose_no_word():
    story = ", ".join(f"deel {i} van een lang verhaal zonder punt" for i in range(200))
    windows = learned.author_sentences(story + ", en dit is het einde.")
    assert all(len(w) <= learned.WINDOW_CHARS for w in windows)
    words = set(" ".join(windows).split())
    assert {str(i) for i in range(200)} <= words and "einde." in words
    assert sum(map(len, windows)) < 3 * len(story)  # each clause in a window or two, not in all
    # a clause-less run of words is cut at white space, with the same overlap
    run = " ".join(f"w{i}" for i in range(2000))
    pieces = learned.author_sentences(run)
    assert {f"w{i}" for i in range(2000)} == set(" ".join(pieces).split())
    assert all(len(p) <= learned.WINDOW_CHARS for p in pieces)
