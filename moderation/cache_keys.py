"""Cache keys for the moderator pages, and the calls that invalidate them.

The queue's pages (items, their count, and the count of topics waiting for sign-off) are
cached under one version number (moderation.selectors.queue_page). `queue_changed` bumps it
whenever a review item changes or a category is renamed (moderation.signals), a held post
is screened again after an edit (moderation.services.post_screen), or a topic's solution
state changes (moderation.solutions).
"""


from forum.caching import version_bump, version_read

QUEUE_VERSION_KEY = "moderation-queue-version"


def queue_version():
    return version_read(QUEUE_VERSION_KEY)


def queue_changed():
    """Make every cached queue page and count stale: now, and again once the change is committed."""
    version_bump(QUEUE_VERSION_KEY)
