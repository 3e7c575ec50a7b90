"""The labelled health-claim corpus: format, balance, honest splits, consistent labels.

The corpus is the spec the learned component is trained and measured on, so these
tests check what makes its figures trustworthy: every cell (language x length x class
x split) is filled, no hand-written building block is shared between splits (so the
test split measures unseen wording), and the labels agree with the blocks and links
they were built from.
"""

import re
from collections import Counter, defaultdict

import pytest

from moderation.policy.corpus import LANGUAGES, LENGTHS, SPLITS, load_corpus, validate
from moderation.policy.corpus import build as corpus_build

CONTENT_KINDS = {"claims", "neutral", "paragraphs", "tech", "quote_q", "endorse", "pairs", "named"}


@pytest.fixture(scope="module")
def rows():
    return load_corpus()


@pytest.fixture(scope="module")
def blocks():
    return corpus_build.load_blocks()


def test_committed_files_match_a_fresh_build():
    fresh = corpus_build.serialise(corpus_build.build())
    for name, body in fresh.items():
        assert (corpus_build.HERE / name).read_text(encoding="utf-8") == body, (
            f"{name} is stale: run python -m moderation.policy.corpus.build"
        )


def test_every_row_is_well_formed_and_ids_are_unique(rows):
    assert len(rows) >= 2400
    for r in rows:
        assert validate(r) == [], (r["id"], validate(r))
    ids = Counter(r["id"] for r in rows)
    assert [i for i, n in ids.items() if n > 1] == []
    texts = Counter(r["text"] for r in rows)
    assert [t[:60] for t, n in texts.items() if n > 1] == []


def test_validate_refuses_a_bad_row():
    good = {"id": "x", "text": "Hoi", "language": "nl", "health_claim": False, "needs_review": False,
            "length": "short", "split": "train", "family": "f"}
    assert validate(good) == []
    assert validate({**good, "needs_review": True}) == ["needs_review without health_claim"]
    assert validate({**good, "language": "de"}) == ["language 'de'"]
    assert validate({**good, "extra": 1}) == ["unknown keys ['extra']"]
    with pytest.raises(ValueError):
        load_corpus("validation")


def test_load_one_split(rows):
    test = load_corpus("test")
    assert test and {r["split"] for r in test} == {"test"}
    assert len(test) == sum(1 for r in rows if r["split"] == "test")


def test_every_language_length_class_split_cell_is_filled(rows):
    cells = Counter((r["language"], r["length"], r["health_claim"], r["split"]) for r in rows)
    for lang in LANGUAGES:
        for length in LENGTHS:
            for claim in (True, False):
                assert cells[(lang, length, claim, "train")] >= 90, (lang, length, claim)
                for split in ("dev", "test"):
                    assert cells[(lang, length, claim, split)] >= 30, (lang, length, claim, split)
            for split in SPLITS:
                pos = cells[(lang, length, True, split)]
                neg = cells[(lang, length, False, split)]
                assert 0.4 <= pos / (pos + neg) <= 0.6, (lang, length, split, pos, neg)
    by_split = Counter(r["split"] for r in rows)
    assert 0.55 <= by_split["train"] / len(rows) <= 0.65
    by_lang = Counter(r["language"] for r in rows)
    assert 0.4 <= by_lang["nl"] / len(rows) <= 0.6


def test_both_outcomes_of_review_are_in_every_claim_cell(rows):
    cells = Counter((r["language"], r["length"], r["split"], r["needs_review"]) for r in rows if r["health_claim"])
    for lang in LANGUAGES:
        for length in LENGTHS:
            for split in SPLITS:
                assert cells[(lang, length, split, True)] >= 10, (lang, length, split)
                assert cells[(lang, length, split, False)] >= 5, (lang, length, split)


def _words(text):
    return len(re.sub(r"https?://\S+|<[^>]+>", " ", text).split())


def test_lengths_match_their_label(rows):
    for r in rows:
        n = _words(r["text"])
        if r["length"] == "long":
            assert 150 <= n <= 600, (r["id"], n)
        elif r["length"] == "medium":
            assert 12 <= n < 200, (r["id"], n)
        else:
            assert n <= 70, (r["id"], n)
            assert "\n#" not in r["text"], r["id"]
    longs = [r for r in rows if r["length"] == "long"]
    marked = [r for r in longs if re.search(r"^(#|- |\* |\d+\. |> )|\*\*", r["text"], re.M)]
    assert len(marked) / len(longs) > 0.9  # long answers carry Markdown structure


def test_no_building_block_is_shared_between_splits(blocks):
    where = defaultdict(set)
    for b in blocks:
        if b.kind in CONTENT_KINDS:
            where[corpus_build.norm(b.text)].add(b.split)
    assert {t[:60]: s for t, s in where.items() if len(s) > 1} == {}


def _index(blocks):
    """Blocks of each split, indexed by their first three normalised words."""
    idx = defaultdict(list)
    for b in blocks:
        if b.kind not in CONTENT_KINDS:
            continue
        for part in b.text.split(" ||| "):
            words = corpus_build.norm(part).split()
            if len(words) >= 4:
                idx[tuple(words[:3])].append((" ".join(words), b))
    return idx


