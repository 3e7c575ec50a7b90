"""Real gunicorn servers against pytest-django's test database, and visitors that talk HTTP to them.

Each server runs with DEBUG off, as in production (docs/DEPLOY.md), pointed at the test database and
Redis db 13. Requests carry the same Host header, as they would behind one load balancer.
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

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/13"
HOST = "forum.example.test"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


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
    def __init__(self, name, env, log_dir, *, workers=1):
        self.name, self.env, self.port, self.workers = name, env, _free_port(), workers
        self.log = log_dir / f"gunicorn-{name}.log"
        self.process = None

    def start(self):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [str(gunicorn), "config.wsgi", "-w", str(self.workers), "-b", f"127.0.0.1:{self.port}"],
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


def server_environment(settings_dict):
    """What every server gets: production settings, one shared secret, the test database, Redis db 13."""
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
        DATABASE_URL=_database_url(settings_dict),
        REDIS_URL=REDIS_URL,
        FORUM_TASKS_IMMEDIATE="true",
    )
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    return env


def started(servers):
    """Start the servers, wait until each answers, and stop them all when the caller is done."""
    for server in servers:
        server.start()
    try:
        for server in servers:
            server.wait()
        yield servers
    finally:
        for server in servers:
            server.stop()


def use_servers_redis(settings):
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

    def csrf_token(self, server, form_page):
        """The CSRF token of the form on a page, as a browser reads it."""
        status, _location, page = self.request(server, "GET", form_page)
        assert status == 200, f"GET {form_page} on {server.name}: {status}\n{server.log_tail()}"
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def post_form(self, server, path, fields, *, form_page=None):
        """POST a form with the token of the page that shows it (by default the form's own address)."""
        token = self.csrf_token(server, form_page or path)
        return self.request(server, "POST", path, {"csrfmiddlewaretoken": token, **fields})

    def log_in(self, server, username, password, *, totp_secret=None):
        """allauth's login form, then the authenticator code when the account has two-factor set up."""
        status, location, page = self.post_form(server, "/accounts/login/", {"login": username, "password": password})
        if totp_secret:
            assert status == 302 and "/accounts/2fa/authenticate/" in location, f"no two-factor step ({status} {location})"
            status, location, page = self.post_form(server, "/accounts/2fa/authenticate/", {"code": totp_code(totp_secret)})
        assert status == 302, f"login of {username} on {server.name} failed ({status}):\n{server.log_tail()}"


def totp_code(secret):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
