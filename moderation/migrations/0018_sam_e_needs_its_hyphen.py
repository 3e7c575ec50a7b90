"""The supplement SAM-e was listed as "sam-e", and a hyphen in a term also matches nothing, so
every "same" in an answer read as a substance ("check every other PC for the same"). It is now
"sam e": a space matches a space or a hyphen, never nothing. Admins may have edited the row;
only the shipped phrase is replaced."""

import time

from django.db import migrations
from django.db.models import F, Value
from django.db.models.functions import Greatest


def fix_sam_e(apps, schema_editor):
    HealthTerm = apps.get_model("moderation", "HealthTerm")
    RulesVersion = apps.get_model("moderation", "RulesVersion")
    if HealthTerm.objects.filter(phrase="sam e", kind="substance", language="").exists():
        changed = HealthTerm.objects.filter(phrase="sam-e", kind="substance", language="").delete()[0]
    else:
        changed = HealthTerm.objects.filter(phrase="sam-e", kind="substance", language="").update(phrase="sam e")
    if changed:  # compiled rule sets are cached per version: make every worker read the tables again
        RulesVersion.objects.filter(pk=1).update(version=Greatest(F("version") + 1, Value(time.time_ns() // 1000)))


class Migration(migrations.Migration):
    dependencies = [("moderation", "0017_sanction_from_a_post")]

    operations = [migrations.RunPython(fix_sam_e, migrations.RunPython.noop)]
