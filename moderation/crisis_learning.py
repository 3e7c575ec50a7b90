"""Training of the crisis detector's learned second opinion (moderation.policy.crisis_model).

Needs scikit-learn and scipy (requirements-dev.txt); the site only needs numpy to use what this
writes. Deterministic: posts in file order, liblinear with a fixed seed, folds by a hash of the
post id. Trained on the train and dev posts of moderation/policy/crisis_corpus; the test split is
never read here. The threshold is chosen by five-fold cross-validation on those posts: the lowest
at which the rules *or* the model stay within MAX_FPR false alarms on the folds the model did not
see, so the model adds what the rules miss without more than that many false alarms.
"""

from __future__ import annotations

import hashlib
import json
import zlib

import numpy as np

from moderation.policy import crisis_model
from moderation.policy.crisis import _correct_typos, detect_crisis, normalise
from moderation.policy.crisis_corpus import load

SEED = 20261202
C = 10.0
FOLDS = 5
MAX_FPR = 0.03
GRID = tuple(round(x, 2) for x in np.arange(0.50, 0.96, 0.02))


def training_posts():
    return [p for p in load() if p["split"] in ("train", "dev")]


def _matrix(texts):
    from scipy.sparse import csr_matrix  # a development dependency: only training needs it

    indptr, indices, values = [0], [], []
    for text in texts:
        feats = crisis_model.features(_correct_typos(normalise(text)))
        for k in sorted(feats):
            indices.append(k)
            values.append(feats[k])
        indptr.append(len(indices))
    return csr_matrix((np.asarray(values), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
                      shape=(len(texts), 1 << crisis_model.BITS))


def _fit(x, y):
    from sklearn.linear_model import LogisticRegression  # a development dependency: only training needs it

    fitted = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", random_state=SEED,
                                max_iter=1000, tol=1e-6).fit(x, y)
    return fitted.coef_[0].astype(np.float32), float(fitted.intercept_[0])


def _rates(pred, gold):
    tp = int((pred & gold).sum())
    fp = int((pred & ~gold).sum())
    return tp / max(1, int(gold.sum())), fp / max(1, int((~gold).sum()))


def train(posts=None, log=None):
    """The model and its cross-validated figures: {"threshold", "cv_recall", "cv_fpr", ...}."""
    posts = training_posts() if posts is None else posts
    x = _matrix([p["text"] for p in posts])
    gold = np.array([bool(p["crisis"]) for p in posts])
    rules = np.array([detect_crisis(p["text"], learned=False).crisis for p in posts])
    fold = np.array([zlib.crc32(str(p["id"]).encode()) % FOLDS for p in posts])
    held = np.zeros(len(posts))
    for k in range(FOLDS):
        w, b = _fit(x[fold != k], gold[fold != k])
        held[fold == k] = 1.0 / (1.0 + np.exp(-(x[fold == k] @ w.astype(np.float64) + b)))
    threshold = GRID[-1]
    for t in GRID:  # the lowest threshold within the false-alarm budget
        if _rates(rules | (held >= t), gold)[1] <= MAX_FPR:
            threshold = t
            break
    recall, fpr = _rates(rules | (held >= threshold), gold)
    model_recall, model_fpr = _rates(held >= threshold, gold)
    rules_recall, rules_fpr = _rates(rules, gold)
    if log:
        log(f"cross-validated on {len(posts)} train+dev posts: rules alone recall {rules_recall:.3f}, "
            f"false-positive rate {rules_fpr:.3f}; model alone at {threshold:.2f} recall {model_recall:.3f}, "
            f"false-positive rate {model_fpr:.3f}; rules or model recall {recall:.3f}, false-positive rate {fpr:.3f}")
    w, b = _fit(x, gold)
    digest = hashlib.sha256(json.dumps([[p["id"], p["text"], p["crisis"]] for p in posts], ensure_ascii=False).encode()).hexdigest()[:16]
    meta = {"posts": len(posts), "data_digest": digest, "cv_recall": recall, "cv_fpr": fpr}
    return crisis_model.CrisisModel(w, b, threshold, meta), meta
