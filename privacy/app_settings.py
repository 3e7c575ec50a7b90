"""The privacy app's settings, each with its default. Override any of them in config/settings.py."""

from django.conf import settings


def _get(name, default):
    return getattr(settings, name, default)


class PrivacySettings:
    @property
    def EXPORT_ROOT(self):
        """Where background exports are written: a private folder, never under MEDIA_ROOT."""
        return _get("PRIVACY_EXPORT_ROOT", settings.BASE_DIR / "private" / "exports")

    @property
    def EXPORT_DAYS(self):
        """How long a prepared export can be downloaded before its link stops working and the file is purged."""
        return _get("PRIVACY_EXPORT_DAYS", 7)

    @property
    def EXPORT_INLINE_MAX_ITEMS(self):
        """Up to this many posts, votes, reactions and notifications an export downloads at once;
        larger ones are prepared in the background."""
        return _get("PRIVACY_EXPORT_INLINE_MAX_ITEMS", 500)

    @property
    def NOTIFICATION_DAYS(self):
        return _get("PRIVACY_NOTIFICATION_DAYS", 730)

    @property
    def TASK_RESULT_DAYS(self):
        return _get("PRIVACY_TASK_RESULT_DAYS", 30)

    @property
    def ADMIN_LOG_DAYS(self):
        return _get("PRIVACY_ADMIN_LOG_DAYS", 730)


privacy_settings = PrivacySettings()
