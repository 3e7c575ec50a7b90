"""Factory fixtures. No shared pre-built database: each test makes what it needs."""

import itertools

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.core.management import call_command

from forum import services
from forum.models import Category

_counter = itertools.count(1)
PASSWORD = "correct-horse-battery-9"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

CLAIM_WITHOUT_SOURCE = "Psilocybine geneest een burn-out: bij 73% van de patiënten verdwijnt de uitputting binnen 12 weken."
CLAIM_WITH_PUBMED = CLAIM_WITHOUT_SOURCE + " Bron: https://pubmed.ncbi.nlm.nih.gov/36165990/"
PLAIN_ANSWER = "Bedankt voor je vraag, ik herken dit heel goed. Sterkte!"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The database cache (rate limits, view dedupe) needs its table, as in production."""
    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Rate-limit counters and view marks must not leak between tests (Redis is not rolled back)."""
    names = request.fixturenames
    marker = request.node.get_closest_marker("django_db")
    if "transactional_db" in names or "live_server" in names or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
    elif marker or "db" in names:
        request.getfixturevalue("db")
    else:
        return
    from django.core.cache import cache

    from forum import cache_keys, fragments, home_categories, listings, seo, topic_lists

    cache.clear()
    fragments.forget_copies()  # the process's copies of post fragments
    listings.forget_fragments()  # and of list rows and home cards
    topic_lists.forget_copies()  # and of the category lists
    cache_keys.forget_topic_lists_version()  # and the version they were read for
    home_categories.forget_home_copies()  # and of the home page's categories
    seo.forget_heads()  # and of page heads


@pytest.fixture(autouse=True)
def _fresh_notice_version():
    """Each process remembers the current privacy notice version for a while; a test starts without."""
    from privacy.notices import forget_notice_version

    forget_notice_version()


@pytest.fixture(autouse=True)
def _fast_password_hasher(request, settings):
    """The real hasher costs ~0.3 s per account; tests marked `real_password_hasher` keep it."""
    if request.node.get_closest_marker("real_password_hasher") is None:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_run_immediately(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def user_factory(db):
    from django.contrib.auth import get_user_model

    def make(username=None, *, confirmed=True, password=PASSWORD, **extra):
        from privacy.notices import current_notice_version

        username = username or f"member{next(_counter)}"
        extra.setdefault("consent_version", current_notice_version())  # consented, so the consent gate lets them through
        user = get_user_model().objects.create_user(username=username, email=f"{username}@example.org", password=password, **extra)
        EmailAddress.objects.create(user=user, email=user.email, verified=confirmed, primary=True)
        return user

    return make


@pytest.fixture
def established_factory(user_factory, category):
    """A member whose flags count toward hiding a post: an account weeks old with published posts
    (moderation.app_settings FLAG_MIN_ACCOUNT_DAYS, FLAG_MIN_PUBLISHED_POSTS)."""
    from datetime import timedelta

    from django.utils import timezone

    from forum.models import Post, Topic

    def make(username=None, **extra):
        user = user_factory(username, **extra)
        type(user).objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=30))
        user.refresh_from_db()
        own = Topic.objects.create(category=category, author=user, title=f"Eerdere vraag van {user.username}", is_public=True)
        Post.objects.create(topic=own, author=user, is_question=True, body="Een vraag.", body_html="<p>Een vraag.</p>")
        for _ in range(2):
            Post.objects.create(topic=own, author=user, body="Een antwoord.", body_html="<p>Een antwoord.</p>")
        return user

    return make


@pytest.fixture
def member(user_factory):
    return user_factory()


@pytest.fixture
def moderator_factory(user_factory):
    def make(username=None, *, totp=True):
        user = user_factory(username)
        user.groups.add(Group.objects.get(name="Moderators"))
        if totp:
            TOTP.activate(user, TOTP_SECRET)
        return user

    return make


@pytest.fixture
def moderator(moderator_factory):
    return moderator_factory()


@pytest.fixture
def admin_user(user_factory):
    return user_factory("boss", is_staff=True, is_superuser=True)


@pytest.fixture
def category_factory(db):
    def make(name=None, *, is_health=False):
        n = next(_counter)
        name = name or f"Categorie {n}"
        return Category.objects.create(name=name, slug=f"cat-{n}", is_health=is_health, position=n)

    return make


@pytest.fixture
def category(category_factory):
    return category_factory("Algemeen")


@pytest.fixture
def health_category(category_factory):
    return category_factory("Mentale gezondheid", is_health=True)


@pytest.fixture
def topic_factory(user_factory, category):
    def make(*, author=None, category=category, title="Hoe plan ik mijn week met weinig energie?", body="Ik zoek praktische tips."):
        return services.topic_create(actor=author or user_factory(), category=category, title=title, body=body)

    return make


@pytest.fixture
def topic(topic_factory):
    return topic_factory()


@pytest.fixture
def answer_factory(user_factory, topic):
    def make(*, author=None, topic=topic, body=PLAIN_ANSWER):
        return services.answer_post(actor=author or user_factory(), topic=topic, body=body)

    return make


@pytest.fixture
def after_commit_at_once(django_capture_on_commit_callbacks, monkeypatch):
    """The posting services' after-commit work (the notification fan-out, mail) runs when each call returns,
    as the task worker would run it after a real commit."""

    def at_once(function):
        def call(*args, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return function(*args, **kwargs)

        return call

    for name in ("topic_create", "answer_post", "post_edit"):
        monkeypatch.setattr(services, name, at_once(getattr(services, name)))


@pytest.fixture
def no_rate_limits(settings):
    from forum.app_settings import forum_settings

    settings.FORUM_RATE_LIMITS = {name: (10**6, 3600) for name in forum_settings.RATE_LIMITS}


def has_totp(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


@pytest.fixture
def memory_cache(settings):
    """Count a page's own SQL: in production the cache is Redis, whose operations are not SQL."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "query-count"}}
    from django.core.cache import cache

    cache.clear()
