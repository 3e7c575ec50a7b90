"""Load from a second process: wrk for the read pages, threads + http.client for posting answers."""

import contextlib
import http.client
import json
import random
import secrets
import shutil
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from bench.server import BROWSER_AGENT, OUT

WRK_INSTALL_HINT = "wrk is not installed. On Debian/Ubuntu: sudo apt-get install -y wrk (then run `make bench` again)."

LUA = """
wrk.headers["User-Agent"] = %(agent)s
wrk.headers["Host"] = "127.0.0.1"
%(cookie)s
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH-JSON {"requests":%%d,"duration_us":%%d,"bytes":%%d,"connect":%%d,"read":%%d,"write":%%d,"status":%%d,' ..
    '"timeout":%%d,"p50":%%d,"p75":%%d,"p90":%%d,"p99":%%d,"mean":%%d,"max":%%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(75), latency:percentile(90), latency:percentile(99),
    math.floor(latency.mean), latency.max))
end
"""


def wrk_available():
    return shutil.which("wrk") is not None


def wrk_version():
    if not wrk_available():
        return "not installed"
    result = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    return (result.stdout + result.stderr).strip().splitlines()[0]


@dataclass
class LoadResult:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    p90_ms: float = 0.0
    max_ms: float = 0.0
    errors: int = 0  # socket errors and non-2xx/3xx responses
    bytes_per_response: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def rps(self):
        return self.requests / self.seconds if self.seconds else 0.0


def _lua_string(text):
    return json.dumps(text)


UNIQUE_QUERY = """
local made = 0
setup = function(thread)
  made = made + 1
  thread:set("tid", made)
end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, %(path)s .. "%(sep)spage=" .. (%(base)s + tid * 30000 + counter))
end
"""


def _script(name, path, cookie, unique_query):
    script = OUT / f"wrk-{name}.lua"
    cookie_line = f'wrk.headers["Cookie"] = {_lua_string(cookie)}' if cookie else ""
    text = LUA % {"agent": _lua_string(BROWSER_AGENT), "cookie": cookie_line}
    if unique_query:
        # A page number per request (pages past the last show the last): the page cache keys on
        # it, while it ignores parameters the page does not use. A fresh base per wrk run, so the
        # measured run never repeats a warm-up URL; numbers stay below 100,000, as the key wants.
        text += UNIQUE_QUERY % {"path": _lua_string(path), "sep": "&" if "?" in path else "?", "base": secrets.randbelow(9000)}
    script.write_text(text)
    return str(script)


def wrk(port, path, name, *, cookie=None, duration=20, connections=16, threads=2, warmup=3, unique_query=False, account=None):
    """`wrk -t2 -c16 -d20s --latency` on one URL; a warm-up run first so every worker has loaded its templates.

    unique_query: every request gets its own query string, so no whole-page cache can answer it.
    account: a context manager (server.CpuAccount) wrapped around the measured run only.
    """
    OUT.mkdir(parents=True, exist_ok=True)
    url = f"http://127.0.0.1:{port}{path}"
    base = ["wrk", f"-t{threads}", f"-c{connections}", "--latency", "--timeout", "10s"]
    if warmup:
        script = _script(name, path, cookie, unique_query)
        subprocess.run(base + ["-s", script, f"-d{warmup}s", url], capture_output=True, text=True, check=True)
    script = _script(name, path, cookie, unique_query)
    with account or contextlib.nullcontext():
        result = subprocess.run(base + ["-s", script, f"-d{duration}s", url], capture_output=True, text=True, check=True)
    (OUT / f"wrk-{name}.txt").write_text(result.stdout + result.stderr)
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH-JSON "))
    data = json.loads(line.removeprefix("BENCH-JSON "))
    errors = data["connect"] + data["read"] + data["write"] + data["status"] + data["timeout"]
    return LoadResult(
        requests=data["requests"], seconds=data["duration_us"] / 1e6, p50_ms=data["p50"] / 1000, p99_ms=data["p99"] / 1000,
        p90_ms=data["p90"] / 1000, max_ms=data["max"] / 1000, errors=errors,
        bytes_per_response=data["bytes"] // max(1, data["requests"]), extra={"wrk": data},
    )


