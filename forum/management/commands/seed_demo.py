from django.core.management.base import BaseCommand

from forum.demo import seed_demo


class Command(BaseCommand):
    help = "Load the Dutch demo forum (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        created = seed_demo()
        self.stdout.write("Demo forum loaded." if created else "Demo forum already present; nothing changed.")
