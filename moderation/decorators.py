"""The door to every moderator page, in both apps."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from moderation.permissions import check_review, has_moderator_role, has_two_factor


def moderator_required(view):
    """Logged in, in the Moderators group, and with two-factor authentication set up."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if has_moderator_role(request.viewer) and not has_two_factor(request.viewer):
            messages.warning(request, _("Moderators must set up two-factor authentication before they can act."))
            return redirect(reverse("mfa_activate_totp") + f"?next={request.path}")
        check_review(request.viewer)
        return view(request, *args, **kwargs)

    return wrapper
