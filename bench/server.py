"""Serving the app as production would: DEBUG off, collected static files, gunicorn sync workers."""

import http.client
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
OUT = PROJECT / "bench" / "out"
REDIS_DB = 13  # `python -m bench --redis-db N` for another one
REDIS_URL = f"redis://127.0.0.1:6379/{REDIS_DB}"
BROWSER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def redis_url(db):
    return f"redis://127.0.0.1:6379/{db}"


def production_env(database_url, secret_key=None, redis=REDIS_URL):
    """The environment the app runs with in production (README's table), pointed at the bench database and its Redis db."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FORUM_", "EMAIL_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secret_key or secrets.token_urlsafe(48)[:64],
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_LOG_LEVEL="WARNING",
        REDIS_URL=redis,
        DATABASE_URL=database_url,
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def collectstatic(env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=PROJECT, env=env, check=True
    )


def flush_redis_db(url=REDIS_URL):
    import redis

    redis.Redis.from_url(url).flushdb()


class Gunicorn:
    """One gunicorn master we started; stopped by its own pid only."""

    def __init__(self, wsgi, port, env, workers=2, name="app", gunicorn=None, cwd=PROJECT):
        """gunicorn, cwd: another virtualenv's gunicorn and project (the Spirit row's), else this one's."""
        self.wsgi, self.port, self.env, self.workers, self.name = wsgi, port, env, workers, name
        self.gunicorn, self.cwd = gunicorn or Path(sys.executable).with_name("gunicorn"), cwd
        self.process = None
        self.log_path = OUT / f"gunicorn-{name}.log"

    def start(self, timeout=30):
        OUT.mkdir(parents=True, exist_ok=True)
        command = [str(self.gunicorn), self.wsgi, "-w", str(self.workers), "-b", f"127.0.0.1:{self.port}", "-k", "sync"]
        log = open(self.log_path, "w")  # noqa: SIM115 - closed when the process ends
        self.process = subprocess.Popen(command, cwd=self.cwd, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn ({self.name}) exited; see {self.log_path}")
            try:
                status, _headers, _body = request(self.port, "GET", "/favicon.ico")
                if status:
                    return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn ({self.name}) did not answer within {timeout} s; see {self.log_path}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def as_production_process(database, redis_db):
    """Make this process run the forum as production does (DEBUG off, the bench database, its
    own Redis database emptied, static files collected) and set Django up: for the in-process
    profilers (bench.hotspots, bench.wsgicpu)."""
    env = production_env(f"postgres://postgres@127.0.0.1:5432/{database}", redis=redis_url(redis_db))
    os.environ.clear()
    os.environ.update(env)
    collectstatic(env)  # DEBUG off: the manifest storage needs the collected files
    flush_redis_db(env["REDIS_URL"])
    import django  # after the environment is set: settings read it at import

    django.setup()


def request(port, method, path, *, headers=None, body=None, timeout=30):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers={"Host": "127.0.0.1", "User-Agent": BROWSER_AGENT, **(headers or {})})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def free_port(preferred):
    import socket

    for port in [preferred, 0]:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError("no free port")



def _processes():
    """pid -> (parent pid, cpu seconds, command line) for every process we can read."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = open(f"/proc/{entry}/stat").read()
            cmdline = open(f"/proc/{entry}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        found[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / ticks, cmdline)
    return found


class CpuAccount:
    """CPU seconds used during a measurement, by whom: the app server, its database backends, Redis, the load generator, others.

    The app's and the database's CPU per request do not depend on what else runs on the machine,
    unlike requests per second, so they compare runs made on a busy machine. `share` is the
    fraction of the whole machine that other work took (a lower bound: processes that start
    and end inside the window are missed).
    """

    def __init__(self, database, app_pid=None):
        self.database, self.app_pid = database, app_pid

    def _sample(self):
        processes = _processes()
        me = os.getpid()

        def ancestors(pid):
            seen = 0
            while pid and seen < 64:
                yield pid
                pid = processes.get(pid, (0,))[0]
                seen += 1

        groups = {}
        for pid, (_parent, cpu, cmd) in processes.items():
            chain = set(ancestors(pid))
            if self.app_pid and self.app_pid in chain:
                group = "app"
            elif me in chain:
                group = "load"
            elif self.database in cmd:
                group = "db"
            elif "redis-server" in cmd:
                group = "redis"
            else:
                group = "other"
            groups[pid] = (group, cpu)
        return groups

    def __enter__(self):
        self.started = time.monotonic()
        self.before = self._sample()
        return self

    def __exit__(self, *exc):
        after = self._sample()
        self.wall = time.monotonic() - self.started
        self.seconds = {"app": 0.0, "db": 0.0, "redis": 0.0, "load": 0.0, "other": 0.0}
        for pid, (group, cpu) in after.items():
            before = self.before.get(pid)
            self.seconds[group] += cpu - before[1] if before else cpu
        self.share = self.seconds["other"] / (self.wall * (os.cpu_count() or 1)) if self.wall else 0.0

    def per_request_ms(self, requests):
        if not requests:
            return {}
        return {group: seconds * 1000 / requests for group, seconds in self.seconds.items()}



def wait_until_quiet(database, limit_seconds, threshold=0.10, window=5):
    """Wait (up to `limit_seconds`) for a `window`-second stretch in which other work used under `threshold` of the CPU."""
    deadline = time.monotonic() + limit_seconds
    while True:
        with CpuAccount(database) as sample:
            time.sleep(window)
        if sample.share < threshold or time.monotonic() >= deadline:
            return sample.share
