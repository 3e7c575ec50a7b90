"""Member Markdown becomes safe HTML on an allowlist; nothing executable survives."""

import pytest

from forum.markdown import render_markdown


def test_tables_nested_lists_and_emoji_render():
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n1. een\n    - twee\n\n🔹 Hersenen → beter ✔")
    assert "<table>" in html and "<td>1</td>" in html
    assert "<ol>" in html and "<ul>" in html
    assert "🔹" in html and "→" in html


def test_links_get_nofollow_ugc_noopener():
    html = render_markdown("[PubMed](https://pubmed.ncbi.nlm.nih.gov/1/)")
    assert 'rel="nofollow ugc noopener"' in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        '<img src=x onerror="alert(1)">',
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '<a href="#" onclick="alert(1)">klik</a>',
        "<svg onload=alert(1)>",
        "<iframe src=https://evil.example></iframe>",
        "[a][r]\n\n[r]: javascript:alert(1)",
    ],
)
def test_nothing_executable_survives(text):
    html = render_markdown(text).lower()
    assert "<script" not in html and "javascript:" not in html and "onerror" not in html
    assert "onclick" not in html and "onload" not in html and "<iframe" not in html and "data:" not in html


def test_only_images_from_our_own_uploads_are_kept():
    assert 'src="/media/uploads/a.png"' in render_markdown("![a](/media/uploads/a.png)")
    assert "evil.example" not in render_markdown("![a](https://evil.example/track.png)")


def test_headings_are_kept_within_h2_to_h4():
    html = render_markdown("# Een\n\n###### Zes")
    assert "<h1" not in html and "<h2>Een</h2>" in html and "<h4>Zes</h4>" in html


def test_a_pasted_address_becomes_a_link_readers_can_follow():
    html = render_markdown("Zie https://pubmed.ncbi.nlm.nih.gov/123456/ en www.thuisarts.nl voor meer.")
    assert '<a href="https://pubmed.ncbi.nlm.nih.gov/123456/" rel="nofollow ugc noopener">' in html
    assert '<a href="http://www.thuisarts.nl" rel="nofollow ugc noopener">www.thuisarts.nl</a>' in html


def test_addresses_in_code_and_in_written_links_are_left_as_they_are():
    html = render_markdown("`https://voorbeeld.nl` en [de richtlijn](https://www.nhg.org/)")
    assert "<code>https://voorbeeld.nl</code>" in html
    assert html.count("<a ") == 1 and ">de richtlijn</a>" in html


@pytest.mark.parametrize("text", ["javascript:alert(1)", "javascript://www.voorbeeld.nl/%0aalert(1)", "data:text/html,<b>x</b>"])
def test_only_web_addresses_become_links(text):
    html = render_markdown(text).lower()
    assert 'href="javascript' not in html and 'href="data' not in html


def test_strikethrough_footnotes_and_line_breaks_render():
    html = render_markdown("regel een\nregel twee ~~weg~~ en een noot[^1]\n\n[^1]: De noot.")
    assert "regel een<br>" in html and "<s>weg</s>" in html
    assert "De noot." in html and '<li id="fn-' in html and 'href="#fn-' in html


def test_footnote_anchors_differ_between_posts():
    first = render_markdown("a[^1]\n\n[^1]: x")
    second = render_markdown("b[^1]\n\n[^1]: y")
    anchor = first.split('id="fn-')[1].split('"')[0]
    assert anchor not in second


def test_table_alignment_needs_no_inline_style():
    html = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert '<td align="left">1</td>' in html and 'align="right"' in html and "style=" not in html


def test_fenced_code_is_kept_as_code():
    html = render_markdown("```python\nprint('<b>')\n```")
    assert "<pre><code>print('&lt;b&gt;')\n</code></pre>" in html


def test_a_bare_domain_name_stays_text():
    html = render_markdown("staat op thuisarts.nl en rivm.nl/roken")
    assert "<a " not in html and "thuisarts.nl" in html


