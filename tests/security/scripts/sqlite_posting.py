"""Run by tests/security/test_sqlite.py in its own process: members answer at once on a SQLite file,
through the real view, as on `make run`. Prints one line: `statuses=<sorted status codes> answers=<n>`."""

import sys
import threading

import django

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from forum import services  # noqa: E402
from forum.app_settings import forum_settings  # noqa: E402
from forum.models import Category, Post, User  # noqa: E402

THREADS, EACH = int(sys.argv[1]), int(sys.argv[2])
settings.FORUM_RATE_LIMITS = {name: (10**6, 3600) for name in forum_settings.RATE_LIMITS}
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
call_command("migrate", verbosity=0)
category = Category.objects.create(name="Algemeen", slug="algemeen", position=1)
members = []
for n in range(THREADS + 1):
    user = User.objects.create_user(username=f"m{n}", email=f"m{n}@example.org", password="x", consent_version=1)  # consented (privacy notice v1)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    members.append(user)
topic = services.topic_create(actor=members[0], category=category, title="Hoe plan ik mijn week?", body="Tips graag.")
connection.close()

statuses, lock = [], threading.Lock()
barrier = threading.Barrier(THREADS)


def post_answers(member):
    client = Client()
    client.force_login(member)
    barrier.wait()
    for n in range(EACH):
        code = client.post(f"/t/{topic.pk}/answer/", {"body": f"Mijn ervaring nummer {n} van {member.username}."}).status_code
        with lock:
            statuses.append(code)
    connection.close()


threads = [threading.Thread(target=post_answers, args=(m,)) for m in members[1:]]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"statuses={sorted(set(statuses))} answers={Post.objects.filter(is_question=False).count()}")
