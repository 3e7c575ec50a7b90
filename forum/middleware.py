import functools

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.deprecation import MiddlewareMixin
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from forum.viewer import Viewer
from moderation.permissions import has_two_factor, is_suspended
from moderation.sanctions import suspension_in_force


@functools.cache
def _policy():
    """The Content-Security-Policy header of settings.CONTENT_SECURITY_POLICY, and the path prefixes it skips."""
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    return build_policy(), tuple(policy.get("EXCLUDE_URL_PREFIXES", None) or ())


@receiver(setting_changed)
def _forget_policy(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _policy.cache_clear()


_PER_RESPONSE = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the header built once per process: building it for every response
    (the whole directive table and two dataclass copies) was a fifth of the middleware's time, and on
    this forum no page has a nonce, a view decorator that changes the policy or a report-only policy.
    A response that has one of these still goes through django-csp's own code."""

    def process_response(self, request, response):
        if (settings.DEBUG or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
                or getattr(request, "_csp_nonce", None) is not None or any(hasattr(response, name) for name in _PER_RESPONSE)):
            return super().process_response(request, response)
        header, excluded = _policy()
        if header and HEADER not in response and not getattr(response, "_csp_exempt", False) and not request.path_info.startswith(excluded):
            response[HEADER] = header
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # as django-csp: no nonce after the header
        return response


class ViewerMiddleware:
    """`request.viewer`: the one Viewer of this request (forum.viewer), right after the member is known.
    It asks nothing until a permission, selector or the header needs it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.viewer = Viewer(request.user)
        return self.get_response(request)


class MemberLocaleMiddleware(MiddlewareMixin):
    """Django's locale choice (cookie, then Accept-Language, then Dutch), but a member's saved language wins.

    URLs are the same in both languages; only the response language changes. So this is Django's
    LocaleMiddleware without its work for language prefixes in URLs (i18n_patterns, which the forum
    does not use: tests/views/test_page_chrome.py), a fifth of the middleware's time on every page.
    """

    def process_request(self, request):
        language = translation.get_language_from_request(request)
        user = getattr(request, "user", None)
        preferred = getattr(user, "preferred_language", "") if user is not None and user.is_authenticated else ""
        if preferred:
            try:
                language = translation.get_supported_language_variant(preferred)
            except LookupError:  # not one of settings.LANGUAGES, although Django may have a catalogue for it
                pass
        translation.activate(language)
        request.LANGUAGE_CODE = language

    def process_response(self, request, response):
        patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class AdminTwoFactorMiddleware:
    """Staff must set up TOTP before the Django admin opens for them, as moderators must before they act.

    The admin's own login form is replaced by allauth's (config/urls.py), which asks for the code.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.is_staff and request.path.startswith(reverse("admin:index")) and not has_two_factor(request.viewer):
            messages.warning(request, _("Moderators must set up two-factor authentication before they can act."))
            return redirect(reverse("mfa_activate_totp") + "?" + urlencode({"next": request.get_full_path()}))
        return self.get_response(request)


def suspended_response(request, user):
    """The page that tells a suspended member why and until when (also shown at login, forum.account_adapter)."""
    sanction = suspension_in_force(user)
    context = {"until": user.suspended_until, "reason": sanction.reason if sanction else ""}
    return render(request, "moderation/suspended.html", context, status=403)


class SuspensionMiddleware:
    """A member suspended while logged in is logged out on their next request and told why.

    Reads `suspended_until` from the member's (cached) row: no query for anyone else.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and is_suspended(user):
            logout(request)
            return suspended_response(request, user)
        return self.get_response(request)
