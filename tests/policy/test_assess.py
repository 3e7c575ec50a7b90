"""assess(): the example table, offsets, folding, boundaries, rule names, robustness.

Pure Python: imports only moderation.policy, needs no database.
"""

import json
import pickle
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.policy import (
    Assessment,
    ClaimType,
    Match,
    Rules,
    Source,
    SourceDomain,
    SourceKind,
    Term,
    TermKind,
    assess,
    default_rules,
)
from moderation.policy.engine import _judge
from moderation.policy.evaluate import precision_recall

from .cases import CASES, KNOWN_MISSES

RULES = default_rules()


TABLE = [
    # not strict: the learned detector is retrained on new data, and a miss it grows out of is fine
    pytest.param(c, id=c[0], marks=pytest.mark.xfail(strict=False, reason=KNOWN_MISSES[c[0]]))
    if c[0] in KNOWN_MISSES else pytest.param(c, id=c[0])
    for c in CASES
]


@pytest.mark.parametrize("case", TABLE)
def test_table(case):
    cid, text, health_claim, needs_review, claim_types = case
    result = assess(text, RULES)
    assert result.health_claim is health_claim, (cid, result.matched)
    assert result.needs_review is needs_review, (cid, result.sources)
    if claim_types:
        assert claim_types <= {c.value for c in result.claim_types}, (cid, result.matched)
    # every match and source points at the original text
    for m in result.matched:
        assert text[m.start:m.end] == m.text
        assert m.rule and ":" in m.rule
    for s in result.sources:
        assert 0 <= s.start < s.end <= len(text)


def test_table_size_and_balance():
    assert len(CASES) >= 80
    assert len({c[0] for c in CASES}) == len(CASES), "case ids must be unique"
    claims = sum(1 for c in CASES if c[2])
    assert 30 <= claims <= len(CASES) - 30


def test_table_precision_recall(capsys):
    examples = [{"id": c[0], "text": c[1], "health_claim": c[2], "needs_review": c[3]} for c in CASES]
    report = precision_recall(examples, RULES)
    with capsys.disabled():
        for field in ("health_claim", "needs_review"):
            r = report[field]
            print(f"\n[table n={report['n']}] {field}: precision={r['precision']:.3f} "
                  f"recall={r['recall']:.3f} f1={r['f1']:.3f}")
    assert report["n"] == len(CASES)
    for field in ("health_claim", "needs_review"):
        assert report[field]["precision"] >= 0.9, report["errors"]
        assert report[field]["recall"] >= 0.9, report["errors"]


def test_precision_recall_shape():
    report = precision_recall(
        [{"text": "psilocybine helpt bij burn-out", "health_claim": True, "needs_review": True},
         {"text": "sterkte!", "health_claim": True, "needs_review": False},
         {"text": "bedankt", "health_claim": False, "needs_review": False}],
        RULES,
    )
    assert report["health_claim"]["tp"] == 1
    assert report["health_claim"]["fn"] == 1
    assert report["health_claim"]["tn"] == 1
    assert report["health_claim"]["precision"] == 1.0
    assert report["health_claim"]["recall"] == 0.5
    assert len(report["errors"]) == 1


# ------------------------------------------------------------------ matches


def _rules(*terms, **kw):
    return Rules(terms=list(terms), domains=[], **kw)


def test_match_offsets_are_offsets_into_the_original_text():
    text = "Ééé ÀÀ... **Psilocybine** helpt bij BURN-OUT (zie ook: depressie)."
    result = assess(text, RULES)
    assert result.health_claim
    spans = {m.text: (m.start, m.end) for m in result.matched}
    assert "Psilocybine" in spans and "BURN-OUT" in spans and "helpt bij" in spans
    for m in result.matched:
        assert text[m.start:m.end] == m.text


