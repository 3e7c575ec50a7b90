"""What views of both apps ask of a request."""

from django.utils.http import url_has_allowed_host_and_scheme


def wants_json(request):
    """The page's script asked (fetch) for JSON instead of a page."""
    return request.headers.get("x-requested-with") == "fetch"


def back_to(request, fallback):
    """Where to send the member after a form post: the page they came from, if it is one of ours."""
    target = request.POST.get("next") or request.META.get("HTTP_REFERER")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback
