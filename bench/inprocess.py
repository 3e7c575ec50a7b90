"""What the bench does inside Django (same settings as the servers): sessions, query capture, EXPLAIN, profiles, assess().

Runs with the production environment (DEBUG off) against the bench database, through
Django's test client, so each page runs its real middleware, views and templates.
"""

import cProfile
import io
import pstats
import re
import secrets
import statistics
import string
import time
from dataclasses import dataclass, field

from bench.server import BROWSER_AGENT, OUT

BIG_TABLES = {
    "forum_post", "forum_vote", "forum_reaction", "forum_topic", "forum_user", "forum_notification",
    "moderation_reviewitem", "moderation_auditentry", "account_emailaddress", "django_session",
    "django_tasks_database_dbtaskresult",
}
_SEQ_SCAN = re.compile(r"(?:Parallel )?Seq Scan on (\w+)")
_INDEX_SCAN = re.compile(r"(Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)?(?: using (\w+))? on (\w+)")


def csrf_token():
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))


def session_for(user):
    """A logged-in session in the app's session store (cached_db: Redis and the database), as login would leave it."""
    from django.test import Client

    client = Client()
    client.force_login(user, backend="forum.auth.CachedModelBackend")
    from django.conf import settings

    return client.cookies[settings.SESSION_COOKIE_NAME].value


@dataclass
class Page:
    name: str
    label: str
    method: str
    path: str
    user: object = None
    data: dict = None
    goal: str = ""
    unique_query: bool = False  # a new page number on every request, so no whole-page cache can answer
    cold: bool = False  # every shared cache empty on every request (served with bench.cold_settings)
    session: str = ""
    csrf: str = field(default_factory=csrf_token)

    @property
    def cookie(self):
        return f"sessionid={self.session}; csrftoken={self.csrf}" if self.session else None


def _client(page):
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT=BROWSER_AGENT, enforce_csrf_checks=False)
    if page.session:
        from django.conf import settings

        client.cookies[settings.SESSION_COOKIE_NAME] = page.session
    return client


_unique = iter(range(10**12))


def _call(client, page, data_factory=None):
    if page.cold:
        from django.core.cache import cache

        cache.clear()
    if page.method == "GET":
        path = page.path
        if page.unique_query:
            path += ("&" if "?" in path else "?") + f"page={2 + next(_unique) % 90000}"  # see load.UNIQUE_QUERY
        return client.get(path)
    return client.post(page.path, data_factory() if data_factory else page.data)


@dataclass
class Anatomy:
    queries: int  # steady state: a repeat request, caches warm
    cold_queries: int  # the first request after the shared cache was emptied
    sql_ms: float  # steady state
    service_ms: float  # median wall time of one request, in process, no concurrency
    status: int
    size: int
    captured: list  # the cold request's statements (a superset of the warm ones), for EXPLAIN


class _SqlTimer:
    """Wall time spent in the database driver, at microsecond precision (connection.queries rounds to 1 ms)."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


def anatomy(page, *, repeat=15, data_factory=None):
    """Queries of a cold and a warm request, SQL time, and the median in-process time of `repeat` more."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client(page)
    cache.clear()
    # Each request empties connection.queries_log (request_started -> reset_queries), so a capture
    # around a request must start from an empty log or it slices the wrong range.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as capture:
        _call(client, page, data_factory)
    cold = list(capture.captured_queries)  # a slice of the live log: copy it before the next request
    for _ in range(3):
        _call(client, page, data_factory)
    timer = _SqlTimer()
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as capture, connection.execute_wrapper(timer):
        response = _call(client, page, data_factory)
    warm = list(capture.captured_queries)
    times, budget_ends = [], time.perf_counter() + 8  # slow pages: fewer repeats, at least 3
    while len(times) < repeat and (len(times) < 3 or time.perf_counter() < budget_ends):
        started = time.perf_counter()
        _call(client, page, data_factory)
        times.append(time.perf_counter() - started)
    return Anatomy(
        queries=len(warm), cold_queries=len(cold), sql_ms=timer.seconds * 1000,
        service_ms=statistics.median(times) * 1000, status=response.status_code, size=len(response.content),
        captured=cold,
    )


@dataclass
class Plan:
    sql: str
    text: str
    execution_ms: float
    seq_scans: list  # sequential scans of large tables
    indexes: list
    small_scans: list = field(default_factory=list)  # sequential scans of small tables (categories, rules, permissions)

    @property
    def verdict(self):
        if self.seq_scans:
            return "SEQ SCAN on " + ", ".join(sorted(set(self.seq_scans)))
        if self.indexes:
            return "index" + (" (+ seq scan of small " + ", ".join(sorted(set(self.small_scans))) + ")" if self.small_scans else "")
        if self.small_scans:
            return "seq scan of small " + ", ".join(sorted(set(self.small_scans)))
        return "no table"


_SKIP = re.compile(r"^\s*(SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT|SET |CLOSE )", re.IGNORECASE)
_DECLARE = re.compile(r"^\s*DECLARE \S+ (?:NO )?SCROLL CURSOR (?:WITH(?:OUT)? HOLD )?FOR ", re.IGNORECASE)