def test_documents_use_only_blocks_of_their_own_split(rows, blocks):
    idx = _index(blocks)
    leaks, found = [], Counter()
    for r in rows:
        words = corpus_build.norm(r["text"]).split()
        joined = " ".join(words)
        for i in range(len(words) - 2):
            for text, b in idx.get(tuple(words[i:i + 3]), ()):
                if text in joined:
                    found[r["split"]] += 1
                    if b.split != r["split"]:
                        leaks.append((r["id"], r["split"], b.split, text[:50]))
    assert leaks == []
    assert all(found[s] > 200 for s in SPLITS)  # the check really sees the blocks


def _sentences(text):
    # link texts and the short lead-ins of links are frames shared by all splits
    text = re.sub(r"\[[^\]]*\]\([^)]*\)?|\[[^\]]*\]\[\d+\]|https?://\S+|<[^>]+>|\[\d+\]:.*", " ", text)
    for s in re.split(r"(?<=[.!?])\s+|\n+", text):
        words = corpus_build.norm(s).split()
        if len(words) >= 6:
            yield " ".join(words)


def test_no_sentence_of_six_words_or_more_appears_in_two_splits(rows):
    where = defaultdict(set)
    for r in rows:
        for s in _sentences(r["text"]):
            where[s].add(r["split"])
    shared = {s[:60]: sorted(v) for s, v in where.items() if len(v) > 1}
    assert shared == {}


def _own_words(text):
    """The author's own text: blockquote lines removed."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


def test_a_claim_block_outside_a_quote_makes_the_answer_a_claim(rows, blocks):
    claims = [corpus_build.norm(b.text) for b in blocks if b.kind == "claims"]
    by_split = defaultdict(list)
    for b, n in zip([b for b in blocks if b.kind == "claims"], claims, strict=True):
        by_split[b.split].append(n)
    checked = 0
    for r in rows:
        if r["health_claim"] or r["family"] == "handwritten":
            continue
        own = corpus_build.norm(_own_words(r["text"]))
        hits = [c for c in by_split[r["split"]] if c in own]
        assert hits == [], (r["id"], hits[:1])
        checked += 1
    assert checked > 1000


def test_quoted_claims_alone_do_not_make_a_claim(rows):
    quoted = [r for r in rows if r["family"].endswith("quote-question") or r["family"].endswith("quote-no-claim")]
    assert len(quoted) >= 100
    assert not any(r["health_claim"] for r in quoted)
    assert all(re.search(r"^> ", r["text"], re.M) for r in quoted)


GOOD_DOI = re.compile(r"10\.(1001|1016|1136|1056|1038|1002|1007|1093|1177|1371|3389|1186|1111|1080|1017|3390)/")


def _visible(text):
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    return re.sub(r"`[^`]*`", " ", text)


def _has_qualifying_source(text, good_urls):
    vis = _visible(text)
    if re.search(r"\bpmid:?\s*\d{7,8}", vis, re.I) or GOOD_DOI.search(vis):
        return True
    targets = re.findall(r"\]\(((?:[^()\s]|\([^()\s]*\))+)\)|<(https?://[^>]+)>|\[\d\]: (\S+)|(?<![(<\w])(https?://\S+)", vis)
    return any(u in good_urls for t in targets for u in t if u)


def test_needs_review_follows_the_sources(rows, blocks):
    good_urls = {b.text for b in blocks if b.kind == "sources" and b.tag == "q"}
    for r in rows:
        if not r["health_claim"] or r["family"] == "handwritten":
            continue
        assert r["needs_review"] != _has_qualifying_source(r["text"], good_urls), r["id"]


def test_hard_negatives_and_hard_positives_are_present(rows, blocks):
    fams = Counter(r["family"] for r in rows)
    for fam in ("medium-quote-question", "medium-quote-rebuttal", "medium-quote-endorse", "medium-tech", "long-tech",
                "long-one-claim-buried", "medium-own-dose", "medium-logistics", "short-mixed-claim"):
        assert fams[fam] >= 20, fam
    notes = Counter(n for r in rows for n in (r.get("note") or "").split("; ") if n)
    assert notes["source named only in words"] >= 50
    assert notes["source does not qualify"] >= 200
    informal = [r for r in rows if r["language"] == "nl" and re.search(r"\b(idd|ff|gwn|mn|ipv|heb t)\b", r["text"])]
    assert len(informal) >= 100


def test_handwritten_answers_cover_both_languages_all_lengths_and_splits(rows):
    hw = [r for r in rows if r["family"] == "handwritten"]
    assert len(hw) >= 150
    cells = Counter((r["language"], r["split"]) for r in hw)
    for lang in LANGUAGES:
        for split in SPLITS:
            assert cells[(lang, split)] >= 8, (lang, split)
        for length in LENGTHS:
            for claim in (True, False):
                assert any(r["language"] == lang and r["length"] == length and r["health_claim"] is claim for r in hw)
    assert any(r["needs_review"] for r in hw) and any(r["health_claim"] and not r["needs_review"] for r in hw)


def test_handwritten_answers_are_not_made_of_blocks(rows, blocks):
    idx = _index(blocks)
    for r in rows:
        if r["family"] != "handwritten":
            continue
        words = corpus_build.norm(r["text"]).split()
        joined = " ".join(words)
        for i in range(len(words) - 2):
            for text, _ in idx.get(tuple(words[i:i + 3]), ()):
                assert text not in joined or len(text.split()) < 6, (r["id"], text)
