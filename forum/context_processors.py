from forum.notifications import unread_count
from moderation.permissions import shows_moderator_tools


def header(request):
    """What the header shows on every page: the unread count for the bell, and the moderation link."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0, "shows_moderation_link": False}
    return {"unread_notifications": unread_count(user), "shows_moderation_link": shows_moderator_tools(user)}
