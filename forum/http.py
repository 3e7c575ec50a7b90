"""What views of both apps ask of a request."""


def wants_json(request):
    """The page's script asked (fetch) for JSON instead of a page."""
    return request.headers.get("x-requested-with") == "fetch"
