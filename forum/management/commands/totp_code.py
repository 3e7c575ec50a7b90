from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Development only: print a member's current two-factor code (the demo moderator and admin have one)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("totp_code works only with DJANGO_DEBUG on.")
        authenticator = Authenticator.objects.filter(user__username=username, type=Authenticator.Type.TOTP).first()
        if authenticator is None:
            raise CommandError(f"{username} has no two-factor authenticator.")
        secret = decrypt(authenticator.data["secret"])
        counter = list(yield_hotp_counters_from_time())[len(list(yield_hotp_counters_from_time())) // 2]
        self.stdout.write(format_hotp_value(hotp_value(secret, counter)))
