"""A learned second opinion for the crisis detector: a logistic model over the sentences of a post.

The phrase families and the concept layer of ``crisis.py`` know the ways of saying it that were
written down; members say it in ways nobody wrote down ("ik lig te bedenken welke brug het
hoogst is"). This model reads the same normalised text (``crisis.normalise`` with its typo
reading) sentence by sentence, as hashed words, word pairs, character 3-5-grams and *word
classes* (the author, a wish, a plan, a means, a farewell, a burden, harm, a film or a past
that is over, someone else) with the pairs of classes that share a sentence: "I" + a plan + a
means in one sentence is a feature whatever the words, in Dutch and English alike.

A post's score is its most alarming sentence, so a cry for help in one sentence of a long post
about health is not averaged away by the rest, and a long post of ordinary talk cannot add up to
one (``MAX_SPAN``). ``crisis.detect_crisis`` calls it only when no rule fired, and
it reads only the sentences that are not about a film, a joke or hyperbole (nor next to one;
``crisis.sentences_model_may_judge``); it counts at or above the threshold
chosen when it was trained (``manage.py crisis_train``: cross-validated on the train and dev
posts, never on the test split).

numpy only at inference; the weights (``crisis_weights.npz``) load once per process.
"""

from __future__ import annotations

import math
import re
import threading
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["BITS", "WEIGHTS_PATH", "CrisisModel", "features", "gated_spans", "model", "sentence_features"]

BITS = 18
MASK = (1 << BITS) - 1
WEIGHTS_PATH = Path(__file__).with_name("crisis_weights.npz")
#: The value of one character n-gram (a word, word pair or class counts 1).
NGRAM_VALUE = 0.3
#: Longer posts are cut here: a cry for help is never only on page three.
MAX_CHARS = 8000
_TOKEN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_SENTENCE_RE = re.compile(r"[^.!?\n;]+")

# Word classes, Dutch and English together (normalised spelling: lower case, no accents).
_CLASSES = {
    "self": "ik k ikke me mij mijn mn m'n mezelf mijzelf i im i'm ive i've id i'd ill i'll my myself mine",
    "wish": "wil wilde wou wens wenste hoop hoopte liefst zou zouden verlang bid want wanna wanted wish wished "
            "hope hoping rather pray praying",
    "death": "dood doodgaan sterven sterf dodelijk dodelijke leven leef bestaan wakker overleven dead die dying death "
             "deadly lethal alive live living exist existing suicide suicidal zelfmoord zelfdoding suicidaal "
             "suicidale voorgoed altijd forever permanently permanent gone weg verdwijnen disappear vanish",
    "means": "knife knives messen schaar scissors passer compass puntenslijper sharpener sigaret cigarette klif cliff cliffs "
             "kanaal canal raam window vensterbank sill vangrail guardrail muur wall toren tower naald naalden needle "
             "antidepressiva antidepressants sertraline citalopram paroxetine zolpidem slaaptabletten "
             "pillen pil tabletten strip doos doosje slaappillen slaapmiddelen medicijnen medicatie mes mesje mesjes "
             "scheermesje scheermes touw strop riem sjaal haak balk brug viaduct spoor trein dak flat balkon rand "
             "kade water meer zee rivier gracht snelweg pijler boom gas gaskraan uitlaat slang insuline scherf "
             "aansteker strijkijzer pills pill tablets meds medication prescriptions blade blades razor rope noose "
             "belt hook bridge tracks train roof ledge balcony railing river lake sea reservoir motorway barrier "
             "tree exhaust hose insulin glass lighter straightener paracetamol oxazepam diazepam temazepam "
             "lorazepam quetiapine seroquel tramadol oxycodon oxycodone morfine morphine amitriptyline lithium "
             "codeine mirtazapine venlafaxine",
    "harm": "snijden snij snijd sneed gesneden krassen kras gekrast kraste branden brand gebrand verwonden "
            "beschadigen beschadig pijn bloed bloedde wondjes littekens cut cutting cuts burn burned burnt burning "
            "scratch scratched scratching hurt hurting harm harming bleed bleeding bled blood punish punishing "
            "straffen slaan stompen punch bang wounds marks scars "
            "krabben gekrabd opengekrast sla sloeg geslagen stomp gestompt bonk bonken knijp knijpen bijten gebeten "
            "brandwonden blauwe plekken punched punching hitting banging scald scalded scalding pinch pinching "
            "picking bruise bruises bruised blister blisters",
    # one's own body, the object of the harm words ("mijn armen opengekrast", "punching my own stomach")
    "body": "arm armen onderarm onderarmen pols polsen been benen dij dijen bovenbenen buik hoofd huid handen hand "
            "heupen knokkels arms forearm forearms wrist wrists leg legs thigh thighs stomach belly tummy head skin "
            "hands hips knuckles",
    "plan": "plan plannen besloten beslist besluit datum keuze gekozen klaarliggen voorbereid geregeld opgespaard "
            "gespaard sparen verzameld opgezocht uitgezocht uitgerekend geteld bedacht decided plan planned date "
            "ready saved saving stockpiling stockpiled counted searched worked picked chosen sorted prepared "
            "googled checked",
    "time": "vannacht vanavond vandaag morgen weekend straks binnenkort zaterdag zondag tonight today tomorrow "
            "soon saturday sunday tmrw",
    "farewell": "laatste last bye doei afscheid brief brieven berichtje bedankt vaarwel schuld testament goodbye letter letters note "
                "thanks thank fault farewell sorry",
    "burden": "last blok opgelucht makkelijker zonder overbodig burden relieved easier without drain weight kinder",
    "hopeless": "nooit geen zin nut moe kapot leeg never anymore pointless nothing tired done ophouden ophoudt stopt "
                "stop end eind einde eindelijk quiet stil rust rustig vrij free",
    "distance": "film films serie series boek boeken lied liedje nummer docu documentaire spel game movie movies "
                "book novel song lyrics episode season character personage hoofdpersoon bijsluiter leaflet vroeger "
                "geleden ago used haha lol grapje kidding joke jk nieuws news overleden died passed funeral "
                "uitvaart begrafenis grief rouw workshop training docent teacher leerling pupil "
                "onderzoek onderzoeker scriptie werkstuk profielwerkstuk interview interviews vragenlijst enquete "
                "research researcher thesis dissertation survey questionnaire participants respondents",
    "other": "huisgenoot housemate roommate mate buurman buurvrouw neighbour neighbor "
             "hij zij ze zoon dochter vriend vriendin broer zus moeder vader partner collega he she son daughter "
             "friend brother sister mum mom dad boyfriend girlfriend coworker flatmate",
}
_CLASS_OF: dict[str, list[str]] = {}
for _name, _words in _CLASSES.items():
    for _word in _words.split():
        _CLASS_OF.setdefault(_word, []).append(_name)
