"""docs/PRIVACY.md lists every field of every model; a new field holding personal data cannot slip in unlisted."""

import re
from pathlib import Path

from django.apps import apps

from privacy.exporting import ACCOUNT_FIELDS, SETTINGS_FIELDS

PRIVACY_MD = Path(__file__).resolve().parents[2] / "docs" / "PRIVACY.md"
ROW = re.compile(r"^\| `([\w.]+)` \| (yes|health|no) \| ([^|]+) \| ([^|]+) \|$")


def register(text):
    """{app.Model.field: (personal, in export, kept)} from the machine-readable table."""
    table = text.split("<!-- fields:start -->", 1)[1].split("<!-- fields:end -->", 1)[0]
    rows = {}
    for line in table.strip().splitlines()[2:]:
        match = ROW.match(line.strip())
        assert match, f"PRIVACY.md: a row of the field table is malformed: {line!r}"
        rows[match.group(1)] = (match.group(2), match.group(3).strip(), match.group(4).strip())
    return rows


def problems(rows):
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            key = f"{model._meta.app_label}.{model.__name__}.{field.name}"
            if key not in rows:
                found.append(f"{key} is not listed in docs/PRIVACY.md (personal data? exported? how long kept?)")
                continue
            personal, exported, kept = rows[key]
            if personal != "no" and not (exported == "yes" or exported.startswith("no (")):
                found.append(f"{key} holds personal data: say whether it is exported, or why not")
            if personal != "no" and kept in ("", "—"):
                found.append(f"{key} holds personal data: say how long it is kept")
    return found


def test_every_field_of_every_model_is_listed_in_privacy_md():
    assert problems(register(PRIVACY_MD.read_text())) == []


def test_a_new_personal_field_missing_from_privacy_md_is_reported():
    rows = register(PRIVACY_MD.read_text())
    del rows["forum.User.email"]
    assert problems(rows) == ["forum.User.email is not listed in docs/PRIVACY.md (personal data? exported? how long kept?)"]


def test_a_personal_field_without_export_decision_is_reported():
    rows = register(PRIVACY_MD.read_text())
    rows["forum.User.email"] = ("yes", "—", "forever")
    assert problems(rows) == ["forum.User.email holds personal data: say whether it is exported, or why not"]


def test_member_fields_marked_exported_are_in_the_export():
    rows = register(PRIVACY_MD.read_text())
    exported = {key.rsplit(".", 1)[1] for key, (personal, export, _) in rows.items()
                if key.startswith("forum.User.") and export == "yes"}
    assert exported == set(ACCOUNT_FIELDS + SETTINGS_FIELDS) - {"id"}
