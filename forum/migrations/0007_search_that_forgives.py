"""Search that forgives: Dutch stemming with unaccent, a vocabulary for "did you mean", FTS5 on SQLite.

PostgreSQL needs the unaccent and pg_trgm extensions (contrib, shipped with PostgreSQL; creating
them needs a role allowed to, see docs/DEPLOY.md). Every post is indexed again from its visible text.
"""

from django.db import migrations, models

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS forum_dutch",
    "CREATE TEXT SEARCH CONFIGURATION forum_dutch (COPY = dutch)",
    "ALTER TEXT SEARCH CONFIGURATION forum_dutch ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem",
    "CREATE INDEX IF NOT EXISTS searchword_trgm ON forum_searchword USING GIN (word gin_trgm_ops)",
]
PG_BACKWARD = ["DROP INDEX IF EXISTS searchword_trgm", "DROP TEXT SEARCH CONFIGURATION IF EXISTS forum_dutch"]
SQLITE_FORWARD = ['CREATE VIRTUAL TABLE IF NOT EXISTS forum_post_fts USING fts5(title, body, tokenize="unicode61 remove_diacritics 2")']
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS forum_post_fts"]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in PG_FORWARD if vendor == "postgresql" else SQLITE_FORWARD if vendor == "sqlite" else ():
        schema_editor.execute(statement)
    from forum.search import post_index  # the code that keeps the index: the migration must index exactly as it does

    Post = apps.get_model("forum", "Post")
    for post_id in Post.objects.values_list("pk", flat=True).iterator():
        post_index(post_id)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in PG_BACKWARD if vendor == "postgresql" else SQLITE_BACKWARD if vendor == "sqlite" else ():
        schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("forum", "0006_rate_limit_windows"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=40, unique=True, verbose_name="word")),
            ],
            options={"verbose_name": "search word", "verbose_name_plural": "search words"},
        ),
        migrations.RunPython(forward, backward),
    ]