_CLASS_OF = {word: tuple(names) for word, names in _CLASS_OF.items()}


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & MASK


@lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple:
    """The hashed word and its character n-grams as (hash, value) pairs; cached per word."""
    out = [(_hash("w:" + word), 1.0)]
    padded = "<" + word + ">"
    for size in (3, 4, 5):
        for j in range(len(padded) - size + 1):
            out.append((_hash("g:" + padded[j:j + size]), NGRAM_VALUE))
    return tuple(out)


@lru_cache(maxsize=4096)
def _class_pair(a: str, b: str) -> int:
    return _hash("cc:" + a + "|" + b)


@lru_cache(maxsize=64)
def _class_feature(name: str) -> int:
    return _hash("c:" + name)


#: (name, compiled pattern) pairs whose match in a sentence is a class of its own; ``crisis.py``
#: hands over its sentence markers (past, present, fear, a question, a film, hopelessness, ...).
MARKERS: list = []


def use_markers(markers) -> None:
    MARKERS[:] = list(markers)


# A class word within _NEGATION_REACH words after one of these counts as its negated class ("not-means"
# in "ik wil liever niet nog een pil"), so the model can weigh "wish + pill" and "wish + no pill" apart;
# "self" stays itself. Chosen by cross-validation in round 17 (docs/POLICY.md).
_NEGATORS = frozenset("niet nie geen nooit not no never don't dont didn't didnt won't wont isn't doesn't".split())
_NEGATION_REACH = 3


def sentence_features(sentence: str) -> dict[int, float]:
    """Raw (unscaled) hashed feature counts of one sentence of normalised text."""
    tokens = _TOKEN_RE.findall(sentence)
    counts: dict[int, float] = {}
    classes = {name for name, pattern in MARKERS if pattern.search(sentence)}
    previous = None
    negated_until = -1
    for n, word in enumerate(tokens):
        for h, value in _word_features(word):
            counts[h] = counts.get(h, 0.0) + value
        if previous is not None:
            h = _hash("b:" + previous + " " + word)
            counts[h] = counts.get(h, 0.0) + 1.0
        previous = word
        if word in _NEGATORS:
            negated_until = n + _NEGATION_REACH
            continue
        names = _CLASS_OF.get(word, ())
        if n <= negated_until:
            classes.update("not-" + name for name in names if name != "self")
            classes.update(name for name in names if name == "self")
        else:
            classes.update(names)
    ordered = sorted(classes)
    for i, a in enumerate(ordered):
        h = _class_feature(a)
        counts[h] = counts.get(h, 0.0) + 1.0
        for b in ordered[i + 1:]:
            h = _class_pair(a, b)
            counts[h] = counts.get(h, 0.0) + 1.0
    return counts


def sentences(normalised: str) -> list[str]:
    return [s for s in _SENTENCE_RE.findall(normalised[:MAX_CHARS]) if _TOKEN_RE.search(s)]


