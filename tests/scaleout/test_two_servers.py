"""Two app servers, one PostgreSQL, one Redis: sessions, rate limits and view counts hold across them.

Each server is a real gunicorn with DEBUG off, as in production (docs/DEPLOY.md), pointed at
pytest-django's test database and Redis db 13. Requests carry the same Host header, as they
would behind one load balancer. Nothing the app needs to share may live in one process's memory.
"""

import http.client
import os
import re
import secrets
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from forum.models import Topic
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/13"
HOST = "forum.example.test"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"

# The servers hash passwords as production does, so the members made here must too.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.real_password_hasher]


def _redis_is_up():
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def _database_url(settings_dict):
    user = quote(settings_dict.get("USER") or "postgres", safe="")
    password = settings_dict.get("PASSWORD")
    credentials = f"{user}:{quote(password, safe='')}" if password else user
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}@{host}:{port}/{settings_dict['NAME']}"


def _free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, name, env, log_dir):
        self.name, self.env, self.port = name, env, _free_port()
        self.log = log_dir / f"gunicorn-{name}.log"
        self.process = None

    def start(self):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [str(gunicorn), "config.wsgi", "-w", "1", "-b", f"127.0.0.1:{self.port}"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )

    def wait(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"server {self.name} exited:\n{self.log_tail()}"
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/accounts/login/", headers={"Host": HOST})
                if conn.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"server {self.name} did not answer:\n{self.log_tail()}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_tail(self):
        return self.log.read_text()[-3000:] if self.log.exists() else "(no log)"


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, tmp_path_factory):
    """Servers A and B against the test database (its name is known once pytest-django has set it up)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("scale-out runs on PostgreSQL only (set DATABASE_URL)")
    if not _redis_is_up():
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FORUM_", "EMAIL_", "REDIS_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="false",
        # One secret for every server: sessions and signed values made on one must read on the other.
        DJANGO_SECRET_KEY=secrets.token_urlsafe(48),
        DJANGO_ALLOWED_HOSTS=f"{HOST},127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=_database_url(connection.settings_dict),
        REDIS_URL=REDIS_URL,
        FORUM_TASKS_IMMEDIATE="true",
    )
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    log_dir = tmp_path_factory.mktemp("scaleout")
    pair = [Server("A", env, log_dir), Server("B", env, log_dir)]
    for server in pair:
        server.start()
    try:
        for server in pair:
            server.wait()
        yield pair
    finally:
        for server in pair:
            server.stop()


@pytest.fixture
def redis_cache(settings):
    """This process uses the servers' Redis too (to flush buffered views), starting empty."""
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    from config.env import cache_config

    settings.CACHES = cache_config(environ={"REDIS_URL": REDIS_URL})


class Browser:
    """One visitor: its own cookies, the same Host header whichever server answers."""

    def __init__(self, agent=BROWSER, address="127.0.0.1"):
        self.agent = agent
        self.address = address  # the loopback address it connects from: a visitor without a session is its address
        self.cookies = {}

    def request(self, server, method, path, data=None):
        headers = {"Host": HOST, "User-Agent": self.agent, "Accept-Language": "en"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30, source_address=(self.address, 0))
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode()
            for header in response.msg.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    if morsel.value:
                        self.cookies[name] = morsel.value
                    else:
                        self.cookies.pop(name, None)
            return response.status, response.getheader("Location", ""), text
        finally:
            conn.close()

    def post_form(self, server, path, fields):
        """GET the page for its CSRF token, then POST the form, as a browser does."""
        status, _location, page = self.request(server, "GET", path)
        assert status == 200, f"GET {path} on {server.name}: {status}\n{server.log_tail()}"
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request(server, "POST", path, {"csrfmiddlewaretoken": token, **fields})


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
