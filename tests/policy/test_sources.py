"""classify_source() and source extraction from markdown."""

import pytest

from moderation.policy import (
    Rules,
    SourceDomain,
    SourceKind,
    Term,
    TermKind,
    assess,
    classify_source,
    default_rules,
)

RULES = default_rules()
S, OF, X, B = SourceKind.SCHOLARLY, SourceKind.OFFICIAL, SourceKind.OTHER, SourceKind.BLOCKED

CLASSIFY = [
    # listed domains and true subdomains
    ("https://pubmed.ncbi.nlm.nih.gov/33852780/", S),
    ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7643046/", S),  # more specific than nih.gov
    ("https://www.nimh.nih.gov/health/topics/depression", OF),
    ("https://doi.org/10.1056/NEJMoa2032994", S),
    ("http://dx.doi.org/10.1056/x", S),
    ("https://onlinelibrary.wiley.com/doi/10.1002/x", S),
    ("https://link.springer.com/article/10.1007/x", S),
    ("https://www.thuisarts.nl/burn-out", OF),
    ("https://richtlijnen.nhg.org/standaarden/depressie", OF),
    ("https://www.rivm.nl/roken", OF),
    ("https://bit.ly/3xYzAbc", B),
    ("https://www.amazon.nl/dp/B0123", B),
    ("https://example.com/psilocybine", X),
    ("https://medium.com/@x/y", X),
    # case, ports, trailing dots, whitespace, encodings
    ("HTTPS://WWW.WHO.INT/EN", OF),
    ("HtTp://Who.Int", OF),
    ("https://www.who.int:443/news", OF),
    ("http://who.int./", OF),
    ("https://who.int../", OF),
    ("  https://who.int/x  ", OF),
    ("https://who%2eint/", OF),
    ("https://\uff57\uff48\uff4f\uff0e\uff49\uff4e\uff54/", OF),  # fullwidth who.int
    ("https:/who.int", OF),  # browsers repair missing slashes
    ("https:\\\\who.int\\x", OF),
    # look-alikes
    ("https://pubmed.ncbi.nlm.nih.gov.example.com/12345/", X),
    ("https://evil-who.int/psilocybin", X),
    ("https://notwho.int/", X),
    ("https://who.int.evil.com/", X),
    ("https://wh\u043e.int/", X),  # Cyrillic o
    ("https://xn--e1afmkfd.xn--p1ai/", X),
    # userinfo and delimiter tricks
    ("https://who.int@evil.com/", X),
    ("https://who.int:pass@evil.com/", X),
    ("https://evil.com@who.int/", OF),
    ("https://evil.com#@who.int", X),
    ("https://evil.com?@who.int", X),
    ("https://evil.com\\@who.int", X),
    ("https://who.int%2F@evil.com/", X),
    # IP addresses are URLs but no domain
    ("http://[::1]/x", X),
    ("https://192.168.1.1/", X),
    # not http(s): not a source at all
    ("javascript:alert('https://who.int')", None),
    ("JavaScript:void(0)", None),
    ("data:text/html,<a href=https://who.int>", None),
    ("mailto:info@who.int", None),
    ("ftp://who.int/file", None),
    ("//who.int/x", None),
    ("who.int", None),
    ("www.who.int", None),
    ("/relative/link", None),
    ("", None),
    ("https://", None),
    ("https:///path", X),  # browsers read "path" as the host
    ("https://:80/", None),
    ("https://who.int:abc/", None),
    ("https://who.int:99999/", None),
    ("https://who int/", None),
    ("https://who.int\x00.evil.com/", None),
]


@pytest.mark.parametrize("url,kind", CLASSIFY, ids=[c[0][:60] for c in CLASSIFY])
def test_classify_source(url, kind):
    assert classify_source(url, RULES) is kind


def test_classify_source_odd_types():
    assert classify_source(None, RULES) is None
    assert classify_source(b"https://who.int", RULES) is None
    assert classify_source("https://\ud800.int/", RULES) in (None, X)


def test_most_specific_domain_wins_and_blocked_wins_ties():
    rules = Rules(domains=[
        SourceDomain("nih.gov", OF),
        SourceDomain("spam.nih.gov", B),
        SourceDomain("example.org", B),
        SourceDomain("journal.example.org", S),
        SourceDomain("tie.org", OF),
        SourceDomain("tie.org", B),
        SourceDomain("tie2.org", B),
        SourceDomain("TIE2.org", S),
    ])
    assert classify_source("https://a.nih.gov/", rules) is OF
    assert classify_source("https://spam.nih.gov/", rules) is B
    assert classify_source("https://x.spam.nih.gov/", rules) is B  # blocked although nih.gov says official
    assert classify_source("https://example.org/", rules) is B
    assert classify_source("https://journal.example.org/", rules) is S  # an explicit, more specific rule
    assert classify_source("https://other.example.org/", rules) is B
    assert classify_source("https://tie.org/", rules) is B
    assert classify_source("https://www.tie2.org/", rules) is B
    assert rules.domain_kinds["tie.org"] is B


