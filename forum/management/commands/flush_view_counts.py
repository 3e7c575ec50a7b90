from django.core.management.base import BaseCommand

from forum.viewcount import view_counts_flush


class Command(BaseCommand):
    help = "Write view counts buffered in Redis to the database (run every minute when REDIS_URL is set)."

    def handle(self, *args, **options):
        self.stdout.write(f"Flushed {view_counts_flush()} views.")
