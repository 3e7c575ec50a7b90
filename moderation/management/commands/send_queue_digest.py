from django.core.management.base import BaseCommand

from moderation.digest import queue_digest_enqueue


class Command(BaseCommand):
    help = "Queue the email digest of long-waiting items for moderators who opted in (run hourly)."

    def handle(self, *args, **options):
        self.stdout.write(f"Digest queued for {queue_digest_enqueue()} moderators.")
