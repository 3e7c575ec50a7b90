"""Training and evaluation of the learned claim detector (moderation.policy.learned).

Every text goes through the site's own pipeline (moderation.screening: render → sanitise →
visible text → assess), so the model is trained and judged on the author text readers see.

Training needs scikit-learn (requirements-dev.txt); the site only needs numpy to use what
this writes. Everything is deterministic: the examples are read in a fixed order, the
solver is liblinear with a fixed seed, and the thresholds are chosen on the dev split only.
The test split is never read here except by `evaluate` (for `manage.py policy_report`).
"""

from __future__ import annotations

import hashlib
import json
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from moderation.policy import default_rules, learned
from moderation.policy.endorse import own_words
from moderation.policy.text import detect_language, fold
from moderation.screening import screen, visible_post
from moderation.thresholds import LANGUAGES, LENGTHS, choose_thresholds, rates

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "moderation" / "policy" / "learned_seed.jsonl"
CASES_PATH = ROOT / "tests" / "policy" / "cases.py"
HELDOUT_PATH = ROOT / "tests" / "policy" / "heldout.jsonl"
#: Rounds of whole answers by writers who saw only the spec (not the rules, the corpus or the
#: model), each in one split: the train rounds are fitted on, the dev rounds take part in choosing
#: the thresholds, the test rounds are held out (moderation/policy/corpus/independent/README.md).
INDEPENDENT_DIR = ROOT / "moderation" / "policy" / "corpus" / "independent"
INDEPENDENT_ROUNDS = {"round12.jsonl": "dev", "round14.jsonl": "dev", "round15.jsonl": "test", "round16.jsonl": "test",
                      "round17.jsonl": "test", "round18.jsonl": "test", "train19.jsonl": "train",
                      "round19.jsonl": "test", "round20.jsonl": "test", "train21.jsonl": "train",
                      "round21.jsonl": "test", "round22.jsonl": "test", "train23.jsonl": "train",
                      "round23.jsonl": "test", "round24.jsonl": "test"}
SEED = 20261201


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    language: str
    health_claim: bool
    needs_review: bool
    length: str
    split: str
    family: str = ""


def length_of(text):
    words = len(text.split())
    return "short" if words < 40 else ("medium" if words < 150 else "long")


def _hash_split(key):
    h = zlib.crc32(key.encode("utf-8")) % 100
    return "train" if h < 70 else ("dev" if h < 85 else "test")


def _row(d, *, default_split=None, family=""):
    text = str(d["text"])
    language = d.get("language") or detect_language(fold(text))
    claim = bool(d["health_claim"])
    return Example(
        id=str(d["id"]), text=text, language=language if language in LANGUAGES else "nl",
        health_claim=claim, needs_review=bool(d.get("needs_review", claim)),
        length=d.get("length") or length_of(text),
        split=default_split or d.get("split") or _hash_split(str(d["id"])),
        family=str(d.get("family") or family),
    )


def read_jsonl(path, *, split=None, family=""):
    with open(path, encoding="utf-8") as f:
        return [_row(json.loads(line), default_split=split, family=family) for line in f if line.strip()]


def _cases():
    namespace = {}
    exec(compile(CASES_PATH.read_text(encoding="utf-8"), str(CASES_PATH), "exec"), namespace)
    return [{"id": "case-" + c[0], "text": c[1], "health_claim": c[2], "needs_review": c[3]}
            for c in namespace["CASES"]]


def _corpus():
    try:
        from moderation.policy.corpus import load_corpus  # the training corpus is not shipped everywhere
    except ImportError:
        return None
    return list(load_corpus())


def load_examples(extra=()):
    """All labelled examples, in a fixed order.

    With the repository's corpus (moderation.policy.corpus) its splits are used and the
    hand-written tables (tests/policy/cases.py, heldout.jsonl, learned_seed.jsonl) are
    extra training data; without it, the seed examples keep their own splits and the rule
    tests' tables (which the suite asserts case by case) are training data.
    `extra` are more JSONL files (e.g. from `manage.py policy_export`): training only.
    """
    corpus = _corpus()
    # the rule tests' tables are always training data: the suite asserts every one of them
    tables = [_row(d, family="cases", default_split="train") for d in _cases()]
    tables += read_jsonl(HELDOUT_PATH, family="heldout", split="train")
    tables += read_jsonl(SEED_PATH, family="seed")
    if corpus is not None:
        rows = [_row(d if isinstance(d, dict) else d.__dict__) for d in corpus]
        for name, split in INDEPENDENT_ROUNDS.items():
            if (INDEPENDENT_DIR / name).exists():
                rows += read_jsonl(INDEPENDENT_DIR / name, split=split, family="independent")
        rows += [Example(**{**e.__dict__, "split": "train"}) for e in tables]
    else:
        rows = tables
    for path in extra:
        rows += read_jsonl(path, split="train", family="decisions")
    seen, out = set(), []
    for e in rows:  # the first label of a text wins; the same text never sits in two splits
        key = " ".join(e.text.split()).lower()
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out


