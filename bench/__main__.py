"""`python -m bench` (or `make bench BENCH_ARGS=...`): generate a large forum, serve it as production would, load it, report.

Steps: (1) drop, create, migrate and fill the database `forum_bench`; (2) in process: query
counts, EXPLAIN of every statement, profiles, assess() throughput; (3) gunicorn with 2 sync
workers, DEBUG off, and wrk from a second process against each page, plus logged-in members
posting answers; (4) Spirit 0.14.3's topic page for comparison (bench/spirit_site.py, its own virtualenv
and database; skipped with a note when it cannot be installed); (5) the framework floor
(bench/floor_wsgi.py) served the same way; (6) bench/RESULTS.md. See docs/DEPLOY.md for how production runs.
"""

import argparse
import os
import sys
import time
from pathlib import Path

from bench import server
from bench.generate import log

PROJECT = Path(__file__).resolve().parent.parent
ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
# A word in about 8% of posts, and one in about 65% (the worst case for ranking every match).
SEARCH_WORDS = ("slapeloosheid", "huisarts")
PAGE_NAMES = ("topic-anon", "topic-member", "topic-anon-miss", "topic-cold", "category", "home", "search", "search-very-common",
              "queue", "post", "topic-previews", "spirit")
FLOORS = (
    ("django", "plain Django floor: startproject middleware, a view returning the same bytes"),
    ("same", "project floor: this forum's settings and middleware, a view returning the same bytes"),
    ("none", "floor: no middleware at all"),
)


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="data size: 1 = 2,000 topics, 100,000 answers, 500,000 votes (default 1)")
    parser.add_argument("--reuse", action="store_true", help="keep an existing bench database instead of regenerating it")
    parser.add_argument("--database", default="forum_bench", help="database name (default forum_bench; dropped and recreated)")
    parser.add_argument("--duration", type=int, default=20, help="seconds of load per page (default 20)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of unrecorded load before each measurement (default 3)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--post-connections", type=int, default=4, help="concurrent members posting answers (default 4)")
    parser.add_argument("--preview-connections", type=int, default=2,
                        help="members previewing a 20,000-character worst case back to back beside the topic page (default 2)")
    parser.add_argument("--port", type=int, default=8765, help="port for the servers under test (default 8765, or any free one)")
    parser.add_argument("--wait-quiet", type=int, default=0, metavar="SECONDS",
                        help="on a shared machine: before each measurement wait up to this long for other work to pause")
    parser.add_argument("--redis-db", type=int, default=server.REDIS_DB,
                        help=f"Redis database the servers use, emptied before the run (default {server.REDIS_DB})")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pages", help="comma-separated page names to measure (default all): " + ", ".join(PAGE_NAMES))
    parser.add_argument("--generate-only", action="store_true", help="build the database and stop")
    parser.add_argument("--no-load", action="store_true", help="skip the servers and wrk: in-process numbers, EXPLAIN and profiles only")
    parser.add_argument("--no-spirit", action="store_true", help="skip the Spirit 0.14.3 row (its own virtualenv, database and server)")
    parser.add_argument("--spirit-database", default="spirit_bench", help="the Spirit row's database (default spirit_bench; dropped and recreated)")
    parser.add_argument("--results", default=str(PROJECT / "bench" / "RESULTS.md"), help="where to write the report")
    return parser.parse_args(argv)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    database_url = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    dsn = f"postgresql://postgres@127.0.0.1:5432/{args.database}"
    env = server.production_env(database_url, redis=server.redis_url(args.redis_db))
    # This process uses the same settings as the servers it starts (before anything imports Django).
    os.environ.clear()
    os.environ.update(env)

    from bench import generate, load, report

    code_at_start = report.git_state()  # others may commit while the bench runs: record what it started with

    if not (args.no_load or args.generate_only) and not load.wrk_available():
        print(load.WRK_INSTALL_HINT, file=sys.stderr)
        return 2
    _check_services(env["REDIS_URL"])

    # 1. Data.
    meta = None if not args.reuse else generate.read_meta(dsn)
    if meta and float(meta["scale"]) != args.scale:
        log(f"the existing database has scale {meta['scale']}, not {args.scale}: regenerating")
        meta = None
    if meta:
        log(f"reusing {args.database} (scale {meta['scale']}); applying any new migrations")
        generate.migrate(env, PROJECT)
        timings = {"total": 0.0, "reused": True}
    else:
        log(f"creating {args.database} at scale {args.scale}")
        started = time.perf_counter()
        generate.recreate_database(ADMIN_DSN, args.database)
        generate.migrate(env, PROJECT)
        migrated = time.perf_counter() - started
        meta, timings = generate.generate(dsn, args.scale, args.seed)
        timings = {"migrate": migrated, **timings, "total": timings["total"] + migrated}
        log(f"generated in {timings['total']:.1f} s: " + ", ".join(f"{k} {v:.1f}" for k, v in timings.items() if k != "total"))
    counts = generate.table_counts(dsn)
    consistency = generate.check_consistency(dsn)
    log("data: " + ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in counts.items()))
    if any(consistency.values()):
        log(f"CONSISTENCY CHECKS FAILED: {consistency}")
    if args.generate_only:
        return 0

    # 2. In process.
    log("collectstatic")
    server.collectstatic(env)
    server.flush_redis_db(env["REDIS_URL"])
    import django

    django.setup()
    pages, posting, topic_ids, bodies, posters = _prepare(meta)
    if args.pages:
        wanted = set(args.pages.split(","))
        unknown = wanted - set(PAGE_NAMES)
        if unknown:
            raise SystemExit(f"unknown pages: {', '.join(sorted(unknown))}; choose from {', '.join(PAGE_NAMES)}")
        # The anonymous topic page is always fetched: the floor serves its bytes.
        pages = [p for p in pages if p.name in wanted or p.name == "topic-anon"]
        posting = posting if "post" in wanted else None
    previews = not args.pages or "topic-previews" in set(args.pages.split(","))
    spirit = not (args.no_spirit or args.no_load) and (not args.pages or "spirit" in set(args.pages.split(",")))
    selected = pages + ([posting] if posting else [])
    from bench import inprocess

    rows, plans, profiles = {}, {}, {}
    for page in selected:
        log(f"in process: {page.label}")
        factory = _post_data(page, bodies) if page.method == "POST" else None
        result = inprocess.anatomy(page, data_factory=factory)
        rows[page.name] = {"label": page.label, "goal": page.goal, "queries": result.queries, "cold_queries": result.cold_queries,
                           "sql_ms": result.sql_ms, "service_ms": result.service_ms, "kb": result.size / 1024,
                           "status": result.status}
        plans[page.label] = inprocess.explain(result.captured)
        profiles[page.label] = inprocess.profile(page, data_factory=factory, service_ms=result.service_ms)[0]
    member_page = next((p for p in pages if p.name == "topic-member"), None)
    small = _small_topic_queries(member_page.user, meta["bench_topic_id"]) if member_page else None
    notes = []
    if small:
        notes.append(f"Logged-in topic page: {rows['topic-member']['queries']} queries with 100 answers, {small[1]} on a topic "
                     f"with {small[0]} answers.")
    log("assess() throughput")
    _quiet(args)  # the crafted inputs' CPU times too are higher while other work shares the cores
    assess = inprocess.assess_throughput()
    log(f"assess(): {assess['per_second']:,.0f} answers/s")
    from django.db import connections

    connections.close_all()
    spirit_setup = _spirit_site(args, notes) if spirit else None

    # 3 and 4. Under load.
    floors = {}
    if not args.no_load:
        port = server.free_port(args.port)
        load_kwargs = {"duration": args.duration, "connections": args.connections, "threads": args.threads, "warmup": args.warmup}
        # A fresh server for every page: requests still queued when wrk stops would otherwise slow the next page.
        with server.Gunicorn("config.wsgi", port, env, name="app"):
            topic_page = _check_pages(port, pages)
        for page in pages:
            page_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.cold_settings"} if page.cold else env
            with server.Gunicorn("config.wsgi", port, page_env, name=page.name) as app:
                _quiet(args)
                log(f"wrk: {page.label}")
                account = server.CpuAccount(args.database, app.process.pid)
                result = load.wrk(port, page.path, page.name, cookie=page.cookie, unique_query=page.unique_query,
                                  account=account, **load_kwargs)
                rows[page.name].update(_load_row(result, account))
        if posting:
            with server.Gunicorn("config.wsgi", port, env, name="post") as app:
                _quiet(args)
                log(f"posting answers: {args.post_connections} members at a time")
                with server.CpuAccount(args.database, app.process.pid) as account:
                    posted = load.post_answers(port, posters, topic_ids, bodies, duration=args.duration,
                                               connections=args.post_connections)
            rows[posting.name].update(_load_row(posted, account))
            notes.append(f"Posting: {posted.requests:,} answers in {posted.seconds:.0f} s by {args.post_connections} concurrent "
                         f"members (responses: {posted.extra['statuses']}).")
        if previews:
            rows["topic-previews"], note = _topic_while_previewing(args, port, env, pages, posters, assess, load_kwargs)
            notes.append(note)
        if spirit_setup:
            from bench.spirit_site import Unavailable

            try:
                rows["spirit"], note = _spirit_row(args, port, spirit_setup, load_kwargs)
            except Unavailable as reason:  # a page Spirit got wrong should not cost the whole run
                log(f"Spirit row skipped: {reason}")
                note = f"Spirit row skipped: {reason}."
            notes.append(note)
        notes.append(f"Pages: wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency, after a {args.warmup} s "
                     "warm-up, each against a freshly started server.")
        floor_file = server.OUT / "topic_page.html"
        floor_file.write_bytes(topic_page)
        for variant, label in FLOORS:
            floor_env = {**env, "BENCH_FLOOR_FILE": str(floor_file), "BENCH_FLOOR_MIDDLEWARE": variant}
            with server.Gunicorn("bench.floor_wsgi", port, floor_env, name=f"floor-{variant}") as app:
                status, _headers, body = server.request(port, "GET", "/floor/")
                assert status == 200 and len(body) == len(topic_page), (status, len(body))
                _quiet(args)
                log(f"wrk: {label}")
                account = server.CpuAccount(args.database, app.process.pid)
                result = load.wrk(port, "/floor/", f"floor-{variant}", account=account, **load_kwargs)
            rows[f"floor-{variant}"] = {"label": label, **_load_row(result, account), "kb": len(topic_page) / 1024}
            floors[variant] = result.rps
        floor = floors.get("same")
        for row in rows.values():
            if row.get("rps"):
                row["ratio"] = row["rps"] / floor if floor else None
                row["ratio_django"] = row["rps"] / floors["django"] if floors.get("django") else None
    _judge(rows, floors, assess)

    # 5. Report.
    beside = [rows[name] for name in ("topic-previews", "spirit") if name in rows]
    compared = report.spirit_comparison(rows.get("topic-anon-miss"), rows.get("spirit"))
    if compared:
        notes.insert(0, compared)
    spirit_versions = {"Spirit": f"{spirit_setup.spirit} on Django {spirit_setup.django} (bench/.spirit-venv)"} if spirit_setup else {}
    ordered = [rows[p.name] for p in selected] + beside + [rows[f"floor-{k}"] for k, _label in FLOORS if f"floor-{k}" in rows]
    text = report.render(
        args=argv, machine_info=report.machine(), version_info={**report.versions(dsn, load.wrk_version()), "code": code_at_start, **spirit_versions},
        generation=timings,
        counts=counts, consistency=consistency, rows=ordered, assess=assess, plans=plans, profiles=profiles, notes=notes,
    )
    Path(args.results).write_text(text)
    print()
    print(report.results_table(ordered))
    if compared:
        print(compared)
    print(f"assess(): {assess['per_second']:,.0f} answers/s")
    log(f"report written to {args.results}; raw wrk output, profiles and server logs in {server.OUT}")
    return 0


