"""Delete personal data whose retention period has passed (docs/PRIVACY.md). Run daily."""

from django.core.management.base import BaseCommand

from privacy.services import privacy_purge


class Command(BaseCommand):
    help = "Delete expired sessions, exports, old notifications, task results, admin log entries and expired cache rows."

    def handle(self, *args, **options):
        counts = privacy_purge()
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))
