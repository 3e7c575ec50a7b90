"""App and database CPU per request, in process: `python -m bench.wsgicpu [--pages miss,hit,category,home]`.

Each request goes through config.wsgi.application as gunicorn calls it (with Django's
request_started/finished signals, which the test client leaves out: closing and health-checking
the database connection), with the production settings against a bench database (run
`python -m bench --generate-only` first). For each page: the CPU time of this process per request
and that of its PostgreSQL backend (read from /proc), each the minimum over `--rounds` loops of
`--requests` requests, so other sessions' load on a shared machine moves it less. `--profile PAGE`
adds a cProfile (by CPU time) of one more loop of that page. bench/README.md keeps the figures.

Pages: miss (anonymous, whole-page cache missed, post fragments warm: a new page number on every
request of the topic whose last page shows 30 answers, as the bench's "cache missed" row), hit
(the anonymous cached topic page), category (the bench category's first page), home.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time

PAGES = ("miss", "hit", "category", "home")


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.wsgicpu", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--database", default="forum_bench")
    parser.add_argument("--profile", choices=PAGES)
    parser.add_argument("--redis-db", type=int, default=11, help="Redis database (default 11: hotspots uses 12, a `make bench` run 13)")
    return parser.parse_args(argv)


def _urls(meta):
    from django.db.models.functions import Mod

    from forum.models import Topic

    full = (Topic.objects.filter(is_public=True, is_deleted=False, category__members_only=False, answer_count__gte=30)
            .annotate(last_page_short=Mod("answer_count", 30)).filter(last_page_short=0).order_by("answer_count", "pk").first())
    topic = Topic.objects.get(pk=meta["bench_topic_id"]).get_absolute_url()
    miss = full.get_absolute_url() if full else topic
    counter = iter(range(2, 10**9))
    return {
        "miss": lambda: (miss, f"page={next(counter) % 90000 + 2}"),
        "hit": lambda: (topic, ""),
        "category": lambda: (f"/c/{meta['bench_category_slug']}/", ""),
        "home": lambda: ("/", ""),
    }


def _caller(urls):
    from bench.server import BROWSER_AGENT
    from config.wsgi import application

    def call(page):
        path, query = urls[page]()
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8765", "HTTP_HOST": "127.0.0.1:8765", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
            "HTTP_USER_AGENT": BROWSER_AGENT, "HTTP_ACCEPT_LANGUAGE": "nl,en;q=0.5", "REMOTE_ADDR": "127.0.0.1",
            "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr,
        }
        status = []
        body = application(environ, lambda line, headers, exc_info=None: status.append(line))
        b"".join(body)
        body.close()
        if not status[0].startswith("200"):
            raise SystemExit(f"{page}: {path}?{query} answered {status[0]}")

    return call


def _backend_cpu():
    """CPU seconds of this connection's PostgreSQL backend so far (0 before the first query)."""
    from django.db import connection

    if connection.connection is None:
        return 0.0
    fields = open(f"/proc/{connection.connection.info.backend_pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from bench import server

    server.as_production_process(args.database, args.redis_db)
    from bench import generate

    call = _caller(_urls(generate.read_meta(f"postgresql://postgres@127.0.0.1:5432/{args.database}")))
    for page in args.pages.split(","):
        for _ in range(10):
            call(page)
        app = db = float("inf")
        for _ in range(args.rounds):
            db_before, started = _backend_cpu(), time.process_time()
            for _ in range(args.requests):
                call(page)
            app = min(app, (time.process_time() - started) / args.requests * 1000)
            db = min(db, (_backend_cpu() - db_before) / args.requests * 1000)
        print(f"{page:9s} app {app:6.2f} ms  DB {db:5.2f} ms CPU per request (min of {args.rounds} x {args.requests})", flush=True)
        if args.profile == page:
            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
            for _ in range(args.requests):
                call(page)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