def _topic_while_previewing(args, port, env, pages, posters, assess, load_kwargs):
    """The anonymous topic page under wrk while members preview the crafted shape that rendered slowest."""
    from bench import load, textgen

    shape = _slowest_accepted_shape(assess["crafted"]["shapes"])
    topic = next(p for p in pages if p.name == "topic-anon")
    with server.Gunicorn("config.wsgi", port, env, name="topic-previews") as app:
        _quiet(args)
        log(f"wrk: topic page while {args.preview_connections} members preview `{shape}`")
        account = server.CpuAccount(args.database, app.process.pid)
        with load.Previews(port, posters, textgen.crafted(shape), connections=args.preview_connections) as previewing:
            result = load.wrk(port, topic.path, "topic-previews", account=account, **load_kwargs)
    count, median, statuses = previewing.summary()
    label = (f"topic page, anonymous, page cache hit, while {args.preview_connections} members preview "
             f"{textgen.CRAFTED_LENGTH:,} characters of `{shape}` back to back")
    row = {"label": label, "goal": "p50 and p99 < 100 ms", **_load_row(result, account)}
    note = (f"Previews beside the topic page: {count:,} of `{shape}` rendered in {result.seconds:.0f} s, median "
            f"{median:.0f} ms each (responses: {statuses}); the row's CPU per request includes theirs.")
    return row, note


