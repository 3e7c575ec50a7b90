"""The policy reads what a reader sees: visible text of sanitised HTML, normalised."""

import pytest

from moderation.policy.normalise import normalise
from moderation.policy.visible import VisibleLink, plain_document, visible_document


@pytest.mark.parametrize("hidden,seen", [
    ("ge\u200bne\u200best", "geneest"),  # zero-width space
    ("ge\u200dne\u200cest", "geneest"),  # zero-width joiner / non-joiner
    ("ge\u2060ne\ufeffest", "geneest"),  # word joiner, BOM
    ("ge\u00adne\u00adest", "geneest"),  # soft hyphens
    ("ge\ufe0fne\u034fest", "geneest"),  # variation selector, combining grapheme joiner
    ("ge\U000e0067ne\U000e0065est", "geneest"),  # tag characters
    ("helpt\u2800tegen\u2800angst", "helpt tegen angst"),  # Braille blanks as spaces
    ("helpt\u00a0tegen\u3000angst\u2007!", "helpt tegen angst !"),
    ("\uff47\uff45\uff4e\uff45\uff45\uff53\uff54", "geneest"),  # fullwidth letters
    ("g\u0435n\u0435\u0435st", "geneest"),  # Cyrillic e
    ("k\u0435t\u0430min\u0435", "ketamine"),  # Cyrillic e and a
    ("\u03bf\u03c1\u03b1", "opa"),  # Greek omicron, rho, alpha
    ("\u0399BUPROFEN", "IBUPROFEN"),  # Greek capital iota stays a capital I
    ("een\r\nregel", "een\nregel"),
])
def test_normalise_undoes_what_readers_cannot_see(hidden, seen):
    assert normalise(hidden) == seen


@pytest.mark.parametrize("text", ["café ëten coördinatie", "Zie 25 mg per dag", "µg en 10 °C", ""])
def test_normalise_keeps_ordinary_dutch_text_readable(text):
    assert normalise(text).replace("\u03bc", "\u00b5") == text


def test_words_split_by_inline_markup_stay_one_word():
    doc = visible_document("<p>ketamine ge<strong>nee</strong>st de<em>pres</em>sie, sn<del></del>el</p>")
    assert doc.text == "ketamine geneest depressie, snel"


def test_entities_and_comments_inside_words_are_read_as_letters():
    doc = visible_document("<p>&#107;etamine g&eacute;n&#x65;est<!-- stil --> angst</p>")
    assert doc.text == "ketamine géneest angst"


def test_code_is_left_out_and_does_not_glue_words():
    doc = visible_document("<p>zie<code>ketamine geneest</code>hier</p><pre><code>magnesium helpt\n</code></pre><p>eind</p>")
    assert doc.text == "zie hier\n\neind"


def test_script_and_style_contents_do_not_exist():
    doc = visible_document("<p>a</p><script>https://www.thuisarts.nl/x</script><style>b{}</style><p>c</p>")
    assert "thuisarts" not in doc.text and doc.links == ()


def test_alt_text_and_titles_are_visible_text():
    doc = visible_document('<p><img alt="magnesium geneest" src="/media/a.png" title="kramp"> en '
                           '<a href="https://example.com/x" title="echt waar">link</a></p>')
    assert "magnesium geneest" in doc.text and "kramp" in doc.text and "echt waar" in doc.text


def test_blocks_line_breaks_and_cells_separate_words():
    doc = visible_document("<h2>Kop</h2><p>een<br>twee</p><ul><li>drie</li><li>vier</li></ul>"
                           "<table><tr><td>vijf</td><td>zes</td></tr></table>")
    assert doc.text.split() == ["Kop", "een", "twee", "drie", "vier", "vijf", "zes"]
    assert "eentwee" not in doc.text


def test_quotes_are_marked_and_left_out_of_the_authors_text():
    doc = visible_document("<p>Klopt dit?</p><blockquote><p>ketamine geneest depressie</p>"
                           "<blockquote><p>dieper</p></blockquote></blockquote><p>Ik twijfel.</p>")
    assert "ketamine geneest depressie" in doc.text
    assert "ketamine" not in doc.author_text and "dieper" not in doc.author_text
    assert doc.author_text.split() == ["Klopt", "dit?", "Ik", "twijfel."]
    assert "dieper" in doc.quoted_text


def test_links_are_the_hrefs_that_survived_with_their_visible_text():
    doc = visible_document('<p><a href="https://example.com/x" rel="nofollow">https://www.thuisarts.nl/a</a> '
                           '<a rel="nofollow">https://www.rivm.nl/b</a></p>'
                           '<blockquote><p><a href="https://doi.org/10.1/x">bron</a></p></blockquote>')
    assert doc.links == (
        VisibleLink(href="https://example.com/x", text="https://www.thuisarts.nl/a"),
        VisibleLink(href="https://doi.org/10.1/x", text="bron", quoted=True),
    )


def test_with_title_puts_the_title_in_front():
    doc = visible_document("<p>body</p>").with_title("Ketamine\u200b geneest")
    assert doc.text == "Ketamine geneest\n\nbody" and doc.author_text == doc.text


def test_plain_document_is_normalised_text_without_links():
    doc = plain_document("ge\u200bneest")
    assert doc.text == doc.author_text == "geneest" and doc.links == ()


def test_quote_offsets_point_at_the_quoted_words_in_the_text():
    doc = visible_document("<p>Klopt dit?</p><blockquote><p>ketamine geneest</p><p>depressie</p></blockquote>"
                           "<p>Ik twijfel.</p><blockquote><p>tweede</p></blockquote>")
    assert [doc.text[s:e] for s, e in doc.quotes] == ["ketamine geneest\n\ndepressie", "tweede"]
    assert doc.text == "Klopt dit?\n\nketamine geneest\n\ndepressie\n\nIk twijfel.\n\ntweede"
    titled = doc.with_title("Vraag")
    assert [titled.text[s:e] for s, e in titled.quotes] == ["ketamine geneest\n\ndepressie", "tweede"]