@pytest.mark.parametrize("text,href", [
    ("zie doi:10.1056/NEJMoa2032994.", "https://doi.org/10.1056/NEJMoa2032994"),
    ("(doi: 10.1016/S0140-6736(20)30183-5)", "https://doi.org/10.1016/S0140-6736(20)30183-5"),
    ("DOI 10.1176/appi.ajp.2018.17060720, zie", "https://doi.org/10.1176/appi.ajp.2018.17060720"),
    ("artikel 10.1136/bmj.m1234 lezen", "https://doi.org/10.1136/bmj.m1234"),
    ("PMID: 30301513", "https://pubmed.ncbi.nlm.nih.gov/30301513/"),
    ("pmid 0030301513.", "https://pubmed.ncbi.nlm.nih.gov/30301513/"),
    ("PMCID: PMC7643046", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7643046/"),
])
def test_a_doi_or_pubmed_id_written_as_text_becomes_a_link(text, href):
    html = render_markdown(text)
    assert f'<a href="{href}" rel="nofollow ugc noopener">' in html
    assert html.count("<a ") == 1


@pytest.mark.parametrize("text,links", [
    ("`doi:10.1056/NEJMoa2032994`", 0),
    ("```\nPMID: 30301513\n```", 0),
    ("[lees dit](https://example.com/10.1056/x) en [PMID 1](https://example.com/p)", 2),
    ("https://doi.org/10.1056/NEJMoa2032994", 1),
    ("versie 10.2/3 van de app en 1.10.1234/x", 0),
])
def test_identifiers_in_code_links_or_other_numbers_are_left_alone(text, links):
    html = render_markdown(text)
    assert html.count("<a ") == links and "pubmed.ncbi" not in html
    assert html.count("doi.org/") <= 2 * text.count("doi.org/")


def test_a_bare_email_address_stays_text_and_a_single_tilde_means_about():
    html = render_markdown("Mail jan@voorbeeld.nl, neem ~5 mg en ~~niet~~ meer")
    assert "<a " not in html and "~5 mg" in html and "<s>niet</s>" in html


def test_footnotes_with_named_labels_are_numbered_per_post():
    html = render_markdown("Een[^bron] en twee[^bron] en drie[^x]\n\n[^bron]: RIVM\n[^x]: NHG")
    doc = html.split('id="fnref-')[1].split("-")[0]
    assert f'<a href="#fn-{doc}-1" id="fnref-{doc}-1" rel="nofollow ugc noopener">[1]</a>' in html
    assert f'id="fnref-{doc}-1:1"' in html and f'<li id="fn-{doc}-2">' in html
    assert f'href="#fnref-{doc}-1:1"' in html and "RIVM" in html and "NHG" in html


def test_an_address_whose_host_no_dns_name_can_have_stays_text():
    assert "<a " not in render_markdown("www." * 5_000)
    assert "<a " not in render_markdown("https://" + "a" * 64 + ".nl/")
    assert '<a href="https://sub.thuisarts.nl/x"' in render_markdown("https://sub.thuisarts.nl/x")


def test_a_table_past_five_hundred_rows_goes_on_as_text_and_loses_no_word():
    rows = "".join(f"| rij{n} | waarde {n} |\n" for n in range(700))
    html = render_markdown("| naam | getal |\n|---|---|\n" + rows + "\nNa de tabel.")
    assert html.count("<tr>") == 500  # the header and 499 rows of the body
    for n in (0, 498, 499, 699):
        assert f"rij{n}" in html and f"waarde {n}" in html
    assert "<p>rij499 | waarde 499 / rij500 | waarde 500" in html  # cells apart by |, rows by /
    assert html.rstrip().endswith("<p>Na de tabel.</p>")


def test_the_five_hundred_table_rows_are_shared_by_all_tables_of_a_post():
    html = render_markdown("\n\n".join(f"| kop{n} |\n|---|\n| cel{n} |" for n in range(300)))
    assert html.count("<tr>") == 500 and html.count("<table>") == 250
    assert "<p>kop250 / cel250</p>" in html and "cel299" in html


def test_a_long_table_inside_a_quote_or_a_list_is_cut_the_same_way():
    rows = "".join(f"> | r{n} |\n" for n in range(600))
    html = render_markdown("> | kop |\n> |---|\n" + rows)
    assert html.count("<tr>") == 500 and "r599" in html and html.count("<blockquote>") == 1
