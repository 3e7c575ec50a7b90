from django.core.management.base import BaseCommand

from forum.digests import PERIODS, digest_enqueue


class Command(BaseCommand):
    help = "Queue the daily or weekly digest of watched topics and categories for the members who chose it."

    def add_arguments(self, parser):
        parser.add_argument("frequency", choices=sorted(PERIODS))

    def handle(self, *args, frequency, **options):
        self.stdout.write(f"{frequency} digest queued for {digest_enqueue(frequency)} members.")
