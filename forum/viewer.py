"""Who is asking: one `Viewer` per request, built by forum.middleware.ViewerMiddleware (`request.viewer`)
and passed down. Permissions (forum.permissions, moderation.permissions) read it, selectors take it,
templates get buttons from `can_*` functions that were given it.

A viewer knows who they are, whether they confirmed an email address, their moderator rights
(a moderator *with* two-factor authentication is what every moderator power asks) and the bell's
unread count. Each is asked of the cache or the database at most once per request, the first time
something needs it; a view that fetches the entries in one round trip with others hands them over
with `seed` (forum.views.topic_detail). Code that runs without a request (services, tasks) builds
one from the member it acts for: `Viewer(user)`.

`Viewer.shared_member()` is whom the shared member topic page (forum.pagecache) is rendered for:
a signed-in member who may post, wrote nothing on the page, voted and reacted on nothing there,
and is no moderator.
"""

from functools import cached_property

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.cache import cache

from forum.notifications import unread_cache_key, unread_count

REVIEW = "moderation.review_posts"
SIGN_OFF = "moderation.sign_off_solutions"
ACCESS_SECONDS = 60
CONFIRMED_SECONDS = 24 * 60 * 60
NO_ACCESS = {"review": False, "sign_off": False, "totp": False}


def access_cache_key(user_id):
    return f"moderator-access:{user_id}"


def confirmed_cache_key(user_id):
    return f"email-confirmed:{user_id}"


def moderator_access(user):
    """{"review": bool, "sign_off": bool, "totp": bool} for a logged-in member, kept in the cache for
    ACCESS_SECONDS (moderation.permissions.forget_access drops it when their rights change)."""
    key = access_cache_key(user.pk)
    known = cache.get(key)
    if known is None:
        known = {
            "review": user.has_perm(REVIEW),
            "sign_off": user.has_perm(SIGN_OFF),
            "totp": Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
        }
        cache.set(key, known, ACCESS_SECONDS)
    return known


def email_confirmed(user):
    """Cached once true (a confirmed address stays confirmed); re-checked while false, so confirming works at once."""
    key = confirmed_cache_key(user.pk)
    if cache.get(key):
        return True
    confirmed = EmailAddress.objects.filter(user=user, verified=True).exists()
    if confirmed:
        cache.set(key, True, CONFIRMED_SECONDS)
    return confirmed


class Viewer:
    """One request's asker. `user` is the request's user (AnonymousUser when not logged in)."""

    shared = False

    def __init__(self, user):
        self.user = user

    @classmethod
    def shared_member(cls):
        viewer = cls(None)
        viewer.shared = True
        viewer.__dict__.update(is_authenticated=True, pk=None, confirmed_email=True, moderator_access=NO_ACCESS,
                               unread_notifications=0)
        return viewer

    def __repr__(self):
        return "<Viewer shared member>" if self.shared else f"<Viewer {self.pk}>"

    @cached_property
    def is_authenticated(self):
        return bool(self.user is not None and self.user.is_authenticated)

    @cached_property
    def pk(self):
        return self.user.pk if self.is_authenticated else None

    @property
    def is_active(self):
        return self.shared or (self.is_authenticated and self.user.is_active)

    @property
    def silenced_until(self):
        return None if self.shared or not self.is_authenticated else self.user.silenced_until

    @property
    def suspended_until(self):
        return None if self.shared or not self.is_authenticated else self.user.suspended_until

    @cached_property
    def confirmed_email(self):
        self._fetch()
        return self.__dict__.get("confirmed_email") or (self.is_authenticated and email_confirmed(self.user))

    @cached_property
    def moderator_access(self):
        self._fetch()
        known = self.__dict__.get("moderator_access")
        if known is not None:
            return known
        return moderator_access(self.user) if self.is_authenticated and self.user.is_active else NO_ACCESS

    @property
    def has_moderator_role(self):
        """In the Moderators group (or a superuser), with or without two-factor authentication."""
        return self.moderator_access["review"]

    @property
    def has_two_factor(self):
        return self.moderator_access["totp"]

    @property
    def is_moderator(self):
        """The one rule for every moderator power: the Moderators permission *and* two-factor authentication."""
        return self.moderator_access["review"] and self.moderator_access["totp"]

    @property
    def may_sign_off(self):
        return self.moderator_access["sign_off"] and self.moderator_access["totp"]

    @cached_property
    def unread_notifications(self):
        self._fetch()
        known = self.__dict__.get("unread_notifications")
        if known is not None:
            return known
        return unread_count(self.user) if self.is_authenticated else 0

    def _fetch(self):
        """The first question asks the cache for all three entries in one round trip (a page asks most of them)."""
        if self.__dict__.get("_fetched") or not self.is_authenticated or self.shared:
            return
        self.__dict__["_fetched"] = True
        self.seed(cache.get_many(self.cache_keys()))

    def cache_keys(self):
        """The cache entries this viewer is built from, for a view to fetch them in one round trip with
        what else it needs (forum.pagecache.lookup), then `seed`."""
        if not self.is_authenticated or self.shared:
            return []
        return [confirmed_cache_key(self.pk), access_cache_key(self.pk), unread_cache_key(self.pk)]

    def seed(self, found):
        """Take what the cache held of cache_keys' entries, so they are not asked again."""
        if not self.is_authenticated or self.shared:
            return
        self.__dict__["_fetched"] = True  # what the cache did not hold is asked when needed
        if found.get(confirmed_cache_key(self.pk)):  # only a confirmation is cached; a miss is asked of the database
            self.__dict__.setdefault("confirmed_email", True)
        access = found.get(access_cache_key(self.pk))
        if access is not None and self.user.is_active:
            self.__dict__.setdefault("moderator_access", access)
        unread = found.get(unread_cache_key(self.pk))
        if unread is not None:
            self.__dict__.setdefault("unread_notifications", unread)


def as_viewer(who):
    """`who` as a Viewer: a request's viewer as it is, a member (a service's actor) as a new one."""
    return who if isinstance(who, Viewer) else Viewer(who)
