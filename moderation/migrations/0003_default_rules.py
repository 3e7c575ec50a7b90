"""Ship the default health terms and source domains; admins edit them afterwards."""

from django.db import migrations


def load_defaults(apps, schema_editor):
    from moderation.policy.defaults import DEFAULT_DOMAINS, DEFAULT_TERMS

    HealthTerm = apps.get_model("moderation", "HealthTerm")
    SourceDomain = apps.get_model("moderation", "SourceDomain")
    HealthTerm.objects.bulk_create(
        [HealthTerm(phrase=t.phrase, kind=t.kind.value, language=t.language, weight=t.weight) for t in DEFAULT_TERMS],
        ignore_conflicts=True,
    )
    SourceDomain.objects.bulk_create(
        [SourceDomain(domain=d.domain, kind=d.kind.value) for d in DEFAULT_DOMAINS],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("moderation", "0002_moderators_group")]

    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
