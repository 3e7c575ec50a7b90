"""The consent gate: a logged-in member who has not consented to the current privacy notice is
sent to the consent page before any other page (and before the page caches, which live in the
views). It reads the consent version from the member's cached row (forum.auth) and the current
version from a per-process memo (privacy.notices), so it costs no query for members who consented."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from privacy.notices import current_notice_version

# What a member may still reach without consenting: reading the notice and rules, logging out,
# the sign-in and account pages of allauth, changing the language, and leaving (export, close).
EXEMPT_PREFIXES = ("/privacy/", "/huisregels/", "/house-rules/", "/account/", "/accounts/", "/language/", "/favicon.ico")


def needs_consent(user):
    if not user.is_authenticated:
        return False
    current = current_notice_version()
    return current is not None and user.consent_version != current


class ConsentGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.exempt = EXEMPT_PREFIXES + tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL) if p)

    def __call__(self, request):
        if not request.path.startswith(self.exempt) and needs_consent(request.user):
            if request.headers.get("x-requested-with") == "fetch":
                return JsonResponse({"error": _("Please read the updated privacy notice and give your consent first.")}, status=403)
            target = request.get_full_path() if request.method == "GET" else "/"
            return redirect(reverse("privacy:consent") + "?" + urlencode({"next": target}))
        return self.get_response(request)
