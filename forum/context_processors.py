from forum.notifications import unread_count


def header(request):
    """What the header shows on every page: the unread count for the bell."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    return {"unread_notifications": unread_count(user)}
