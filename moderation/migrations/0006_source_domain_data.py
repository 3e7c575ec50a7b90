"""Seed the researched source-domain list (moderation/policy/data/sources.json) into existing databases.

A shipped domain that is missing is added with its reason as the note. A domain still as the
first seeding left it (no note) takes the new kind and the reason: preprint servers were
scholarly and are now "other", a hospital site is no longer official. A row an admin has
given a note is theirs and stays as it is; nothing is deleted.
"""

from django.db import migrations


def seed_domains(apps, schema_editor):
    from moderation.policy.defaults import DEFAULT_DOMAIN_ROWS
    from moderation.policy.sources import normalize_domain

    SourceDomain = apps.get_model("moderation", "SourceDomain")
    existing = {row.domain: row for row in SourceDomain.objects.all()}
    missing = []
    for data in DEFAULT_DOMAIN_ROWS:
        domain = normalize_domain(data["domain"])
        note = data["reason"][:200]
        row = existing.get(domain)
        if row is None:
            missing.append(SourceDomain(domain=domain, kind=data["kind"], note=note))
        elif not row.note:
            row.kind, row.note = data["kind"], note
            row.save(update_fields=["kind", "note"])
    SourceDomain.objects.bulk_create(missing, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("moderation", "0005_decisions_bound_to_revisions")]

    operations = [migrations.RunPython(seed_domains, migrations.RunPython.noop)]
