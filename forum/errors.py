"""The 500 page: rendered without the database, the member or context processors, which may be what failed.

A failed POST answers with what the member typed (the text fields of the forum's forms, never
passwords or tokens), so a server error never loses their words.
"""

import logging

from django.http import HttpResponseServerError
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# The forms' text fields: topic and answer, flag, solution and moderation reasons.
KEPT_FIELDS = {"title": lambda: _("Title"), "body": lambda: _("Text"), "reason": lambda: _("Reason"),
               "text": lambda: _("Explanation"), "note": lambda: _("Note")}


def kept_text(request):
    """[(label, text)] of what was typed in a POST, for a page that must not lose it."""
    if request is None or request.method != "POST":
        return []
    try:
        data = request.POST
    except Exception:  # the body itself may be what failed (too big, broken): nothing to keep then
        return []
    return [(label(), data[name]) for name, label in KEPT_FIELDS.items() if data.get(name, "").strip()]


def server_error(request, template_name="500.html"):
    template = loader.get_template(template_name)
    return HttpResponseServerError(template.render({"kept_text": kept_text(request), "back_url": _back_url(request)}))


def _back_url(request):
    """The page the member came from (a POST's form page), or this page to try again."""
    if request is None:
        return ""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        if referer and url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()):
            return referer
    except Exception:  # a bad Host header: no way back but the home page
        return ""
    return request.path if request.method == "GET" else ""