def test_diacritics_fold_both_ways():
    rules = _rules(Term("geïnduceerd", TermKind.EFFECT), Term("cafeine", TermKind.SUBSTANCE),
                   Term("angst", TermKind.CONDITION))
    for text in ("cafeïne geïnduceerd angst", "CAFEÏNE GEÏNDUCEERD ANGST", "cafeine geinduceerd angst",
                 "Caféïne gëinduceerd ångst"):
        result = assess(text, rules)
        assert result.health_claim, text
        assert {m.text.lower() for m in result.matched} >= {text.split()[0].lower(), text.split()[1].lower()}
        for m in result.matched:
            assert text[m.start:m.end] == m.text


def test_word_boundaries():
    rules = _rules(Term("angst", TermKind.CONDITION), Term("helpt", TermKind.EFFECT))
    assert not assess("de vangst helpt", rules).health_claim
    assert not assess("angstig? helpt", rules).health_claim  # question
    assert not assess("angststoornis helpt", rules).health_claim
    assert assess("angst helpt", rules).health_claim
    star = _rules(Term("angst*", TermKind.CONDITION), Term("helpt", TermKind.EFFECT))
    result = assess("een angststoornis helpt niemand", star)
    assert [m.text for m in result.matched if m.kind is TermKind.CONDITION] == ["angststoornis"]
    assert not assess("de vangst helpt", star).health_claim


def test_leading_star_matches_compounds():
    rules = _rules(Term("*kanker*", TermKind.CONDITION), Term("geneest", TermKind.EFFECT))
    result = assess("Dit geneest longkankerpatiënten", rules)
    assert result.health_claim
    assert [m.text for m in result.matched if m.kind is TermKind.CONDITION] == ["longkankerpatiënten"]


@pytest.mark.parametrize("text", ["burn-out", "burnout", "burn out", "Burn–out", "BURN-OUTKLACHTEN"])
def test_hyphen_and_space_variants(text):
    result = assess(f"psilocybine helpt tegen {text}", RULES)
    assert result.health_claim
    assert any(m.kind is TermKind.CONDITION and m.text.lower().startswith("burn") for m in result.matched)


def test_multiword_phrase_tolerates_extra_spaces_and_case():
    result = assess("Dit VERLAAGT  HET   RISICO op diabetes", RULES)
    assert result.health_claim
    risk = [m for m in result.matched if m.kind is TermKind.RISK]
    assert risk and risk[0].text == "VERLAAGT  HET   RISICO"
    assert risk[0].rule == "risk: verlaagt het risico"


def test_rule_names_are_readable():
    result = assess("73% remissie bij depressie na 25 mg psilocybine", RULES)
    rules = {m.rule for m in result.matched}
    assert "statistic: percentage about a health outcome" in rules
    assert "dose: amount in a medical unit (mg, µg, IU)" in rules
    assert "condition: depress*" in rules
    assert "outcome: remissie" in rules
    assert "substance: psilocybine*" in rules  # long names also match compounds


@pytest.mark.parametrize("text,kind", [
    ("25 mg", "dose"), ("25mg", "dose"), ("2 x per dag", "dose"), ("500 IU", "dose"), ("0,5 ml", "dose"),
    ("2x per dag", "dose"), ("twee keer per dag", "dose"), ("1000 IE", "dose"), ("5 µg", "dose"),
    ("73%", "statistic"), ("2,3× hoger", "statistic"), ("2.3x higher", "statistic"), ("r=0,41", "statistic"),
    ("n=78", "statistic"), ("1 op de 5", "statistic"), ("one in five", "statistic"), ("p < .05", "statistic"),
])
def test_builtin_patterns(text, kind):
    result = assess(f"bij patiënten met depressie: {text}", RULES)
    assert result.health_claim, text
    hits = [m for m in result.matched if m.kind.value == kind]
    assert hits and hits[0].text == text, (text, result.matched)


def test_isolated_words_are_not_claims():
    for text in ("depressie", "psilocybine", "helpt", "gevaarlijk", "73%", "bijwerkingen", "veilig",
                 "ik heb een burn-out gehad", "mijn angst is erg"):
        assert not assess(text, RULES).health_claim, text


def test_questions_contribute_no_claim():
    assert not assess("Helpt psilocybine bij burn-out?", RULES).health_claim
    assert not assess("Wist je dat ketamine helpt tegen depressie?!", RULES).health_claim
    result = assess("Helpt psilocybine bij burn-out? Ja, psilocybine helpt bij burn-out.", RULES)
    assert result.health_claim
    assert all(m.start > 30 for m in result.matched), "matches of the question are not listed"


def test_testimony_is_lenient_but_listed():
    result = assess("Bij mij hielp psilocybine enorm tegen mijn depressie.", RULES)
    assert not result.health_claim and not result.needs_review
    assert result.claim_types == (ClaimType.EXPERIENCE,)
    assert {m.text for m in result.matched} >= {"Bij mij", "hielp", "psilocybine", "depressie"}


def test_general_claim_next_to_testimony_counts():
    result = assess("Psilocybine helpt bij depressie, bij mij hielp het ook.", RULES)
    assert result.health_claim
    assert set(result.claim_types) == {ClaimType.TREATMENT, ClaimType.EXPERIENCE}


def test_generalisation_overrides_testimony():
    assert not assess("bij mij helpt ketamine tegen angst", RULES).health_claim
    assert assess("bij mij en bij de meeste mensen helpt ketamine tegen angst", RULES).health_claim


def test_negated_claims_are_still_claims():
    assert assess("antidepressiva werken niet bij depressie", RULES).health_claim
    assert assess("er is geen bewijs dat CBD helpt bij angst", RULES).health_claim
    assert not assess("ik heb geen bron", RULES).health_claim


def test_ignore_phrases_mask_shorter_terms():
    assert not assess("ik hoop dat dit helpt tegen je angst", RULES).health_claim
    rules = _rules(Term("helpt", TermKind.EFFECT), Term("angst", TermKind.CONDITION),
                   Term("hoop dat dit helpt", TermKind.IGNORE))
    assert not assess("hoop dat dit helpt bij angst", rules).health_claim
    assert assess("dit helpt bij angst", rules).health_claim


def test_matched_lists_only_claim_sentences():
    text = "Ik heb depressie gehad. Ketamine helpt tegen depressie. Mijn angst was ook erg."
    result = assess(text, RULES)
    assert result.health_claim
    assert all(text.index("Ketamine") <= m.start < text.index("Mijn") for m in result.matched)


def test_words_inside_urls_do_not_count():
    result = assess("zie https://example.com/psilocybine-helpt-bij-depressie", RULES)
    assert not result.health_claim
    assert result.sources and result.sources[0].kind is SourceKind.OTHER


def test_threshold_parameters():
    terms = [Term("helpt", TermKind.EFFECT, weight=0.5), Term("angst", TermKind.CONDITION)]
    assert not assess("dit helpt bij angst", _rules(*terms)).health_claim
    assert assess("dit helpt bij angst", _rules(*terms, threshold=1.5, min_signal=0.5)).health_claim


def test_language_detection_and_parameter():
    assert assess("Ik denk dat het wel goed komt met je, sterkte", RULES).language == "nl"
    assert assess("I think you will be fine, hang in there", RULES).language == "en"
    assert assess("", RULES).language == "nl"
    assert assess("ok", RULES).language == "nl"
    assert assess("I think you will be fine", RULES, language="nl").language == "nl"
    # the language restricts nothing: English terms match in a Dutch answer
    assert assess("ik denk echt dat psilocybin cures depression", RULES, language="nl").health_claim


# ------------------------------------------------------------------ serialisation


def test_to_dict_is_json_and_round_trips():
    text = "Psilocybine helpt bij burn-out: 73% remissie (https://pubmed.ncbi.nlm.nih.gov/1/, https://bit.ly/x)"
    result = assess(text, RULES)
    d = result.to_dict()
    assert set(d) - {"flagged"} == {"health_claim", "needs_review", "language", "claim_types", "matched", "sources"}
    assert set(d["matched"][0]) == {"rule", "kind", "claim_type", "start", "end", "text"}
    assert {"url", "kind"} <= set(d["sources"][0])
    restored = Assessment.from_dict(json.loads(json.dumps(d)))
    assert restored == result
    assert restored.claim_types == result.claim_types
    assert d["claim_types"] == ["statistic", "treatment"]
    assert [s.url for s in result.qualifying_sources] == ["https://pubmed.ncbi.nlm.nih.gov/1/"]


