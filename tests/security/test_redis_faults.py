"""Redis can fail: pages are served from the database (a miss), posting works, limits hold, and all recovers.

Before, with Redis down every page but the login page answered 500; after Redis lost its keys a
worker could keep old health rules and rate-limit counters restarted from zero.

The fault test starts a Redis of its own on a free port (never the shared one), stops it in the
middle and starts it again; it runs in CI's PostgreSQL suite (FORUM_FAULT_TESTS=1).
"""

import os
import shutil
import socket
import subprocess
import time

import pytest
import redis

from config.env import cache_config
from forum.models import Post, RateLimitWindow
from tests.conftest import PLAIN_ANSWER

pytestmark = pytest.mark.django_db
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}


def _free_port(preferred=6391):
    for port in (preferred, 0):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError("no free port")


class OwnRedis:
    """A redis-server of this test's own, without persistence: a restart loses every key, as in a crash."""

    def __init__(self, directory):
        self.binary = shutil.which("redis-server")
        self.port = _free_port()
        self.directory = directory
        self.process = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.RedisError:
                assert time.monotonic() < deadline, "the test's Redis did not start"
                time.sleep(0.05)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    def keys(self):
        return redis.Redis.from_url(self.url).dbsize()


@pytest.fixture
def own_redis(tmp_path, settings):
    server = OwnRedis(tmp_path)
    if server.binary is None:
        pytest.skip("redis-server is not installed")
    server.start()
    settings.CACHES = cache_config(environ={"REDIS_URL": server.url})
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.faults
@pytest.mark.skipif(os.environ.get("FORUM_FAULT_TESTS") != "1", reason="starts and stops a Redis server: set FORUM_FAULT_TESTS=1 (CI does)")
def test_with_redis_down_pages_posting_and_limits_work_and_everything_recovers(
    own_redis, client, settings, user_factory, topic, moderator, category
):
    settings.FORUM_RATE_LIMITS = {"answer": (3, 3600)}
    writer, reader = user_factory(), user_factory()
    anonymous = client.__class__()
    client.force_login(writer)
    mod_client = client.__class__()
    mod_client.force_login(moderator)
    page = topic.get_absolute_url()

    assert anonymous.get(page, **BROWSER).status_code == 200
    assert client.post(f"/t/{topic.pk}/answer/", {"body": "Eerste antwoord, Redis draait."}).status_code == 302
    assert own_redis.keys() > 0  # pages, fragments and sessions are in Redis

    own_redis.stop()
    started = time.monotonic()
    statuses = {path: anonymous.get(path, **BROWSER).status_code for path in ("/", page, category.get_absolute_url(), "/search/?q=week")}
    statuses["member topic page"] = client.get(page, **BROWSER).status_code
    statuses["moderation queue"] = mod_client.get("/moderation/").status_code
    assert set(statuses.values()) == {200}, statuses
    assert client.post(f"/t/{topic.pk}/answer/", {"body": "Tweede antwoord, Redis is weg."}).status_code == 302
    assert client.post(f"/t/{topic.pk}/answer/", {"body": "Derde antwoord, Redis is weg."}).status_code == 302
    refused = client.post(f"/t/{topic.pk}/answer/", {"body": "Vierde antwoord: boven de limiet."})
    assert refused.status_code == 429 and "Vierde antwoord: boven de limiet." in refused.content.decode()
    shown = anonymous.get(page, **BROWSER).content.decode()
    assert "Tweede antwoord, Redis is weg." in shown and "Derde antwoord, Redis is weg." in shown  # never a stale copy
    down_seconds = time.monotonic() - started
    print(f"\nredis faults: with Redis down {len(statuses)} pages answered {sorted(set(statuses.values()))}, "
          f"3 posts and a refusal in {down_seconds:.2f} s")

    own_redis.start()  # empty, as after a crash
    assert client.post(f"/t/{topic.pk}/answer/", {"body": "Vijfde: nog steeds boven de limiet."}).status_code == 429
    other = client.__class__()
    other.force_login(reader)
    assert other.post(f"/t/{topic.pk}/answer/", {"body": PLAIN_ANSWER}).status_code == 302
    back = anonymous.get(page, **BROWSER)
    assert back.status_code == 200 and PLAIN_ANSWER in back.content.decode()
    assert anonymous.get(page, **BROWSER).status_code == 200
    assert own_redis.keys() > 0  # pages are cached again
    assert Post.objects.filter(topic=topic, is_question=False).count() == 4
    assert RateLimitWindow.objects.get(bucket=f"rl:answer:{writer.pk}").count == 3  # refusals are not counted


def test_a_cache_flush_never_leaves_a_worker_on_old_health_rules():
    """Before: the rules version lived in the cache; after a flush it started again at a number a worker
    had already compiled, and an admin's change (a new term, a blocked domain) was ignored."""
    from django.core.cache import cache

    from moderation.models import HealthTerm
    from moderation.policy import assess
    from moderation.rules import load_rules, rules_changed

    text = "Kombucha geneest kwispelziekte, dat is bewezen."
    rules_changed()
    assert "kwispelziekte" not in [m.text for m in assess(text, load_rules()).matched]
    cache.clear()  # Redis restarted or was flushed
    HealthTerm.objects.create(phrase="kwispelziekte", kind="condition", language="", weight=2.0)
    rules_changed()
    assert "kwispelziekte" in [m.text for m in assess(text, load_rules()).matched]
