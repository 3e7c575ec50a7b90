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
