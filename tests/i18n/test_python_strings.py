"""Text that Python code hands to people goes through a translation function, never as a bare string.

Looks at the places where our code speaks to people: messages, refusals and validation errors,
JSON errors, form and model labels, and choice labels. A literal with letters there is a string
that the Dutch catalogue can never translate.
"""

import ast

from tests.i18n.checks import python_files

MESSAGE_LEVELS = {"debug", "info", "success", "warning", "error"}
REFUSALS = {
    "PermissionDenied", "ValidationError", "SolutionError", "ModerationError", "FlagError", "UploadRefused",
    "HttpResponseBadRequest", "HttpResponseForbidden",
}
LABEL_KEYWORDS = {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label"}


def _is_plain_text(node):
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and any(char.isalpha() for char in node.value)


def _name(func):
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _spoken_arguments(call):
    """The arguments of `call` that reach a person, if it is one of the calls we look at."""
    name = _name(call.func)
    if name in MESSAGE_LEVELS and isinstance(call.func, ast.Attribute) and _name(call.func.value) == "messages":
        yield from call.args[1:2]
    if name in REFUSALS:
        yield from call.args[:1]
    if name == "add_error":
        yield from call.args[1:2]
    if name == "JsonResponse" and call.args and isinstance(call.args[0], ast.Dict):
        for key, value in zip(call.args[0].keys, call.args[0].values, strict=True):
            if isinstance(key, ast.Constant) and key.value in ("error", "message", "detail"):
                yield value
    for keyword in call.keywords:
        if keyword.arg in LABEL_KEYWORDS:
            yield keyword.value
        if keyword.arg == "choices" and isinstance(keyword.value, ast.List | ast.Tuple):
            for choice in keyword.value.elts:
                if isinstance(choice, ast.Tuple) and len(choice.elts) == 2:
                    yield choice.elts[1]


def untranslated_python_strings():
    found = []
    for path, relative in python_files():
        for node in ast.walk(ast.parse(path.read_text(), relative)):
            if isinstance(node, ast.Call):
                found += [f"{relative}:{arg.lineno}: {ast.unparse(arg)}" for arg in _spoken_arguments(node) if _is_plain_text(arg)]
    return found


def test_python_code_hands_people_only_translated_text():
    found = untranslated_python_strings()
    assert not found, "wrap these in gettext / gettext_lazy:\n" + "\n".join(found)


def test_the_checker_finds_a_bare_string(tmp_path, monkeypatch):
    from tests.i18n import checks

    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "bad.py").write_text(
        'messages.success(request, "Saved.")\nraise PermissionDenied(f"No {x}")\nforms.CharField(label=_("Fine"), help_text="Plain")\n'
        'JsonResponse({"error": "Nope"})\nforms.ChoiceField(choices=[("1", "+1"), ("a", "Apple")])\n'
    )
    monkeypatch.setattr(checks, "ROOT", tmp_path)
    monkeypatch.setattr(checks, "PYTHON_SOURCES", ("config",))
    assert [line.split(": ", 1)[0] for line in untranslated_python_strings()] == [
        "config/bad.py:1", "config/bad.py:2", "config/bad.py:3", "config/bad.py:4", "config/bad.py:5",
    ]


def test_every_field_of_our_forms_has_a_translated_label():
    """A field without a label shows its English name ("Decision"), which no catalogue translates."""
    import inspect

    from django import forms
    from django.utils.functional import Promise

    import forum.forms
    import moderation.forms

    never_rendered = {"VoteForm", "ReactionForm"}  # posted by buttons, their fields are never shown
    plain = []
    for module in (forum.forms, moderation.forms):
        for name, form in inspect.getmembers(module, inspect.isclass):
            if issubclass(form, forms.Form) and form.__module__ == module.__name__ and name not in never_rendered:
                for field_name, field in form.base_fields.items():
                    if not field.widget.is_hidden and not isinstance(field.label, Promise):
                        plain.append(f"{name}.{field_name}")
    assert not plain, f"give these fields label=_(...): {plain}"
