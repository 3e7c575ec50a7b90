"""The Dutch catalogue: complete, no fuzzy entries, placeholders intact, every string in the code
present, and the committed .mo the same as the .po.

When one of these fails after you changed strings: `make messages`, translate the new msgstr
lines in locale/nl/LC_MESSAGES/django.po, `make messages` again (README: Translations).
"""

import gettext
import re
from pathlib import Path

import markdownx
import polib

from tests.i18n.checks import MO_FILE, PO_FILE, load_catalogue, python_msgids, template_msgids

HINT = "run `make messages`, translate in locale/nl/LC_MESSAGES/django.po, then `make messages` again"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
HTML_TAG = re.compile(r"</?\w+")


def test_the_catalogue_is_dutch_with_two_plural_forms():
    catalogue = load_catalogue()
    assert catalogue.metadata["Language"] == "nl"
    assert catalogue.metadata["Plural-Forms"].replace(" ", "") == "nplurals=2;plural=(n!=1);"
    assert not catalogue.metadata_is_fuzzy


def test_every_message_is_translated_and_none_is_fuzzy():
    catalogue = load_catalogue()
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated: {untranslated}; {HINT}"
    assert not fuzzy, f"fuzzy (check the translation, then remove the fuzzy flag): {fuzzy}"


def test_plural_messages_have_both_dutch_forms():
    for entry in load_catalogue().translated_entries():
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1] and all(entry.msgstr_plural.values()), entry.msgid


def test_translations_keep_the_placeholders_and_markup():
    problems = []
    for entry in load_catalogue().translated_entries():
        pairs = [(entry.msgid, entry.msgstr)] if not entry.msgid_plural else [
            (entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])
        ]
        for source, translation in pairs:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
                problems.append(f"placeholders differ: {source!r} -> {translation!r}")
            if sorted(HTML_TAG.findall(source)) != sorted(HTML_TAG.findall(translation)):
                problems.append(f"HTML differs: {source!r} -> {translation!r}")
    assert not problems, "\n".join(problems)


def _missing(used):
    catalogue = load_catalogue()
    known = {(entry.msgctxt, entry.msgid): entry for entry in catalogue.translated_entries()}
    missing = []
    for context, msgid, plural, where in used:
        entry = known.get((context, msgid))
        if entry is None or (plural is not None and entry.msgid_plural != plural):
            missing.append(f"{where}: {msgid!r}")
    return missing


def test_every_string_in_the_templates_is_translated():
    used = template_msgids()
    assert len(used) > 100  # the extraction itself works
    missing = _missing(used)
    assert not missing, f"not in the Dutch catalogue ({HINT}):\n" + "\n".join(missing)


def test_every_string_in_the_python_code_is_translated():
    used = python_msgids()
    assert len(used) > 100
    missing = _missing(used)
    assert not missing, f"not in the Dutch catalogue ({HINT}):\n" + "\n".join(missing)


def test_markdownx_strings_are_in_our_catalogue_because_markdownx_ships_no_nl():
    shipped = Path(markdownx.__file__).parent / "locale"
    assert not (shipped / "nl").exists(), "markdownx ships nl now: forum/third_party_strings.py may be dropped"
    theirs = {entry.msgid for entry in polib.pofile(str(shipped / "de" / "LC_MESSAGES" / "django.po")) if entry.msgid}
    ours = {entry.msgid for entry in load_catalogue().translated_entries()}
    assert theirs - ours == set(), "add the new markdownx strings to forum/third_party_strings.py"


def test_the_committed_mo_matches_the_po():
    """Django ships no compiler, so compare what GNU gettext reads from the .mo with the .po's entries."""
    catalogue = load_catalogue()
    with MO_FILE.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    expected = {}
    for entry in catalogue.translated_entries():
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            expected.update({(key, int(n)): text for n, text in entry.msgstr_plural.items()})
        else:
            expected[key] = entry.msgstr
    compiled.pop("", None)
    assert compiled == expected, f"{MO_FILE.name} is out of date with {PO_FILE.name}: run `make messages`"