def test_from_dict_tolerates_minimal_and_unknown_values():
    a = Assessment.from_dict({"health_claim": True, "needs_review": True,
                              "matched": [{"rule": "x: y", "kind": "retired-kind", "claim_type": None,
                                           "start": 0, "end": 1, "text": "y"}],
                              "sources": [{"url": "https://who.int", "kind": "official"}]})
    assert a.matched[0].kind == "retired-kind"
    assert a.sources[0] == Source("https://who.int", SourceKind.OFFICIAL, 0, 0)
    assert a.language == ""


def test_claim_types_sorted_and_distinct():
    a = Assessment(True, True, (
        Match("r", TermKind.RISK, ClaimType.RISK, 0, 1, "x"),
        Match("d", TermKind.DOSE, ClaimType.DOSE, 2, 3, "y"),
        Match("r2", TermKind.RISK, ClaimType.RISK, 4, 5, "z"),
        Match("s", TermKind.SUBSTANCE, None, 6, 7, "w"),
    ), (), "nl")
    assert a.claim_types == (ClaimType.DOSE, ClaimType.RISK)


# ------------------------------------------------------------------ the value types and Rules


def test_term_validation_and_coercion():
    t = Term("Depressi*", "condition", "NL", 2)
    assert t.kind is TermKind.CONDITION and t.language == "nl" and t.weight == 2.0
    assert t.rule == "condition: Depressi*"
    for bad in (dict(phrase=""), dict(phrase="*"), dict(phrase="x", language="de"),
                dict(phrase="x", weight=-1), dict(phrase="x", weight=float("nan")),
                dict(phrase="x", kind="nonsense"), dict(phrase="x" * 201)):
        kwargs = {"phrase": "x", "kind": TermKind.EFFECT, **bad}
        with pytest.raises(ValueError):
            Term(**kwargs)


def test_rules_are_immutable_and_picklable():
    rules = default_rules()
    with pytest.raises(AttributeError):
        rules.threshold = 0
    with pytest.raises(AttributeError):
        del rules.terms
    assert isinstance(rules.terms, tuple) and isinstance(rules.domains, tuple)
    with pytest.raises(TypeError):
        rules.domain_kinds["who.int"] = SourceKind.BLOCKED
    clone = pickle.loads(pickle.dumps(rules))
    text = "psilocybine helpt bij burn-out https://who.int/x"
    assert assess(text, clone) == assess(text, rules)
    assert default_rules() is rules


def test_rules_validate_inputs():
    with pytest.raises(TypeError):
        Rules(terms=["helpt"])
    with pytest.raises(TypeError):
        Rules(domains=["who.int"])
    with pytest.raises(ValueError):
        Rules(threshold=-1)
    with pytest.raises(TypeError):
        assess("x", None)
    empty = Rules()
    assert not assess("psilocybine helpt bij burn-out", empty, ).health_claim
    assert assess("neem 25 mg per dag", empty).health_claim  # built-in patterns still apply
    assert not assess("neem 25 mg per dag", Rules(builtin_patterns=False)).health_claim


def test_default_rule_set_is_sane():
    rules = default_rules()
    keys = [(t.phrase, t.kind, t.language) for t in rules.terms]
    assert len(keys) == len(set(keys)), "the data migration needs unique (phrase, kind, language)"
    assert all(len(t.phrase) <= 200 for t in rules.terms)
    kinds = {t.kind for t in rules.terms}
    assert {TermKind.SUBSTANCE, TermKind.CONDITION, TermKind.EFFECT, TermKind.RISK, TermKind.EXPERIENCE} <= kinds
    domains = [d.domain for d in rules.domains]
    assert len(domains) == len(set(domains))
    assert all(len(d) <= 120 for d in domains)
    assert {d.kind for d in rules.domains} == set(SourceKind)
    assert SourceDomain("https://www.WHO.int/x", "official").domain == "who.int"