def test_domain_entries_are_normalised():
    assert SourceDomain("https://www.Thuisarts.NL/burn-out", "official").domain == "thuisarts.nl"
    assert SourceDomain("*.bmj.com", "scholarly").domain == "bmj.com"
    assert SourceDomain("user@who.int:8080", "official").domain == "who.int"
    assert SourceDomain("www.com", "other").domain == "www.com"
    for bad in ("", "   ", "https://", "[::1]", "a..b", "has space.com"):
        with pytest.raises(ValueError):
            SourceDomain(bad, "official")
    with pytest.raises(ValueError):
        SourceDomain("who.int", "trusted")


# ------------------------------------------------------------------ extraction


def sources(text, rules=RULES):
    result = assess(text, rules)
    return [(s.url, s.kind) for s in result.sources], result


def test_inline_link_with_title_and_offsets():
    text = 'Zie [deze studie](https://pubmed.ncbi.nlm.nih.gov/123/ "PubMed") voor meer.'
    found, result = sources(text)
    assert found == [("https://pubmed.ncbi.nlm.nih.gov/123/", S)]
    s = result.sources[0]
    assert text[s.start:s.end] == s.url


def test_inline_link_in_angle_brackets_and_with_parentheses():
    text = ("[a](<https://www.thuisarts.nl/a b>) en "
            "[lancet](https://www.thelancet.com/article/PIIS0140-6736(20)30183-5/fulltext)")
    found, _ = sources(text)
    assert found == [("https://www.thuisarts.nl/a b", OF),
                     ("https://www.thelancet.com/article/PIIS0140-6736(20)30183-5/fulltext", S)]


def test_image_links_count_like_links():
    found, _ = sources("![grafiek](https://www.nature.com/x.png)")
    assert found == [("https://www.nature.com/x.png", S)]


@pytest.mark.parametrize("text", [
    "zie [de studie][ref]\n\n[ref]: https://pubmed.ncbi.nlm.nih.gov/1/",
    "zie [de studie][REF]\n\n[ref]: <https://pubmed.ncbi.nlm.nih.gov/1/> \"titel\"",
    "zie [ref][]\n\n[ref]: https://pubmed.ncbi.nlm.nih.gov/1/",
    "zie [ref]\n\n  [ref]:\n  https://pubmed.ncbi.nlm.nih.gov/1/",
])
def test_reference_links(text):
    found, result = sources(text)
    assert found == [("https://pubmed.ncbi.nlm.nih.gov/1/", S)]
    s = result.sources[0]
    assert text[s.start:s.end] == s.url


def test_unused_reference_definition_is_not_a_source():
    found, _ = sources("geen link hier\n\n[ref]: https://pubmed.ncbi.nlm.nih.gov/1/")
    assert found == []


def test_autolink():
    found, result = sources("bron: <https://www.who.int/news>.")
    assert found == [("https://www.who.int/news", OF)]


@pytest.mark.parametrize("text,url", [
    ("zie https://www.who.int/news.", "https://www.who.int/news"),
    ("zie https://www.who.int/news!?", "https://www.who.int/news"),
    ("(zie https://www.who.int/news)", "https://www.who.int/news"),
    ("(zie https://www.who.int/news).", "https://www.who.int/news"),
    ("zie https://en.wikipedia.org/wiki/Psilocybin_(drug), echt", "https://en.wikipedia.org/wiki/Psilocybin_(drug)"),
    ("zie https://www.who.int/a;", "https://www.who.int/a"),
    ("zie https://www.who.int/a:", "https://www.who.int/a"),
    ('<a href="https://www.who.int/a">x</a>', "https://www.who.int/a"),
    ("zie www.rivm.nl/roken, daar", "https://www.rivm.nl/roken"),
    ("HTTPS://WWW.RIVM.NL/Roken", "HTTPS://WWW.RIVM.NL/Roken"),
])
def test_bare_urls_strip_trailing_punctuation(text, url):
    found, result = sources(text)
    assert [u for u, _k in found] == [url]
    assert found[0][1] in (OF, X)


