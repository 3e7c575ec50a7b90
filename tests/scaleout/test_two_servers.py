"""Two app servers, one PostgreSQL, one Redis: sessions, rate limits and view counts hold across them.

Nothing the app needs to share may live in one process's memory (tests/scaleout/harness.py runs the servers).
"""

import pytest

from forum.models import Topic
from tests.conftest import PASSWORD
from tests.scaleout.harness import BROWSER, Browser, Server, server_environment, started, use_servers_redis

# The servers hash passwords as production does, so the members made here must too.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.real_password_hasher]


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, tmp_path_factory):
    """Servers A and B against the test database (its name is known once pytest-django has set it up)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("scale-out runs on PostgreSQL only (set DATABASE_URL)")
    env = server_environment(connection.settings_dict)
    log_dir = tmp_path_factory.mktemp("scaleout")
    yield from started([Server("A", env, log_dir), Server("B", env, log_dir)])


@pytest.fixture
def redis_cache(settings):
    use_servers_redis(settings)


def test_a_session_made_on_one_server_is_honoured_by_the_other(servers, redis_cache, member):
    a, b = servers
    browser = Browser()
    status, location, _ = browser.post_form(a, "/accounts/login/", {"login": member.username, "password": PASSWORD})
    assert status == 302, f"login on A failed ({status}):\n{a.log_tail()}"
    assert "sessionid" in browser.cookies

    status, _location, page = browser.request(b, "GET", "/settings/")
    assert status == 200 and member.username in page, "B does not know the session A created"

    status, _location, _ = browser.post_form(b, "/accounts/logout/", {})
    assert status == 302
    status, location, _ = browser.request(a, "GET", "/settings/")
    assert status == 302 and "/accounts/login/" in location, "A still honours a session that B ended"


def test_the_failed_login_limit_counts_attempts_on_both_servers(servers, redis_cache, member):
    """allauth allows 5 failed logins per account per 5 minutes ("5/300s/key"), wherever they land."""
    browser = Browser()
    for attempt in range(5):
        server = servers[attempt % 2]
        status, _location, page = browser.post_form(server, "/accounts/login/", {"login": member.username, "password": "wrong-password"})
        assert status == 200 and "Too many failed login attempts" not in page, f"attempt {attempt + 1} refused too early"

    status, _location, page = browser.post_form(servers[1], "/accounts/login/", {"login": member.username, "password": PASSWORD})
    assert status == 200 and "Too many failed login attempts" in page, "the sixth attempt (on B) was not refused"
    assert "sessionid" not in browser.cookies


def test_views_counted_on_both_servers_add_up_once_per_visitor(servers, redis_cache, topic):
    from forum.viewcount import buffering_enabled, view_counts_flush

    visitors = [Browser(f"{BROWSER} visitor/{n}", address=f"127.0.0.{n + 2}") for n in range(6)]
    for round_ in range(3):  # every visitor comes back, to the other server too: still one view each
        for n, visitor in enumerate(visitors):
            status, _location, _ = visitor.request(servers[(n + round_) % 2], "GET", topic.get_absolute_url())
            assert status == 200

    assert buffering_enabled()
    assert Topic.objects.get(pk=topic.pk).view_count == 0, "with Redis, views wait in the buffer until a flush"
    assert view_counts_flush() == len(visitors)
    assert Topic.objects.get(pk=topic.pk).view_count == len(visitors)