# ------------------------------------------------------------------ robustness

NASTY = [
    "", " ", "\x00", "\x00" * 1000, "\ud800", "psilocybine \udfff helpt bij burn-out", "[" * 20000,
    "]" * 20000, "](" * 20000, "[a](" * 5000, "<" * 20000, "`" * 20000, "``a" * 5000, "```\n" * 5000,
    "a." * 50000, "http://" + "a" * 100000, "https://" + "(" * 50000, "doi:10.1234/" + "(" * 50000,
    "pmid " * 20000, "1 " * 50000, "1.1.1.1." * 10000, "-" * 100000, "é" * 100000, "\n" * 100000,
    "x" * 200000, "www." * 30000, "[x]: " * 10000, "[x][y]" * 10000, "?" * 50000, "=1 " * 30000,
    "a-" * 50000 + "b", " " * 100000 + "helpt", "\u0130" * 1000 + " psilocybine helpt bij angst",
    "".join(chr(c) for c in range(0, 0x3000, 7)),
]


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_nasty_inputs_never_raise_and_stay_fast(text):
    start = time.process_time()
    result = _judge(text, RULES, None)  # the internal path: no safety net
    assert time.process_time() - start < 5.0
    assert isinstance(result, Assessment)
    for m in result.matched:
        assert text[m.start:m.end] == m.text
    json.dumps(result.to_dict())


def test_public_assess_accepts_odd_types():
    assert assess(None, RULES).health_claim is False
    assert assess(b"psilocybine helpt bij burn-out", RULES).health_claim is True
    assert assess(12345, RULES).health_claim is False


def test_big_answer_is_linear():
    chunk = "Psilocybine helpt bij burn-out volgens mij. Sterkte en succes! " * 50
    t0 = time.process_time()
    assess(chunk, RULES)
    small = time.process_time() - t0
    t0 = time.process_time()
    result = assess(chunk * 40, RULES)
    big = time.process_time() - t0
    assert result.health_claim
    assert big < max(small * 40 * 5, 2.0)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=400))
def test_fuzz_any_text(text):
    result = _judge(text, RULES, None)
    for m in result.matched:
        assert text[m.start:m.end] == m.text
    for s in result.sources:
        assert 0 <= s.start <= s.end <= len(text)
    assert result.needs_review == (result.health_claim and not result.qualifying_sources)


_PIECES = st.sampled_from([
    "psilocybine", " helpt", " bij", " burn-out", "[x](", "https://who.int/", ")", "<", ">", "`", "```\n",
    "doi:10.1000/", "PMID ", "123", "?", ".", "\n", " ", "é", "ï", "25", " mg", "%", "x", "n=", "[1]: ",
    "[1]", "](", "www.", "bit.ly/", "javascript:", "\x00", "\ud800", "-", "(", "*", "ik", " bij mij",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_fuzz_markdown_like_text(text):
    result = _judge(text, RULES, None)
    for m in result.matched:
        assert text[m.start:m.end] == m.text
    json.dumps(result.to_dict())


@pytest.mark.parametrize("text", [
    "The symptoms you listed, fans at full speed and odd extensions: check every other PC for the same.",
    "haha same, die schimmelziekte zit ook weer in mijn tomaten",
])
def test_same_is_not_the_supplement_sam_e(text):
    assert not any(m.kind.value == "substance" for m in assess(text, default_rules()).matched)


@pytest.mark.parametrize("text", ["SAM-e helpt echt tegen depressie, neem 400 mg.", "SAM e works for depression."])
def test_sam_e_written_with_a_hyphen_or_space_is_still_the_supplement(text):
    assert any(m.text.lower().startswith("sam") and m.kind.value == "substance"
               for m in assess(text, default_rules()).matched)
