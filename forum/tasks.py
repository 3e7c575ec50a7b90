"""What every background task shares: the retry schedule and the one place a mail is sent.

Each task lives beside the code it runs (notifications, digests, watching, viewcount); this module
imports none of them, so the task modules never import each other in a circle.
"""

from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend

MAX_ATTEMPTS = 5


def send_message(message):
    message.send()


def retry_later(task_function, *args):
    """Queue the task again, later each time when the backend can defer; the last argument is the attempt."""
    retry = task_function
    if default_task_backend.supports_defer:
        retry = retry.using(run_after=timezone.now() + timedelta(seconds=30 * 2 ** args[-1]))
    retry.enqueue(*args)