def _spirit_site(args, notes):
    """Spirit set up for its row, or None with the reason in the notes (no registry to install it from, say)."""
    from bench import spirit_site

    try:
        return spirit_site.build(ADMIN_DSN, args.spirit_database, seed=args.seed)
    except spirit_site.Unavailable as reason:
        log(f"Spirit row skipped: {reason}")
        notes.append(f"Spirit row skipped: {reason}.")
        return None


def _spirit_row(args, port, site, load_kwargs):
    """Spirit's topic page, anonymous, loaded like the forum's pages: its own gunicorn (2 sync workers) and database."""
    from bench import load, spirit_site

    with server.Gunicorn("benchsite.wsgi", port, site.env, name="spirit", gunicorn=site.gunicorn, cwd=site.cwd) as app:
        status, _headers, body = server.request(port, "GET", site.path)
        shown = spirit_site.posts_shown(body.decode())
        if status != 200 or shown != spirit_site.COMMENTS_PER_PAGE:
            raise spirit_site.Unavailable(f"{site.path} answered {status} with {shown} comments, not 200 with "
                                          f"{spirit_site.COMMENTS_PER_PAGE}; see {app.log_path}")
        _quiet(args)
        log(f"wrk: {spirit_site.LABEL}")
        account = server.CpuAccount(args.spirit_database, app.process.pid)
        result = load.wrk(port, site.path, "spirit", account=account, **load_kwargs)
    row = {"label": spirit_site.LABEL, "goal": "forum's cache-missed topic page ≥ 3× its req/s", "kb": len(body) / 1024,
           **site.in_process, **_load_row(result, account)}
    note = (f"Spirit {spirit_site.VERSION} (bench/spirit_site.py): `{site.path}`, the question and "
            f"{site.comments - 1} answers written through Spirit's own forms (its Markdown rendered on saving), "
            f"{shown} comments a page (Spirit's setting, as the forum shows 30), Spirit's production settings "
            f"(DEBUG off; its database cache, which an anonymous topic page does not read, so no Redis), database "
            f"connections kept as the forum keeps its own, Django {site.django}, database {args.spirit_database}.")
    return row, note