def post_answers(port, posters, topic_ids, bodies, *, duration=20, connections=4, per_member=18, seed=7):
    """Logged-in members post answers for `duration` seconds from `connections` threads.

    `posters` are (session key, csrf token) pairs; each member posts at most `per_member`
    answers, under the app's limit of 20 an hour, so every request does the full work.
    """
    rng = random.Random(seed)
    budget = [poster for poster in posters for _ in range(per_member)]
    rng.shuffle(budget)
    lock = threading.Lock()
    latencies, statuses = [], {}
    deadline = time.perf_counter() + duration

    def worker(worker_seed):
        local = random.Random(worker_seed)
        while time.perf_counter() < deadline:
            with lock:
                if not budget:
                    return
                session_key, csrf = budget.pop()
            topic_id = local.choice(topic_ids)
            payload = urlencode({"csrfmiddlewaretoken": csrf, "body": local.choice(bodies)})
            headers = {
                "Host": "127.0.0.1",
                "User-Agent": BROWSER_AGENT,
                "Cookie": f"sessionid={session_key}; csrftoken={csrf}",
                "Content-Type": "application/x-www-form-urlencoded",
            }
            started = time.perf_counter()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                conn.request("POST", f"/t/{topic_id}/answer/", body=payload, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except OSError:
                status = "error"
            finally:
                conn.close()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1

    began = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(seed + i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    ordered = sorted(latencies)
    if not ordered:
        return LoadResult(0, seconds, 0, 0, errors=0, extra={"statuses": statuses})

    def pct(p):
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    ok = statuses.get(302, 0)
    return LoadResult(
        requests=len(ordered), seconds=seconds, p50_ms=statistics.median(ordered) * 1000, p99_ms=pct(99), p90_ms=pct(90),
        max_ms=ordered[-1] * 1000, errors=len(ordered) - ok, extra={"statuses": {str(k): v for k, v in statuses.items()}},
    )


class Previews:
    """Members' live previews of one text (POST /markdownx/markdownify/), back to back from `connections`
    threads, for as long as the `with` block runs: the load another measurement runs beside.

    `posters` are (session key, csrf token) pairs; each thread takes turns among its share of them,
    so no member comes near the preview limit (120 a minute).
    """

    def __init__(self, port, posters, text, *, connections=2):
        self.port, self.text, self.connections = port, text, connections
        self.shares = [posters[i::connections] for i in range(connections)]
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.latencies, self.statuses, self.threads = [], {}, []

    def _worker(self, share):
        index = 0
        while not self.stop.is_set():
            session_key, csrf = share[index % len(share)]
            index += 1
            payload = urlencode({"csrfmiddlewaretoken": csrf, "content": self.text})
            headers = {"Host": "127.0.0.1", "User-Agent": BROWSER_AGENT, "Cookie": f"sessionid={session_key}; csrftoken={csrf}",
                       "Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": csrf}
            started = time.perf_counter()
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                conn.request("POST", "/markdownx/markdownify/", body=payload, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except OSError:
                status = "error"
            finally:
                conn.close()
            with self.lock:
                self.latencies.append(time.perf_counter() - started)
                self.statuses[str(status)] = self.statuses.get(str(status), 0) + 1

    def __enter__(self):
        self.threads = [threading.Thread(target=self._worker, args=(share,), daemon=True) for share in self.shares]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=35)
        return False

    def summary(self):
        """(previews rendered, their median latency in ms, responses by status)."""
        median = statistics.median(self.latencies) * 1000 if self.latencies else 0.0
        return len(self.latencies), median, dict(self.statuses)
