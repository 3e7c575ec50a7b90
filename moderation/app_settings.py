"""Moderation settings, each with its default. Override any of them in config/settings.py."""

from django.conf import settings


class ModerationSettings:
    @property
    def FLAG_THRESHOLD(self):
        """Flags from this many distinct members hide a post and queue it."""
        return getattr(settings, "MODERATION_FLAG_THRESHOLD", 3)

    @property
    def FLAG_MIN_ACCOUNT_DAYS(self):
        """Flags from accounts younger than this queue a post but do not count toward hiding it."""
        return getattr(settings, "MODERATION_FLAG_MIN_ACCOUNT_DAYS", 7)

    @property
    def FLAG_MIN_PUBLISHED_POSTS(self):
        """Flags from members with fewer published posts than this queue a post but do not count toward hiding it."""
        return getattr(settings, "MODERATION_FLAG_MIN_PUBLISHED_POSTS", 3)

    @property
    def FLAG_DAILY_CAP(self):
        """How many flags one member may raise in 24 hours."""
        return getattr(settings, "MODERATION_FLAG_DAILY_CAP", 10)

    @property
    def QUEUE_PAGE_SIZE(self):
        return getattr(settings, "MODERATION_QUEUE_PAGE_SIZE", 20)

    @property
    def DIGEST_AFTER_HOURS(self):
        """The moderators' email digest lists items that have waited longer than this."""
        return getattr(settings, "MODERATION_DIGEST_AFTER_HOURS", 12)


moderation_settings = ModerationSettings()
