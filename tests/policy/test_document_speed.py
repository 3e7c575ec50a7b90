"""The pipeline's entry: assess() of a VisibleDocument stays fast (the ≥ 1,000 answers/s goal is measured
by `make bench`; here a regression floor), and stored assessments of both forms read back unchanged."""

import html
import time

from moderation.policy import Assessment, assess, default_rules
from moderation.policy.visible import visible_document
from tests.policy.test_speed import REGRESSION_FLOOR, SPEED_SAMPLE, make_answers


def _as_html(text):
    """What the renderer makes of a plain answer: paragraphs, pasted addresses as links."""
    paragraphs = []
    for block in text.split("\n\n"):
        words = []
        for word in html.escape(block).split():
            if word.startswith(("https://", "http://")):
                word = f'<a href="{word}" rel="nofollow ugc noopener">{word}</a>'
            words.append(word)
        paragraphs.append(f"<p>{' '.join(words)}</p>")
    return "\n".join(paragraphs)


def test_assessing_visible_documents_stays_above_a_regression_floor(capsys):
    rules = default_rules()
    documents = [visible_document(_as_html(text)) for text in make_answers(SPEED_SAMPLE)]
    assert sum(assess(d, rules).health_claim for d in documents[:50]) > 0
    best = None
    for _ in range(3):
        started = time.process_time()
        for document in documents:
            assess(document, rules)
        elapsed = time.process_time() - started
        best = elapsed if best is None else min(best, elapsed)
    rate = len(documents) / max(best, 1e-9)
    with capsys.disabled():
        print(f"\n[speed] assess(VisibleDocument): {rate:,.0f} answers per CPU second")
    assert rate >= REGRESSION_FLOOR


def test_stored_assessments_of_both_forms_read_back():
    old = {"health_claim": True, "needs_review": True, "language": "nl", "claim_types": ["treatment"],
           "matched": [{"rule": "effect: geneest", "kind": "effect", "claim_type": "treatment", "start": 10,
                        "end": 17, "text": "geneest"}],
           "sources": [{"url": "https://example.com/x", "kind": "other", "start": 30, "end": 50}]}
    restored = Assessment.from_dict(old)
    assert restored.text == "" and restored.sources[0].reason == ""
    assert restored.to_dict() == old
    new = assess(visible_document('<p>Magnesium geneest krampen bij iedereen. <a href="https://www.thuisarts.nl/">'
                                  "Thuisarts</a></p>"), default_rules())
    data = new.to_dict()
    assert data["sources"][0]["reason"] == "home_page" and data["sources"][0]["text"] == "Thuisarts"
    assert list(data)[:6] == ["health_claim", "needs_review", "language", "claim_types", "matched", "sources"]
    assert Assessment.from_dict(data) == new
    assert all(new.text[m.start:m.end] == m.text for m in new.matched)
