"""Fill the Spirit bench site through Spirit's own forms and follow-ups, as its views do (runs in bench/.spirit-venv).

Reads a JSON plan on stdin (bench.spirit_site.plan: a category title, the members, a topic's title,
its question and answers, comments per page) and writes the topic's address as JSON on stdout.
Each post goes through `CommentForm` (Spirit's Markdown rendered into `comment_html`, as on
publishing) and `comment_posted` (counters, unread marks, notifications, the search index), so the
page shows what Spirit would have stored. `python -P` keeps bench/ off sys.path: its modules'
names must not shadow Spirit's or Django's.
"""

import json
import os
import sys


def main():
    plan = json.load(sys.stdin)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchsite.settings.prod_local")
    import django

    django.setup()
    import spirit
    from django.contrib.auth import get_user_model
    from spirit.admin.forms import BasicConfigForm
    from spirit.category.models import Category
    from spirit.comment.forms import CommentForm
    from spirit.comment.utils import comment_posted
    from spirit.topic.forms import TopicForm

    # Spirit's own admin form for the forum's settings (djconfig), as an administrator would save it.
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
    json.dump({"path": topic.get_absolute_url(), "comments": topic.comment_count, "spirit": spirit.__version__,
               "django": django.get_version()}, sys.stdout)


if __name__ == "__main__":
    main()
