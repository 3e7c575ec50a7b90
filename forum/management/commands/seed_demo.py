from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from forum.demo import seed_demo


class Command(BaseCommand):
    help = "Load the Dutch demo forum (idempotent: a second run changes nothing). Refuses with debug off unless --force."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Load it even with DJANGO_DEBUG off (it creates a known admin account).")

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DJANGO_DEBUG is off: this looks like production, and the demo creates an admin account whose password "
                "is in the README. Nothing was changed. Use --force if this really is a demo server."
            )
        created = seed_demo()
        self.stdout.write("Demo forum loaded." if created else "Demo forum already present; nothing changed.")
