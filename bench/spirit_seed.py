"""Fill the Spirit bench site through Spirit's own forms and follow-ups, as its views do; runs in bench/.spirit-venv.

Reads a JSON plan on stdin (bench.spirit_site.plan: a category title, the members, a topic's title,
its question and answers, comments per page) and writes the topic's address as JSON on stdout, with
the table's in-process columns for its page measured as bench.inprocess.anatomy measures the forum's
(the statements of a warm request through Django's test client, their time, the median of 15 requests).
Each post goes through `CommentForm` (Spirit's Markdown rendered into `comment_html`, as on
publishing) and `comment_posted` (counters, unread marks, notifications, the search index), so the
page shows what Spirit would have stored. `python -P` keeps bench/ off sys.path: its modules'
names must not shadow Spirit's or Django's.
"""

import json
import os
import statistics
import sys
import time


def main():
    plan = json.load(sys.stdin)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchsite.settings.prod_local")
    import django

    django.setup()
    import spirit
    from django.contrib.auth import get_user_model
    from django.db import connection
    from spirit.admin.forms import BasicConfigForm
    from spirit.category.models import Category
    from spirit.comment.forms import CommentForm
    from spirit.comment.utils import comment_posted
    from spirit.topic.forms import TopicForm

    # Spirit's own form for its site settings (kept by djconfig), as an administrator saves it.
    config = BasicConfigForm(data={"site_name": "Spirit", "site_description": "", "template_footer": "",
                                   "comments_per_page": plan["comments_per_page"], "topics_per_page": 20})
    if not config.is_valid():
        raise SystemExit(f"Spirit's settings form refused the plan: {config.errors}")
    config.save()

    users = get_user_model().objects
    members = [users.create_user(username=name, email=f"{name}@example.org", password=None) for name in plan["members"]]
    for member in members:  # the profile Spirit's signal made; verified as if the member confirmed the address
        member.st.is_verified = True
        member.st.save()
    category = Category.objects.create(title=plan["category"], description="Ervaringen en vragen")

    starter = members[0]
    topic_form = TopicForm(user=starter, data={"title": plan["title"], "category": category.pk})
    question = CommentForm(user=starter, data={"comment": plan["question"]})
    if not (topic_form.is_valid() and question.is_valid()):
        raise SystemExit(f"Spirit's topic forms refused the plan: {topic_form.errors} {question.errors}")
    topic = topic_form.save()
    question.topic = topic
    comment_posted(comment=question.save(), mentions=question.mentions)

    for index, body in enumerate(plan["answers"]):
        author = members[plan["authors"][index]]
        form = CommentForm(user=author, topic=topic, data={"comment": body})
        if not form.is_valid():
            raise SystemExit(f"Spirit's comment form refused answer {index}: {form.errors}")
        comment_posted(comment=form.save(), mentions=form.mentions)

    topic.refresh_from_db()
    path = topic.get_absolute_url()
    with connection.cursor() as cursor:  # the planner's statistics, as the forum bench's database gets them
        cursor.execute("VACUUM ANALYZE")
    json.dump({"path": path, "comments": topic.comment_count, "spirit": spirit.__version__, "django": django.get_version(),
               **_anatomy(path)}, sys.stdout)


def _anatomy(path):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(3):
        client.get(path)
    sql_seconds = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            sql_seconds.append(time.perf_counter() - started)

    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as capture, connection.execute_wrapper(timed):
        client.get(path)
    queries = len(capture.captured_queries)  # a slice of the live log, which the next request empties
    times = []
    for _ in range(15):
        started = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - started)
    return {"queries": queries, "sql_ms": sum(sql_seconds) * 1000, "service_ms": statistics.median(times) * 1000}


if __name__ == "__main__":
    main()
