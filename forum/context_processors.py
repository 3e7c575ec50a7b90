from forum.viewer import as_viewer


def header(request):
    """What the header shows on every page: the unread count for the bell, the moderation link, and the page the
    language switch goes back to."""
    user = getattr(request, "user", None)
    shown = {"language_next": language_next(request)}
    if user is None or not user.is_authenticated:
        return {**shown, "unread_notifications": 0, "shows_moderation_link": False}
    viewer = getattr(request, "viewer", None) or as_viewer(user)
    return {**shown, "unread_notifications": viewer.unread_notifications, "shows_moderation_link": viewer.is_moderator}


def language_next(request):
    """This page's address; after a POST the page the form was on, since the address may accept only POST."""
    return (request.META.get("HTTP_REFERER") or "/") if request.method == "POST" else request.get_full_path()