def data_digest(examples):
    h = hashlib.sha256()
    for e in examples:
        h.update(json.dumps([e.id, e.text, e.health_claim, e.split], ensure_ascii=False).encode())
    return h.hexdigest()[:16]


# --- training -------------------------------------------------------------------------

_VISIBLE = {}


def _author(text):
    """The visible author text of a Markdown answer, as the site's assess gives it to the model."""
    hit = _VISIBLE.get(text)
    if hit is None:
        hit = learned.visible_author_text(own_words(visible_post(text)).author_text)
        if len(_VISIBLE) > 50_000:
            _VISIBLE.clear()
        _VISIBLE[text] = hit
    return hit


def _sentences(text):
    return learned.author_sentences(_author(text))


def _matrix(feature_dicts):
    from scipy.sparse import csr_matrix  # a development dependency: only training needs it

    indptr, indices, values = [0], [], []
    for d in feature_dicts:
        for k in sorted(d):
            indices.append(k)
            values.append(d[k])
        indptr.append(len(indices))
    return csr_matrix((np.asarray(values, dtype=np.float64), np.asarray(indices, dtype=np.int64),
                       np.asarray(indptr, dtype=np.int64)), shape=(len(feature_dicts), 1 << learned.BITS))


#: The rule tests' tables (tests/policy) count more: the suite asserts each of them, and they
#: hold the hard cases the rules were tuned on.
TABLE_WEIGHT = 4.0
#: Inverse regularisation strength, chosen on dev among 1, 3, 10 and 30 (thresholds chosen the
#: same way for each): the model separates the dev claims from the hard negatives best at 30.
C = 30.0
TABLE_FAMILIES = ("cases", "heldout")


def _fit(units, labels, c, weights=None):
    from sklearn.linear_model import LogisticRegression  # a development dependency: only training needs it

    model = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", random_state=SEED,
                               max_iter=1000, tol=1e-6)
    model.fit(_matrix([learned.sentence_features(u) for u in units]), np.asarray(labels),
              sample_weight=None if weights is None else np.asarray(weights))
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def train_detector(examples, *, c=C, rounds=2, log=None):
    """Fit the sentence model on the train split (multiple-instance rounds, see docs/POLICY.md)."""
    train = [e for e in examples if e.split == "train"]
    split_sentences = [(e, _sentences(e.text)) for e in train]
    detector = None
    for round_ in range(rounds + 1):
        units, labels, weights = [], [], []
        for e, sents in split_sentences:
            if not sents:
                continue
            before = len(units)
            if not e.health_claim:
                units += sents
                labels += [0] * len(sents)
            elif len(sents) == 1:
                units.append(sents[0])
                labels.append(1)
            elif detector is None:
                units.append(" ".join(sents))  # first round: the whole answer stands for its claim
                labels.append(1)
            else:
                scores = [detector.sentence_logit(s) for s in sents]
                best = max(range(len(sents)), key=lambda i: (scores[i], -i))
                units.append(sents[best])
                labels.append(1)
            weights += [TABLE_WEIGHT if e.family in TABLE_FAMILIES else 1.0] * (len(units) - before)
        weights, bias = _fit(units, labels, c, weights)
        detector = learned.Detector(weights, bias, 0.5, 0.5)
        if log:
            log(f"round {round_}: {len(units)} sentences ({sum(labels)} claims)")
    return detector


# --- thresholds and evaluation ---------------------------------------------------------------

def _rules_view(examples):
    """(rules' claim, has a qualifying source) per example, from the public assess without the model."""
    rules = default_rules()
    out = []
    with learned.rules_only():
        for e in examples:
            a = screen(e.text, rules=rules, language=e.language)
            out.append((a.health_claim, bool(a.qualifying_sources)))
    return out


def dev_baselines(detector, examples):
    """Rules alone and model alone on the dev split (for the training log)."""
    dev = [e for e in examples if e.split == "dev"]
    view = _rules_view(dev)
    gold = [e.needs_review for e in dev]
    rules_pred = [r and not q for r, q in view]
    model_pred = [detector.verdict(text=_author(e.text)).score >= 0.5 and not q for e, (r, q) in zip(dev, view, strict=False)]
    return rates(rules_pred, gold), rates(model_pred, gold)


