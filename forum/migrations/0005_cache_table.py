"""The database cache's table, so `migrate` alone sets up everything the app needs."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # createcachetable skips caches that are not database caches and tables that exist.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("forum", "0004_conversation")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
