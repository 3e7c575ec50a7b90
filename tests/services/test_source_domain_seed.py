"""The researched domain list reaches the admin table; admins' own entries are left alone."""

import importlib

import pytest
from django.apps import apps

from moderation.models import SourceDomain

pytestmark = pytest.mark.django_db
seed = importlib.import_module("moderation.migrations.0006_source_domain_data").seed_domains


def test_a_fresh_database_has_every_shipped_domain_with_its_reason():
    row = SourceDomain.objects.get(domain="richtlijnen.nhg.org")
    assert row.kind == "official" and "NHG" in row.note
    assert SourceDomain.objects.get(domain="medrxiv.org").kind == "other"
    assert SourceDomain.objects.filter(domain="sciensano.be", kind="official").exists()


def test_seeding_an_older_database_updates_seeded_rows_and_keeps_admin_edits():
    SourceDomain.objects.filter(domain="medrxiv.org").update(kind="scholarly", note="")  # as the first list had it
    SourceDomain.objects.filter(domain="thuisarts.nl").update(kind="blocked", note="tijdelijk geblokkeerd door admin")
    SourceDomain.objects.filter(domain="sciensano.be").delete()
    SourceDomain.objects.create(domain="mijnbron.nl", kind="official", note="eigen toevoeging")
    seed(apps, None)
    assert SourceDomain.objects.get(domain="medrxiv.org").kind == "other"
    assert SourceDomain.objects.get(domain="thuisarts.nl").kind == "blocked"
    assert SourceDomain.objects.get(domain="sciensano.be").kind == "official"
    assert SourceDomain.objects.filter(domain="mijnbron.nl").exists()
