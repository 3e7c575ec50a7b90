"""The labelled crisis posts (posts.jsonl) and their figures. See docs/POLICY.md, "Crisis signposting"."""

import json
from pathlib import Path

CORPUS = Path(__file__).with_name("posts.jsonl")
SPLITS = ("train", "dev", "test")
LANGUAGES = ("nl", "en")


def load(split=None):
    """The labelled posts, optionally of one split (train, dev, test)."""
    with CORPUS.open(encoding="utf-8") as handle:
        posts = [json.loads(line) for line in handle if line.strip()]
    return [post for post in posts if split is None or post["split"] == split]


def figures(posts, detect=None):
    """Recall and false-positive rate per language and overall, with the posts it got wrong."""
    if detect is None:
        from moderation.policy.crisis import detect_crisis as detect  # the corpus loads without the detector
    rows, mistakes = {}, []
    for language in (*LANGUAGES, "all"):
        rows[language] = {"posts": 0, "crisis": 0, "tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for post in posts:
        found = detect(post["text"]).crisis
        cell = ("tp" if found else "fn") if post["crisis"] else ("fp" if found else "tn")
        for language in (post["language"], "all"):
            rows[language]["posts"] += 1
            rows[language]["crisis"] += int(post["crisis"])
            rows[language][cell] += 1
        if cell in ("fp", "fn"):
            mistakes.append((cell, post))
    for row in rows.values():
        positives, negatives = row["tp"] + row["fn"], row["fp"] + row["tn"]
        row["recall"] = row["tp"] / positives if positives else 1.0
        row["fpr"] = row["fp"] / negatives if negatives else 0.0
    return rows, mistakes
