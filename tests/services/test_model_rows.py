"""forum.model_rows: instances read by plain SQL are the instances the ORM builds."""

from django.db import connection
from django.db.models import signals

from forum import model_rows, selectors
from forum.models import Post, Topic


def _state(instance):
    values = {name: value for name, value in vars(instance).items() if name != "_state"}
    return values, instance.get_deferred_fields(), instance._state.adding, instance._state.db


def test_the_topic_pages_posts_are_the_instances_the_orm_makes_with_the_same_columns(topic, answer_factory):
    answer_factory(topic=topic)
    columns = selectors._PAGE_POST
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns.sql()} FROM {Post._meta.db_table} p WHERE p.topic_id = %s ORDER BY p.id", [topic.pk])
        rows = cursor.fetchall()
    read = columns.reader()
    from_orm = Post.objects.filter(topic=topic).only(*(field.name for field in columns.fields)).order_by("pk")
    assert len(rows) == 2
    assert [_state(read(row)) for row in rows] == [_state(post) for post in from_orm]


def test_a_model_with_an_init_signal_is_built_by_the_orm_so_the_signal_runs(topic):
    seen = []

    def listener(sender, instance, **kwargs):
        seen.append(instance.pk)

    signals.post_init.connect(listener, sender=Topic)
    try:
        columns = model_rows.Columns(Topic, "t")
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns.sql()} FROM {Topic._meta.db_table} t WHERE t.id = %s", [topic.pk])
            columns.instance(cursor.fetchone())
    finally:
        signals.post_init.disconnect(listener, sender=Topic)
    assert seen == [topic.pk]
