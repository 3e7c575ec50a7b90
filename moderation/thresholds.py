"""Choosing the learned detector's thresholds on the dev split (``manage.py policy_train``).

The search runs the public pipeline once per dev answer with the freshly trained model
(``learned.using``), keeps each answer's sentence view (``learned.recording``) and then tries
every candidate (claim threshold, slope, clear threshold) with the same decision function that
``assess`` uses (``learned.decide``), so the figures it promises are the figures the site gives.
The test split is never read here.
"""

from __future__ import annotations

import numpy as np

from moderation.policy import default_rules, learned
from moderation.screening import screen

LENGTHS = ("short", "medium", "long")
LANGUAGES = ("nl", "en")


def rates(pred, gold):
    tp = sum(p and g for p, g in zip(pred, gold, strict=False))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=False))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=False))
    tn = len(gold) - tp - fp - fn
    return {
        "n": len(gold), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "recall": tp / (tp + fn) if tp + fn else None,
        "fpr": fp / (fp + tn) if fp + tn else None,
        "precision": tp / (tp + fp) if tp + fp else None,
    }


#: The model overrules a claim the rules found only when it is this sure there is none: the
#: rules' explicit claims ("X makes Y less effective") are the part that generalises best.
MAX_CLEAR = 0.7
#: How much the claim threshold rises per doubling of an answer's sentences is chosen from these
#: (logit per natural log of the sentence count, see learned.Detector.answer_threshold).
SLOPES = (0.0, 0.25, 0.5, 0.75, 1.0)
#: The false-positive rate is counted as if the thresholds were this much lower (in logit):
#: sentences the model never saw score higher than the dev sentences it is tuned on, and a
#: threshold that sits just above the dev split's most claim-like answers does not hold on new
#: text (the issue's own measurement: almost one long answer in five held).
MARGIN = 0.5
#: The false-positive rate the search allows, counted with ``MARGIN``: the rate the forum is
#: measured against on answers it has never seen (issue 13). Counted without the margin, the dev
#: rate stays well inside our own target of 0.03.
MAX_FPR = 0.05
#: The cells in which the false-positive rate must stay within the target.
FPR_CELLS = ("all", *LANGUAGES, *LENGTHS)


def _logit(p):
    return float(np.log(p / (1.0 - p)))


def _sigmoid(z):
    return float(1.0 / (1.0 + np.exp(-z)))


def _views(detector, examples):
    """Per example: (the model's sentence view, the rules' claim, a qualifying source), from the
    public assess with ``detector`` (learned.recording)."""
    rules = default_rules()
    out = []
    with learned.using(detector):
        for e in examples:
            with learned.recording() as seen:
                a = screen(e.text, rules=rules, language=e.language)
            view, rules_claim = seen[-1] if seen else ((), a.health_claim)
            out.append((view, rules_claim, bool(a.qualifying_sources)))
    return out


def _predict(views, claim, slope, clear, shift=0.0):
    """needs_review per example for the thresholds (``shift``: logit subtracted from both)."""
    z_claim, z_clear = _logit(claim) - shift, _logit(clear) - shift
    probe = learned.Detector.__new__(learned.Detector)
    probe.claim_threshold, probe.slope = _sigmoid(z_claim), slope
    t_clear = _sigmoid(z_clear)
    return [learned.decide(view, rules_claim, probe.answer_threshold(learned.counted(v[0] for v in view)),
                           t_clear)[0] and not qual
            for view, rules_claim, qual in views]


def _cells(examples):
    cells = {"all": list(range(len(examples)))}
    for key in (*LANGUAGES, *LENGTHS):
        cells[key] = [i for i, e in enumerate(examples) if key in (e.language, e.length)]
    return cells


def choose_thresholds(detector, examples, *, max_fpr=MAX_FPR):
    """(claim, slope, clear) on the dev split: the highest needs-review recall whose
    false-positive rate, counted with the thresholds ``MARGIN`` lower, stays within ``max_fpr``
    overall, per language and per length (the targets of issue 13 are per cell). Ties go to the
    lower false-positive rate, then to the flatter slope and the lower thresholds: recall is the
    target that binds on new text. If nothing stays within it, the lowest false-positive rate."""
    dev = [e for e in examples if e.split == "dev"]
    views = _views(detector, dev)
    gold = [e.needs_review for e in dev]
    cells = _cells(dev)
    grid = [round(x, 3) for x in np.linspace(0.05, 0.95, 37)]
    best = None
    for slope in SLOPES:
        for t_claim in grid:
            for t_clear in [t for t in grid if t <= min(t_claim, MAX_CLEAR)]:
                pred = _predict(views, t_claim, slope, t_clear)
                strict = _predict(views, t_claim, slope, t_clear, shift=MARGIN)
                worst = max((rates([strict[i] for i in idx], [gold[i] for i in idx])["fpr"] or 0.0)
                            for idx in cells.values())
                overall = rates(pred, gold)
                recall = overall["recall"] or 0.0
                ok = worst <= max_fpr
                key = (ok, recall if ok else -worst, -worst, -slope, -t_claim, -t_clear)
                if best is None or key > best[0]:
                    best = (key, t_claim, slope, t_clear, overall)
    return best[1], best[2], best[3], best[4]
