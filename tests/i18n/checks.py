"""Helpers for the translation tests: what our templates show, and which msgids our code uses.

Pure Python on purpose: they need neither gettext's tools nor a database, so the tests that
use them run on a fresh machine and catch strings added after the catalogue was made.
"""

import ast
import re
from pathlib import Path

import polib
from django.conf import settings
from django.template import engines
from django.templatetags.i18n import BlockTranslateNode, TranslateNode
from django.utils.translation import trim_whitespace

ROOT = Path(settings.BASE_DIR)
TEMPLATES = ROOT / "templates"
PO_FILE = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")
# Our own code. moderation/policy/ is left out: its rule names are English data, not text for people.
PYTHON_SOURCES = ("config", "forum", "moderation", "privacy")
PYTHON_EXCLUDED = ("moderation/policy/", "/migrations/")

# Words that are the same in both languages: brand names, and each language's own name on the switch.
ALLOWED_WORDS = {"WhatsApp", "LinkedIn", "X", "Facebook", "English", "Nederlands"}
VISIBLE_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")


def template_files():
    return sorted(path for path in TEMPLATES.rglob("*") if path.is_file() and path.suffix in (".html", ".txt"))


def _blank(match):
    """Remove a span but keep its line breaks, so reported line numbers stay right."""
    return " " + "\n" * match.group(0).count("\n")


def untranslated_text(source):
    """(line, text) for every piece of visible text that is outside a translation tag.

    Strips comments, translation tags and blocks, other tags and variables, scripts and
    styles, HTML tags and entities; the values of the attributes that people see or hear
    (title, placeholder, aria-label, alt, and value on input buttons) are checked as text too.
    """
    text = re.sub(r"\{#.*?#\}", _blank, source, flags=re.S)
    text = re.sub(r"\{%\s*comment\b.*?%\}.*?\{%\s*endcomment\s*%\}", _blank, text, flags=re.S)
    text = re.sub(r"\{%\s*blocktrans(?:late)?\b.*?%\}.*?\{%\s*endblocktrans(?:late)?\s*%\}", _blank, text, flags=re.S)
    text = re.sub(r"\{%.*?%\}", _blank, text, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}", _blank, text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", _blank, text, flags=re.S | re.I)
    found = []
    attribute = re.compile(r"""\s(""" + "|".join(VISIBLE_ATTRIBUTES) + r""")\s*=\s*("[^"]*"|'[^']*')""", re.I)
    button_value = re.compile(r"""\svalue\s*=\s*("[^"]*"|'[^']*')""", re.I)
    for tag in re.finditer(r"<[^>]*>", text):
        line = text.count("\n", 0, tag.start()) + 1
        values = [value.group(2) for value in attribute.finditer(tag.group(0))]
        if re.match(r"<input\b[^>]*\stype\s*=\s*[\"']?(submit|button|reset)\b", tag.group(0), re.I):
            values += [value.group(1) for value in button_value.finditer(tag.group(0))]
        found += [(line, word) for value in values for word in _words(value[1:-1])]
    text = re.sub(r"<[^>]*>", _blank, text)
    text = re.sub(r"&(#\d+|#x[0-9a-f]+|\w+);", " ", text, flags=re.I)
    for number, line in enumerate(text.split("\n"), start=1):
        found += [(number, word) for word in _words(line)]
    return found


def _words(text):
    return [word for word in re.findall(r"[^\W\d_]+", text) if word not in ALLOWED_WORDS]


def template_msgids():
    """(msgctxt, msgid, msgid_plural, where) for every translate and blocktranslate tag in templates/."""
    engine = engines["django"].engine
    found = []
    for path in template_files():
        template = engine.from_string(path.read_text())
        where = str(path.relative_to(ROOT))
        for node in template.nodelist.get_nodes_by_type(TranslateNode):
            expression = node.filter_expression
            if expression.var.literal is not None or getattr(expression.var, "translate", False):
                context = node.message_context.resolve({}) if node.message_context else None
                found.append((context, expression.var.literal, None, where))
        for node in template.nodelist.get_nodes_by_type(BlockTranslateNode):
            singular = node.render_token_list(node.singular)[0]
            plural = node.render_token_list(node.plural)[0] if node.plural else None
            if node.trimmed:
                singular = trim_whitespace(singular)
                plural = trim_whitespace(plural) if plural else None
            context = node.message_context.resolve({}) if node.message_context else None
            found.append((context, singular, plural, where))
    return found


TRANSLATION_FUNCTIONS = {
    "_": (None, 0, None), "gettext": (None, 0, None), "gettext_lazy": (None, 0, None), "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1), "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None), "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2), "npgettext_lazy": (0, 1, 2),
}


def python_files():
    for folder in PYTHON_SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = str(path.relative_to(ROOT))
            if not any(part in "/" + relative for part in PYTHON_EXCLUDED):
                yield path, relative


def _function_name(call):
    return call.func.id if isinstance(call.func, ast.Name) else call.func.attr if isinstance(call.func, ast.Attribute) else None


def python_msgids():
    """(msgctxt, msgid, msgid_plural, where) for every call to a translation function with literal strings."""
    found = []
    for path, relative in python_files():
        for call in ast.walk(ast.parse(path.read_text(), relative)):
            if not isinstance(call, ast.Call) or _function_name(call) not in TRANSLATION_FUNCTIONS:
                continue
            positions = TRANSLATION_FUNCTIONS[_function_name(call)]
            values = [arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None for arg in call.args]
            context, singular, plural = (values[i] if i is not None and i < len(values) else None for i in positions)
            if singular is not None:
                found.append((context, singular, plural, f"{relative}:{call.lineno}"))
    return found


def load_catalogue():
    return polib.pofile(str(PO_FILE))