def _slowest_accepted_shape(shapes):
    """The crafted shape that rendered slowest among those the post form accepts (the preview refuses
    the others with a 400 before rendering, as it refuses 20,000 nested quotes)."""
    from django.core.exceptions import ValidationError

    from bench import textgen
    from forum.forms import MarkdownField

    for name in sorted(shapes, key=lambda n: -shapes[n]["render_ms"]):
        try:
            MarkdownField(required=False).clean(textgen.crafted(name))
        except ValidationError:
            continue
        return name
    raise SystemExit("the post form refuses every crafted shape")


def _quiet(args):
    if args.wait_quiet:
        share = server.wait_until_quiet(args.database, args.wait_quiet)
        if share >= 0.10:
            log(f"other work still uses {share:.0%} of the CPU; measuring anyway")


def _check_services(redis_url):
    import psycopg
    import redis

    try:
        psycopg.connect(ADMIN_DSN, connect_timeout=3).close()
    except psycopg.Error as error:
        raise SystemExit(f"PostgreSQL is not reachable at 127.0.0.1:5432 as postgres: {error}") from None
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        raise SystemExit(f"Redis is not reachable at {redis_url}: {error}") from None


def _prepare(meta):
    """The pages to measure, with sessions for the reader, the moderator and the members who post."""
    import random

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db.models.functions import Mod

    from bench import textgen
    from bench.inprocess import Page, csrf_token, session_for
    from forum.models import Topic

    # In process only: the profile and anatomy posts must not run into the hourly answer limit.
    # The limit check itself still runs, so the measured path is the production one.
    settings.FORUM_RATE_LIMITS = {"answer": (10**9, 3600)}
    users = get_user_model().objects
    topic = meta["bench_topic_id"]
    reader = users.get(username=meta["reader"])
    moderator = users.get(username=meta["moderator"])
    writer = users.get(username=meta["writer"])
    common, very_common = SEARCH_WORDS
    topic_url = Topic.objects.get(pk=topic).get_absolute_url()  # the canonical address: /t/<id>/ alone redirects
    # The cache-missed rows show 30 answers: a topic whose last page is full (page numbers past the last show the last).
    full = (Topic.objects.filter(is_public=True, is_deleted=False, category__members_only=False, answer_count__gte=30)
            .annotate(last_page_short=Mod("answer_count", 30)).filter(last_page_short=0).order_by("answer_count", "pk").first())
    full_url = full.get_absolute_url() if full else topic_url
    answers = f"{full.answer_count} answers, 30 shown" if full else "100 answers"
    pages = [
        Page("topic-anon", "topic page, anonymous, page cache hit (100 answers)", "GET", topic_url,
             goal="≤ 0.8 ms CPU, ≥ 0.5× Django floor"),
        Page("topic-member", "topic page, logged in", "GET", topic_url, user=reader, goal="≥ 500 req/s, ≤ 10 queries"),
        Page("topic-anon-miss", f"topic page, anonymous, page cache missed, fragments warm ({answers})", "GET", full_url,
             unique_query=True, goal="≤ 6 ms CPU"),
        Page("topic-cold", f"topic page, anonymous, every cache empty ({answers})", "GET", full_url, cold=True),
        Page("category", "category topic list (25 topics)", "GET", f"/c/{meta['bench_category_slug']}/", goal="≤ 1 ms CPU"),
        Page("home", "home page", "GET", "/", goal="≤ 1 ms CPU"),
        Page("search", f"search “{common}” ({_hits(common)})", "GET", f"/search/?q={common}", goal="p50 < 50 ms"),
        Page("search-very-common", f"search “{very_common}” ({_hits(very_common)})", "GET", f"/search/?q={very_common}"),
        Page("queue", "moderation queue (moderator)", "GET", "/moderation/", user=moderator, goal="p50 < 50 ms"),
    ]
    topic_ids = list(
        Topic.objects.filter(is_public=True, is_deleted=False).exclude(pk=topic).values_list("pk", flat=True)
    )
    rng = random.Random(5)
    kinds = ["plain"] * 7 + ["sourced"] * 2 + ["claim"]
    bodies = [textgen.body(rng, rng.randint(50, 200), rng.choice(kinds)) for _ in range(200)]
    posting = Page("post", "post an answer (incl. assess)", "POST", f"/t/{rng.choice(topic_ids)}/answer/", user=writer,
                   goal="p50 < 100 ms")
    for page in pages + [posting]:
        if page.user is not None:
            page.session = session_for(page.user)
    first = meta["first_member_id"]
    poster_users = users.filter(pk__gte=first + 1000, pk__lt=first + 1400)
    posters = [(session_for(user), csrf_token()) for user in poster_users]
    return pages, posting, topic_ids, bodies, posters