@pytest.mark.parametrize("text,url", [
    ("doi:10.1176/appi.ajp.2018.17060720", "https://doi.org/10.1176/appi.ajp.2018.17060720"),
    ("zie DOI 10.1056/NEJMoa2032994.", "https://doi.org/10.1056/NEJMoa2032994"),
    ("(doi: 10.1016/S0140-6736(20)30183-5)", "https://doi.org/10.1016/S0140-6736(20)30183-5"),
    ("doi:https://doi.org/10.1000/abc", "https://doi.org/10.1000/abc"),
    ("PMID: 30301513", "https://pubmed.ncbi.nlm.nih.gov/30301513/"),
    ("PMID 30301513.", "https://pubmed.ncbi.nlm.nih.gov/30301513/"),
    ("pmid:0030301513", "https://pubmed.ncbi.nlm.nih.gov/30301513/"),
    ("PMCID: PMC7643046", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7643046/"),
])
def test_identifiers_written_as_text(text, url):
    found, result = sources(text)
    assert found == [(url, S)]
    s = result.sources[0]
    assert 0 <= s.start < s.end <= len(text)


def test_identifiers_are_scholarly_even_with_empty_rules():
    found, _ = sources("doi:10.1000/x en PMID 1", Rules())
    assert found == [("https://doi.org/10.1000/x", S), ("https://pubmed.ncbi.nlm.nih.gov/1/", S)]


def test_deduplicated_by_url_in_text_order():
    text = ("[a](https://www.who.int/x) en https://www.who.int/x en <https://www.who.int/x> "
            "en https://bit.ly/y")
    found, result = sources(text)
    assert found == [("https://www.who.int/x", OF), ("https://bit.ly/y", B)]
    assert result.sources[0].start == text.index("https://")


@pytest.mark.parametrize("text", [
    "[bron](javascript:alert('https://pubmed.ncbi.nlm.nih.gov/1/'))",
    "[bron](javascript:void(0))",
    "[bron](data:text/html;base64,PGgxPg==)",
    "[bron](mailto:info@who.int)",
    "[bron](ftp://who.int/paper.pdf)",
    "<mailto:info@who.int>",
    "[bron](/relative/path)",
    "[bron](#anchor)",
])
def test_non_http_targets_are_not_sources(text):
    found, _ = sources(text)
    assert found == []


@pytest.mark.parametrize("text", [
    "bron: `https://pubmed.ncbi.nlm.nih.gov/1/`",
    "bron: ``https://pubmed.ncbi.nlm.nih.gov/1/``",
    "```\nhttps://pubmed.ncbi.nlm.nih.gov/1/\n```",
    "~~~text\n[x](https://pubmed.ncbi.nlm.nih.gov/1/)\n~~~\n",
    "   ```\ndoi:10.1000/x\n   ```",
])
def test_urls_inside_code_are_not_sources(text):
    found, _ = sources(text)
    assert found == []


def test_code_does_not_hide_later_links():
    found, _ = sources("`code` en https://www.who.int/x en ```inline``` https://doi.org/10.1/x")
    assert [u for u, _ in found] == ["https://www.who.int/x", "https://doi.org/10.1/x"]


@pytest.mark.parametrize("text", [
    "zie thuisarts.nl/depressie.", "volgens rivm.nl", "pubmed.ncbi.nlm.nih.gov/33852780", "bit.ly/abc",
    "example.com/x", "mail info@rivm.nl", "bestand rapport.pdf",
])
def test_domain_names_in_words_are_not_sources(text):
    found, _ = sources(text)
    assert found == []


def test_sources_do_not_depend_on_a_claim():
    result = assess("Interessant: https://www.nature.com/articles/x", RULES)
    assert not result.health_claim and not result.needs_review
    assert result.qualifying_sources


def test_blocked_and_other_do_not_qualify():
    for url in ("https://bit.ly/x", "https://example.com/x", "https://evil-who.int/x"):
        result = assess(f"Ketamine geneest depressie {url}", RULES)
        assert result.health_claim and result.needs_review
        assert not result.qualifying_sources


def test_custom_domains_and_terms():
    rules = Rules(terms=[Term("helpt", TermKind.EFFECT), Term("angst", TermKind.CONDITION)],
                  domains=[SourceDomain("mijnbron.nl", SourceKind.OFFICIAL)])
    assert not assess("helpt bij angst https://www.mijnbron.nl/x", rules).needs_review
    assert assess("helpt bij angst https://www.thuisarts.nl/x", rules).needs_review


# ------------------------------------------------------------------ judging a link by its target

from moderation.policy.sources import judge_link  # noqa: E402


@pytest.mark.parametrize("url,kind,reason", [
    ("https://www.thuisarts.nl/spierkrampen", OF, ""),
    ("https://richtlijnen.nhg.org/standaarden/depressie", OF, ""),
    ("https://pubmed.ncbi.nlm.nih.gov/33852780/", S, ""),
    ("https://www.thuisarts.nl", X, "home_page"),
    ("https://www.thuisarts.nl/", X, "home_page"),
    ("https://www.rivm.nl/en", X, "home_page"),
    ("https://www.nhs.uk/index.html?utm_source=x", X, "home_page"),
    ("https://doi.org/", X, "home_page"),
    ("https://www.thuisarts.nl/zoeken?q=kramp", X, "search_page"),
    ("https://www.rivm.nl/search?query=griep", X, "search_page"),
    ("https://pubmed.ncbi.nlm.nih.gov/?term=magnesium", X, "search_page"),
    ("https://www.cochranelibrary.com/search", X, "search_page"),
    ("https://www.rivm.nl/contact", X, "not_document"),
    ("https://www.rivm.nl/roken?page=2", OF, ""),
    ("https://doi.org/10.1056/NEJMoa2032994", S, ""),
    ("https://doi.org/10.1101/gr.123456.110", S, ""),  # Genome Research shares bioRxiv's prefix
    ("https://doi.org/10.1101/GAD.1.2", S, ""),  # so does Genes & Development
    ("https://doi.org/10.1101/zenodo.5361906", X, "preprint"),  # any other 10.1101 DOI is not a journal's
    ("https://doi.org/10.1101/s13428-081-5041-4", X, "preprint"),
    ("https://doi.org/10.1101/2020.03.01.123456", X, "preprint"),
    ("https://doi.org/10.5281/zenodo.123456", X, "preprint"),
    ("https://doi.org/10.31219/osf.io/abcd", X, "preprint"),
    ("https://doi.org/10.21203/rs.3.rs-1/v1", X, "preprint"),
    ("https://doi.org/10.2139/ssrn.123", X, "preprint"),
    ("https://doi.org/10.20944/preprints202001.0001.v1", X, "preprint"),
    ("https://doi.org/10.6084/m9.figshare.1", X, "preprint"),
    ("https://www.medrxiv.org/content/10.1101/2020.03.01.123456v1", X, "preprint"),
    ("https://osf.io/abcd/", X, "preprint"),
    ("https://journal.example.org/doi/10.1234/abcd.5678", S, ""),
    ("https://www.example.com/article/10.1016/j.x.2020.1", S, ""),
    ("https://thuisarts.nl.voorbeeld.com/depressie", X, "lookalike"),
    ("https://rivm-info.nl/roken", X, "lookalike"),
    ("https://www.thuisarts-advies.nl/x", X, "lookalike"),
    ("https://xn--wh-gmc.int/news", X, "lookalike"),
    ("https://example.com/magnesium", X, "not_listed"),
    ("https://nl.wikipedia.org/wiki/Magnesium", X, "not_listed"),
    ("https://www.youtube.com/watch?v=x", X, "not_listed"),
    ("https://bit.ly/abc", B, "blocked"),
    ("mailto:info@rivm.nl", None, "scheme"),
    ("/t/12/", None, "scheme"),
])
def test_judge_link(url, kind, reason):
    assert judge_link(url, RULES) == (kind, reason)


def test_shipped_domains_each_have_a_reason_and_a_known_kind():
    from moderation.policy.defaults import DEFAULT_DOMAIN_ROWS

    assert len(DEFAULT_DOMAIN_ROWS) >= 200
    for row in DEFAULT_DOMAIN_ROWS:
        assert row["reason"].strip() and len(row["reason"]) <= 200, row
        assert SourceKind(row["kind"])
    kinds = {row["domain"]: row["kind"] for row in DEFAULT_DOMAIN_ROWS}
    for official in ("rivm.nl", "gezondheidsraad.nl", "cbg-meb.nl", "lareb.nl", "thuisarts.nl", "richtlijnen.nhg.org",
                     "farmacotherapeutischkompas.nl", "apotheek.nl", "trimbos.nl", "richtlijnendatabase.nl",
                     "sciensano.be", "fagg-afmps.be", "domusmedica.be", "gezondheidenwetenschap.be", "hgr-css.be",
                     "who.int", "nhs.uk", "nice.org.uk", "nih.gov", "medlineplus.gov", "cdc.gov", "ema.europa.eu",
                     "fda.gov", "ecdc.europa.eu"):
        assert kinds[official] == "official", official
    for scholarly in ("europepmc.org", "cochranelibrary.com", "nature.com", "thelancet.com", "nejm.org", "bmj.com",
                      "jamanetwork.com", "sciencedirect.com", "ntvg.nl"):
        assert kinds[scholarly] == "scholarly", scholarly
    for other in ("medrxiv.org", "biorxiv.org", "arxiv.org", "zenodo.org", "wikipedia.org", "youtube.com", "mayoclinic.org"):
        assert kinds[other] == "other", other