def explain(captured):
    """EXPLAIN (ANALYZE, BUFFERS) of each captured statement, in a transaction that is rolled back."""
    from django.db import connection, transaction

    plans = []
    with transaction.atomic():
        for query in captured:
            # Server-side cursors (QuerySet.iterator()) arrive as DECLARE ... FOR <select>: explain the select.
            sql = _DECLARE.sub("", query["sql"])
            if _SKIP.match(sql):
                continue
            with connection.cursor() as cursor:
                cursor.execute("SAVEPOINT bench_explain")
                try:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                    lines = [row[0] for row in cursor.fetchall()]
                    cursor.execute("ROLLBACK TO SAVEPOINT bench_explain")
                except Exception as error:  # a statement that cannot be replayed (e.g. a duplicate insert)
                    cursor.execute("ROLLBACK TO SAVEPOINT bench_explain")
                    lines = [f"(not explained: {str(error).strip().splitlines()[0]})"]
            text = "\n".join(lines)
            execution = re.search(r"Execution Time: ([\d.]+) ms", text)
            plans.append(Plan(
                sql=sql, text=text, execution_ms=float(execution.group(1)) if execution else 0.0,
                seq_scans=[t for t in _SEQ_SCAN.findall(text) if t in BIG_TABLES],
                indexes=[m[1] or m[0] for m in _INDEX_SCAN.findall(text)],
                small_scans=[t for t in _SEQ_SCAN.findall(text) if t not in BIG_TABLES],
            ))
        transaction.set_rollback(True)
    return plans


def profile(page, *, requests=30, data_factory=None, top=25, service_ms=None):
    """cProfile of `requests` requests (fewer for slow pages); returns (text sorted by own time, by cumulative time)."""
    if service_ms:
        requests = max(3, min(requests, int(10_000 / service_ms)))
    client = _client(page)
    _call(client, page, data_factory)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        _call(client, page, data_factory)
    profiler.disable()
    outputs = []
    for order in ("tottime", "cumulative"):
        buffer = io.StringIO()
        stats = pstats.Stats(profiler, stream=buffer)
        stats.strip_dirs().sort_stats(order).print_stats(top)
        outputs.append(_trim_profile(buffer.getvalue()))
    path = OUT / "profiles"
    path.mkdir(parents=True, exist_ok=True)
    (path / f"{page.name}.txt").write_text(f"# {page.label}: {requests} requests\n\n" + "\n\n".join(outputs))
    return outputs


def _trim_profile(text):
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    return "\n".join(line for line in lines[start:] if line.strip())


def assess_throughput(answers=2000, rounds=3, seed=11):
    """The health-claim screen over generated answers with the rules as the app loads them.

    `per_second`: moderation.policy.assess of each answer's visible document (the policy alone);
    `pipeline_per_second`: what posting runs (moderation.screening.screen: render, sanitise, read
    the visible text, assess). Best round of each; also the share held and, under `crafted`, the
    worst case on 20,000-character hostile inputs (crafted_worst_case).
    """
    import random

    from bench import textgen
    from forum.markdown import render_markdown
    from moderation.policy import assess
    from moderation.policy.visible import visible_document
    from moderation.rules import load_rules
    from moderation.screening import screen

    rng = random.Random(seed)
    kinds = ["plain"] * 70 + ["link"] * 5 + ["sourced"] * 15 + ["claim"] * 10
    texts = [textgen.body(rng, rng.randint(50, 200), rng.choice(kinds)) + "\n\n" + textgen.tail(rng) for _ in range(answers)]
    rules = load_rules()
    documents = [visible_document(render_markdown(text)) for text in texts]
    best = pipeline = None
    held = 0
    for _ in range(rounds):
        started = time.perf_counter()
        held = sum(1 for document in documents if assess(document, rules).needs_review)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
        started = time.perf_counter()
        for text in texts:
            screen(text, rules=rules)
        elapsed = time.perf_counter() - started
        pipeline = elapsed if pipeline is None else min(pipeline, elapsed)
    words = sum(len(t.split()) for t in texts) / len(texts)
    return {"answers": answers, "per_second": answers / best, "pipeline_per_second": answers / pipeline,
            "held_share": held / answers, "mean_words": words, "crafted": crafted_worst_case(rules)}


def crafted_worst_case(rules=None, rounds=3):
    """Render and assess each 20,000-character hostile shape (bench.textgen.CRAFTED_UNITS), best of `rounds`.

    CPU time (time.process_time), so other work on the machine counts less. Returns the worst shape
    for each step, in ms, and every shape's figures.
    """
    from bench import textgen
    from forum.markdown import render_markdown
    from moderation.policy import assess, default_rules
    from moderation.policy.visible import forget_documents, visible_document

    rules = rules or default_rules()
    assess(visible_document(render_markdown("warm up")), rules)
    shapes = {}
    for name in textgen.CRAFTED_UNITS:
        text = textgen.crafted(name)
        render_ms = assess_ms = None
        for _ in range(rounds):
            started = time.process_time()
            html = render_markdown(text)
            forget_documents()
            middle = time.process_time()
            assess(visible_document(html), rules)
            ended = time.process_time()
            render_ms = min(render_ms or 1e9, (middle - started) * 1000)
            assess_ms = min(assess_ms or 1e9, (ended - middle) * 1000)
        shapes[name] = {"render_ms": render_ms, "assess_ms": assess_ms}
    render_worst = max(shapes, key=lambda n: shapes[n]["render_ms"])
    assess_worst = max(shapes, key=lambda n: shapes[n]["assess_ms"])
    total_worst = max(shapes, key=lambda n: shapes[n]["render_ms"] + shapes[n]["assess_ms"])
    return {
        "length": textgen.CRAFTED_LENGTH, "shapes": shapes,
        "render_worst": (render_worst, shapes[render_worst]["render_ms"]),
        "assess_worst": (assess_worst, shapes[assess_worst]["assess_ms"]),
        "total_worst": (total_worst, shapes[total_worst]["render_ms"] + shapes[total_worst]["assess_ms"]),
    }
