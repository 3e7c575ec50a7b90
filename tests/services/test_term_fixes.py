"""Data migrations that correct a shipped term in a running forum's table."""

import importlib

import pytest
from django.apps import apps

from moderation.models import HealthTerm, RulesVersion
from moderation.rules import rules_version

fix = importlib.import_module("moderation.migrations.0018_sam_e_needs_its_hyphen").fix_sam_e


@pytest.mark.django_db
def test_the_sam_e_term_is_replaced_and_the_rules_reload():
    HealthTerm.objects.filter(phrase="sam e").delete()
    HealthTerm.objects.get_or_create(phrase="sam-e", kind="substance", language="")
    RulesVersion.objects.update_or_create(pk=1, defaults={"version": 5})
    fix(apps, None)
    assert HealthTerm.objects.filter(phrase="sam e", kind="substance").count() == 1
    assert not HealthTerm.objects.filter(phrase="sam-e").exists()
    assert rules_version() > 5


@pytest.mark.django_db
def test_an_admins_own_sam_e_row_is_left_alone_and_nothing_reloads():
    HealthTerm.objects.filter(phrase__in=["sam e", "sam-e"]).delete()
    HealthTerm.objects.create(phrase="sam-e", kind="substance", language="en", weight=0.5)
    RulesVersion.objects.update_or_create(pk=1, defaults={"version": 5})
    fix(apps, None)
    assert HealthTerm.objects.get(phrase="sam-e").language == "en"
    assert rules_version() == 5
