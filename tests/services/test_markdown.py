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
