from forum.viewer import as_viewer


def header(request):
    """What the header shows on every page: the unread count for the bell, and the moderation link."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0, "shows_moderation_link": False}
    viewer = getattr(request, "viewer", None) or as_viewer(user)
    return {"unread_notifications": viewer.unread_notifications, "shows_moderation_link": viewer.is_moderator}
