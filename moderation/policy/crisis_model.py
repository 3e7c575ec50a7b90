"""A learned second opinion for the crisis detector: a logistic model over a whole post.

The phrase families and the concept layer of ``crisis.py`` know the ways of saying it that were
written down; members say it in ways nobody wrote down ("ik lig te bedenken welke brug het
hoogst is"). This model reads the same normalised text (``crisis.normalise`` with its typo
reading) as hashed words, word pairs and character 3-5-grams, and gives the probability that
the post is a crisis post. ``crisis.detect_crisis`` calls it only when no rule fired and the
post is not about a film, a joke or hyperbole, and counts it only at or above the threshold
chosen when it was trained (``manage.py crisis_train``: cross-validated on the train and dev
posts, never on the test split).

numpy only at inference; the weights (``crisis_weights.npz``) load once per process.
"""

from __future__ import annotations

import math
import re
import threading
import zlib
from pathlib import Path

import numpy as np

__all__ = ["BITS", "WEIGHTS_PATH", "CrisisModel", "features", "model"]

BITS = 18
MASK = (1 << BITS) - 1
WEIGHTS_PATH = Path(__file__).with_name("crisis_weights.npz")
#: The value of one character n-gram (a word or word pair counts 1).
NGRAM_VALUE = 0.3
#: Longer posts are cut here: a cry for help is never only on page three.
MAX_CHARS = 8000
_TOKEN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")


def features(normalised: str) -> dict[int, float]:
    """Hashed features of already normalised text, scaled by 1/sqrt(total)."""
    tokens = _TOKEN_RE.findall(normalised[:MAX_CHARS])
    counts: dict[int, float] = {}

    def add(feature: str, value: float = 1.0) -> None:
        h = zlib.crc32(feature.encode("utf-8")) & MASK
        counts[h] = counts.get(h, 0.0) + value

    for i, word in enumerate(tokens):
        add("w:" + word)
        if i:
            add("b:" + tokens[i - 1] + " " + word)
        padded = "<" + word + ">"
        for size in (3, 4, 5):
            for j in range(len(padded) - size + 1):
                add("g:" + padded[j:j + size], NGRAM_VALUE)
    total = sum(counts.values())
    if total:
        scale = 1.0 / math.sqrt(total)
        for h in counts:
            counts[h] *= scale
    return counts


class CrisisModel:
    """Weights, bias and the decision threshold."""

    def __init__(self, weights, bias: float, threshold: float, meta: dict | None = None):
        self.weights = np.asarray(weights, dtype=np.float32)
        if self.weights.shape != (1 << BITS,):
            raise ValueError("weights do not match the feature space")
        self.bias = float(bias)
        self.threshold = float(threshold)
        self.meta = dict(meta or {})

    @classmethod
    def load(cls, path: Path | str = WEIGHTS_PATH) -> CrisisModel:
        with np.load(path, allow_pickle=False) as data:
            meta = {k[5:]: data[k].item() for k in data.files if k.startswith("meta_")}
            return cls(data["weights"], float(data["bias"]), float(data["threshold"]), meta)

    def save(self, path: Path | str) -> None:
        extra = {"meta_" + k: np.asarray(v) for k, v in sorted(self.meta.items())}
        np.savez_compressed(path, weights=self.weights, bias=np.float64(self.bias),
                            threshold=np.float64(self.threshold), **extra)

    def score(self, normalised: str) -> float:
        """The probability that a post (normalised text) is a crisis post."""
        feats = features(normalised)
        if not feats:
            return 0.0
        keys = np.fromiter(feats.keys(), dtype=np.int64, count=len(feats))
        values = np.fromiter(feats.values(), dtype=np.float64, count=len(feats))
        z = self.bias + float(values @ self.weights[keys].astype(np.float64))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


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