def train(examples, *, log=None):
    detector = train_detector(examples, log=log)
    if log:
        for name, r in zip(("rules alone", "model alone (0.5)"), dev_baselines(detector, examples), strict=False):
            log(f"dev, {name}: recall {r['recall'] or 0:.3f}, false-positive rate {r['fpr'] or 0:.3f}")
    t_claim, slope, t_clear, dev = choose_thresholds(detector, examples)
    meta = {"data_digest": data_digest(examples), "examples": len(examples),
            "train": sum(e.split == "train" for e in examples), "dev_recall": dev["recall"] or 0.0,
            "dev_fpr": dev["fpr"] or 0.0}
    return learned.Detector(detector.weights, detector.bias, t_claim, t_clear, meta, slope=slope), dev


#: The cells of the figures table: all answers, per language, per length, the answers written
#: whole by hand, and the independent rounds (text by people who never saw the rules).
CELLS = ("all", *LANGUAGES, *LENGTHS, "handwritten", "independent")


def evaluate(examples, split="test", *, rules_alone=False):
    """Figures of the whole public pipeline (render, sanitise, visible text, `assess` with rules
    and model; with ``rules_alone`` the rules without the model) on one split: a table of
    rates per cell, and the examples it got wrong."""
    rows = [e for e in examples if e.split == split]
    rules = default_rules()
    switch = learned.rules_only() if rules_alone else None
    if switch:
        switch.__enter__()
    try:
        pred = [screen(e.text, rules=rules, language=e.language).needs_review for e in rows]
    finally:
        if switch:
            switch.__exit__(None, None, None)
    gold = [e.needs_review for e in rows]
    table = {"all": rates(pred, gold)}
    for family in ("handwritten", "independent"):
        idx = [i for i, e in enumerate(rows) if e.family == family]
        table[family] = rates([pred[i] for i in idx], [gold[i] for i in idx])
    for lang in LANGUAGES:
        for length in LENGTHS:
            idx = [i for i, e in enumerate(rows) if e.language == lang and e.length == length]
            table[f"{lang}/{length}"] = rates([pred[i] for i in idx], [gold[i] for i in idx])
        idx = [i for i, e in enumerate(rows) if e.language == lang]
        table[lang] = rates([pred[i] for i in idx], [gold[i] for i in idx])
    for length in LENGTHS:
        idx = [i for i, e in enumerate(rows) if e.length == length]
        table[length] = rates([pred[i] for i in idx], [gold[i] for i in idx])
    errors = [e for e, p, g in zip(rows, pred, gold, strict=False) if p != g]
    return table, errors


def _rate(value, hits, total):
    return "–" if value is None else f"{value:.3f} ({hits}/{total})"


def figures_table(examples, splits=("dev", "test")):
    """The Markdown table of needs-review recall and false-positive rate per split and cell, for
    the whole pipeline and for the rules alone (what ``manage.py policy_report`` writes)."""
    lines = [
        "| split | cell | answers | need review | recall | false-positive rate | rules alone: recall | rules alone: false-positive rate |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for split in splits:
        both, _ = evaluate(examples, split)
        rules, _ = evaluate(examples, split, rules_alone=True)
        for cell in CELLS:
            r, b = both[cell], rules[cell]
            pos, neg = r["tp"] + r["fn"], r["fp"] + r["tn"]
            lines.append(
                f"| {split} | {cell} | {r['n']} | {pos} | {_rate(r['recall'], r['tp'], pos)} "
                f"| {_rate(r['fpr'], r['fp'], neg)} | {_rate(b['recall'], b['tp'], pos)} "
                f"| {_rate(b['fpr'], b['fp'], neg)} |"
            )
    return "\n".join(lines)


def throughput(texts, seconds=2.0, *, learned_on=True):
    """Answers per second (wall clock, CPU) of the whole screen (render, sanitise, assess with
    rules and model) over `texts`, in one process."""
    rules = default_rules()
    switch = learned.rules_only() if not learned_on else None
    if switch:
        switch.__enter__()
    try:
        for t in texts[:50]:
            screen(t, rules=rules)
        done, wall, cpu = 0, time.perf_counter(), time.process_time()
        while time.perf_counter() - wall < seconds:
            for t in texts:
                screen(t, rules=rules)
            done += len(texts)
        return done / (time.perf_counter() - wall), done / max(time.process_time() - cpu, 1e-9)
    finally:
        if switch:
            switch.__exit__(None, None, None)
