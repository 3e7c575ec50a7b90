"""Authentication backends that read the logged-in member from the shared cache.

Every request of a logged-in member loads their row (Django's `get_user`); on the cached
topic page that query was the largest cost left. The row is kept in the cache for
USER_CACHE_SECONDS and dropped whenever the member is saved or deleted (signals below, now
and again after commit), so a password change (which ends their other sessions), a
deactivation or a new username takes effect on their next request. Changes that bypass
`save()` (QuerySet.update, raw SQL) take effect within USER_CACHE_SECONDS.

Rights are not part of the row: Django computes them per request, and
moderation.permissions keeps its own cached, signal-invalidated record.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from forum.caching import forget

USER_CACHE_SECONDS = 5 * 60


def _user_key(user_id):
    return f"auth-user:{user_id}"


class CachedUserMixin:
    def get_user(self, user_id):
        user = cache.get(_user_key(user_id))
        if user is None:
            user = super().get_user(user_id)  # None when there is no such member or they may not log in
            if user is not None:
                cache.set(_user_key(user_id), user, USER_CACHE_SECONDS)
            return user
        return user if self.user_can_authenticate(user) else None


class CachedModelBackend(CachedUserMixin, ModelBackend):
    """Django's username-and-password backend (admin, tests), reading the member from the cache."""


class CachedAllauthBackend(CachedUserMixin, AllauthBackend):
    """allauth's backend (log-in by username or email), reading the member from the cache."""


@receiver(post_save, sender=get_user_model(), dispatch_uid="forum-auth-user-saved")
@receiver(post_delete, sender=get_user_model(), dispatch_uid="forum-auth-user-deleted")
def _forget_user(sender, instance, **kwargs):
    """Drop the cached row now, and again after commit: a request may re-cache the old row in between."""
    forget(_user_key(instance.pk))