def _hits(word):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE search_vector @@ websearch_to_tsquery('forum_dutch', %s)), count(*) FROM forum_post",
            [word],
        )
        hits, total = cursor.fetchone()
    return f"{hits:,} of {total:,} posts match"


def _small_topic_queries(reader, topic_id):
    """The logged-in topic page's query count on a topic with few answers, to show the count does not grow with answers."""
    from bench.inprocess import Page, anatomy, session_for
    from forum.models import Topic

    small = Topic.objects.filter(is_public=True, answer_count__range=(1, 5)).exclude(pk=topic_id).order_by("pk").first()
    if small is None:
        return None
    page = Page("topic-member-small", "topic page, logged in, small topic", "GET", small.get_absolute_url(), user=reader)
    page.session = session_for(reader)
    return small.answer_count, anatomy(page, repeat=1).queries


def _post_data(page, bodies):
    import itertools

    cycle = itertools.cycle(bodies)
    return lambda: {"csrfmiddlewaretoken": page.csrf, "body": next(cycle)}


def _check_pages(port, pages):
    """Every page answers 200 before it is loaded; returns the anonymous topic page's bytes (the floor's size)."""
    topic_page = None
    for page in pages:
        headers = {"Cookie": page.cookie} if page.cookie else {}
        status, _headers, body = server.request(port, "GET", page.path, headers=headers)
        if status != 200:
            raise SystemExit(f"{page.label}: {page.path} answered {status}, not 200; see {server.OUT}/gunicorn-app.log")
        if page.name == "topic-anon":
            topic_page = body
    return topic_page