#: The longest run of neighbouring sentences a post is scored on: one. A span's logit is a sum over
#: its sentences divided by the square root of its size, so a longer span adds evidence with every
#: ordinary sentence. Until round 11 each two neighbours and the whole post were spans too, and
#: generated burnout-support posts of 400 ordinary words read as a crisis 99 times in 100 (two
#: sentences: 27 in 100 of them); one sentence at a time no length can add up to an alarm.
MAX_SPAN = 1


def spans(count: int) -> list[tuple[int, int]]:
    """The spans a post is scored on, as [start, end) sentence ranges: each run of 1 to MAX_SPAN
    neighbouring sentences."""
    return [(i, i + size) for size in range(1, MAX_SPAN + 1) for i in range(count - size + 1)]


def gated_spans(allowed) -> list[tuple[int, int]]:
    """The spans of ``spans`` within each run of sentences the model may judge (``allowed[i]``):
    a sentence about a film, a joke or hyperbole, and its neighbours, are not judged and no span
    crosses them, so the rest of the post still is."""
    out, start = [], None
    for i, ok in enumerate([*allowed, False]):
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            out += [(start + a, start + b) for a, b in spans(i - start)]
            start = None
    return out


def features(normalised: str) -> dict[int, float]:
    """Hashed features of a whole text (already normalised), scaled by 1/sqrt(total)."""
    counts: dict[int, float] = {}
    for sentence in sentences(normalised):
        for h, value in sentence_features(sentence).items():
            counts[h] = counts.get(h, 0.0) + value
    total = sum(counts.values())
    if total:
        scale = 1.0 / math.sqrt(total)
        for h in counts:
            counts[h] *= scale
    return counts


def span_logit(bias: float, dots, totals, start: int, end: int) -> float:
    total = sum(totals[start:end])
    return bias + (sum(dots[start:end]) / math.sqrt(total) if total else 0.0)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class CrisisModel:
    """Weights, bias and the decision threshold."""

    def __init__(self, weights, bias: float, threshold: float, meta: dict | None = None):
        self.weights = np.asarray(weights, dtype=np.float32)
        if self.weights.shape != (1 << BITS,):
            raise ValueError("weights do not match the feature space")
        self._weights64 = self.weights.astype(np.float64)
        self.bias = float(bias)
        self.threshold = float(threshold)
        self.meta = dict(meta or {})
        # the allowance for long posts, on the logit per ln(sentences judged): see score()
        self.slope = float(self.meta.get("slope", 0.0))

    @classmethod
    def load(cls, path: Path | str = WEIGHTS_PATH) -> CrisisModel:
        with np.load(path, allow_pickle=False) as data:
            meta = {k[5:]: data[k].item() for k in data.files if k.startswith("meta_")}
            return cls(data["weights"], float(data["bias"]), float(data["threshold"]), meta)

    def save(self, path: Path | str) -> None:
        extra = {"meta_" + k: np.asarray(v) for k, v in sorted(self.meta.items())}
        np.savez_compressed(path, weights=self.weights, bias=np.float64(self.bias),
                            threshold=np.float64(self.threshold), **extra)

    def score(self, normalised: str, may_judge=None) -> float:
        """The probability that a post (normalised text) is a crisis post: its most alarming span,
        less ``slope`` × ln(the sentences judged) on the logit. The most alarming of forty ordinary
        sentences scores higher by chance than the one sentence of a short post, so without the
        allowance long posts drew most of the false alarms (cross-validated: 0.167 against 0.026).

        ``may_judge(sentences) -> [bool]``: which sentences the model may judge (all by default);
        the others are not read and no span crosses them."""
        found = sentences(normalised)
        allowed = may_judge(found) if may_judge is not None else [True] * len(found)
        dots, totals = [], []
        for sentence, ok in zip(found, allowed, strict=True):
            if not ok:
                dots.append(0.0)
                totals.append(0.0)
                continue
            feats = sentence_features(sentence)
            keys = np.fromiter(feats.keys(), dtype=np.int64, count=len(feats))
            values = np.fromiter(feats.values(), dtype=np.float64, count=len(feats))
            dots.append(float(values @ self._weights64[keys]))
            totals.append(float(values.sum()))
        judged = gated_spans(allowed)
        if not judged:
            return 0.0
        read = sum(1 for ok, total in zip(allowed, totals, strict=True) if ok and total)
        return _sigmoid(max(span_logit(self.bias, dots, totals, a, b) for a, b in judged) - self.slope * math.log(max(1, read)))


_lock = threading.Lock()
_loaded: CrisisModel | None = None
_missing = False


def model() -> CrisisModel | None:
    """The committed model, loaded once per process (None without the weights file)."""
    global _loaded, _missing
    if _loaded is None and not _missing:
        with _lock:
            if _loaded is None and not _missing:
                if WEIGHTS_PATH.exists():
                    _loaded = CrisisModel.load(WEIGHTS_PATH)
                else:
                    _missing = True
    return _loaded
