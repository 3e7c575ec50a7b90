"""Fixtures for the security suite: a fast password hasher, every role, and threads that start together."""

import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection

from tests.conftest import TOTP_SECRET

ROLES = ("anonymous", "unconfirmed", "member", "author", "moderator", "moderator_without_totp", "admin")


@pytest.fixture(autouse=True)
def _fast_passwords_and_english(settings):
    """Hashing is not under test here, and hundreds of accounts must be cheap to make; messages are asserted in English."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def admin_factory(user_factory):
    from allauth.mfa.totp.internal.auth import TOTP

    def make(username=None, *, totp=True):
        user = user_factory(username, is_staff=True, is_superuser=True)
        if totp:
            TOTP.activate(user, TOTP_SECRET)
        return user

    return make


@pytest.fixture
def people(user_factory, moderator_factory, admin_factory):
    """One account per role (the author's posts are made by the tests)."""
    return {
        "anonymous": None,
        "unconfirmed": user_factory("unconfirmed", confirmed=False),
        "member": user_factory("member"),
        "author": user_factory("author"),
        "moderator": moderator_factory("moderator"),
        "moderator_without_totp": moderator_factory("moderator_no_totp", totp=False),
        "admin": admin_factory("admin"),
    }


def bulk_members(count, *, prefix="m", moderators=False):
    """`count` confirmed members made in two queries (no password hashing): for the concurrency tests."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    User = get_user_model()
    users = User.objects.bulk_create(
        User(username=f"{prefix}{n}", email=f"{prefix}{n}@example.org", password="!") for n in range(count)
    )
    users = list(User.objects.filter(username__in=[u.username for u in users]).order_by("pk"))
    EmailAddress.objects.bulk_create(EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users)
    if moderators:
        from allauth.mfa.totp.internal.auth import TOTP

        group = Group.objects.get(name="Moderators")
        group.user_set.add(*users)
        for user in users:
            TOTP.activate(user, TOTP_SECRET)
    return users


def connection_budget(cap=80, spare=15):
    """How many threads may hold a PostgreSQL connection at once without starving other clients."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        maximum = int(cursor.fetchone()[0])
        cursor.execute("SELECT count(*) FROM pg_stat_activity")
        in_use = cursor.fetchone()[0]
    return max(5, min(cap, maximum - in_use - spare))


def run_together(work, jobs, *, wave=None):
    """Run work(job) for every job in threads that start at one Barrier, in waves of at most `wave`.

    Each thread opens its own database connection before the barrier and closes it at the end.
    Returns (results, errors, largest wave).
    """
    wave = wave or connection_budget()
    results, errors = [], []
    lock = threading.Lock()
    largest = 0
    for start in range(0, len(jobs), wave):
        batch = jobs[start : start + wave]
        largest = max(largest, len(batch))
        barrier = threading.Barrier(len(batch))

        def worker(job, barrier=barrier):
            try:
                connection.ensure_connection()
                barrier.wait(timeout=60)
                outcome = work(job)
                with lock:
                    results.append(outcome)
            except Exception as error:  # collected and asserted on by the test
                with lock:
                    errors.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=worker, args=(job,)) for job in batch]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    return results, errors, largest


postgres_only = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks and truly parallel transactions need PostgreSQL; SQLite serialises every write",
    ),
]