def _load_row(result, account):
    per_request = account.per_request_ms(result.requests)
    return {
        "rps": result.rps, "p50": result.p50_ms, "p99": result.p99_ms, "errors": result.errors, "other_cpu": account.share,
        "app_cpu_ms": per_request.get("app"), "db_cpu_ms": per_request.get("db"),
    }


def _judge(rows, floors, assess):
    def mark(name, ok):
        if name in rows:
            rows[name]["met"] = "✅" if ok else "❌"

    def cpu(row):
        return (row.get("app_cpu_ms") or 0) + (row.get("db_cpu_ms") or 0)

    anon = rows.get("topic-anon", {})
    if floors.get("django") and "rps" in anon:
        mark("topic-anon", cpu(anon) <= 0.8 and anon["rps"] >= 0.5 * floors["django"])
    for name, limit in (("topic-anon-miss", 6.0), ("category", 1.0), ("home", 1.0)):
        if "rps" in rows.get(name, {}):
            mark(name, cpu(rows[name]) <= limit)
    member = rows.get("topic-member", {})
    if "rps" in member:
        mark("topic-member", member["rps"] >= 500 and member["queries"] <= 10)
    for name, limit in (("search", 50), ("queue", 50), ("post", 100)):
        if "p50" in rows.get(name, {}):
            mark(name, rows[name]["p50"] < limit)
    from bench import report

    ratio = report.spirit_ratio(rows.get("topic-anon-miss"), rows.get("spirit"))
    if ratio is not None:
        mark("spirit", ratio >= report.SPIRIT_TARGET)
    previews = rows.get("topic-previews", {})
    if "p99" in previews:
        mark("topic-previews", previews["p50"] < 100 and previews["p99"] < 100)


if __name__ == "__main__":
    sys.exit(main())
