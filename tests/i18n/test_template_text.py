"""Every piece of text a person sees in templates/ goes through {% translate %} or {% blocktranslate %}."""

import pytest

from tests.i18n.checks import ROOT, template_files, untranslated_text


@pytest.mark.parametrize("path", template_files(), ids=lambda path: str(path.relative_to(ROOT / "templates")))
def test_template_has_no_text_outside_translation_tags(path):
    found = untranslated_text(path.read_text())
    assert not found, "\n".join(f"{path.relative_to(ROOT)}:{line}: {word!r} is not translated" for line, word in found)


def test_the_checker_finds_plain_text_and_visible_attributes():
    source = """{% load i18n %}<p title="Plain title">{% translate "Fine" %} Hello</p>
{# a comment #}<img alt='A cat' src="{{ url }}"> {% blocktranslate %}Fine {{ x }}{% endblocktranslate %}
<a href="https://wa.me/">WhatsApp</a> &amp; 🔔 · <input placeholder="{% translate 'Fine' %}">
<button aria-label="Close">×</button><input type="submit" value="Send"><input type="hidden" name="a" value="data">
<script>let notText = "ignored";</script>"""
    assert sorted(untranslated_text(source)) == [
        (1, "Hello"), (1, "Plain"), (1, "title"), (2, "A"), (2, "cat"), (4, "Close"), (4, "Send"),
    ]
