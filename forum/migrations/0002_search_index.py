"""PostgreSQL only: a GIN index on the stored search vector (SQLite uses the simple fallback search)."""

from django.db import migrations


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE INDEX IF NOT EXISTS post_search_vector_gin ON forum_post USING GIN (search_vector)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS post_search_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("forum", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
