"""Where one page's time goes: `python -m bench.hotspots [--pages topic-miss,category,home] [--requests 40]`.

In process, with the production settings against the bench database (run `python -m bench
--generate-only` first), through Django's test client: for each page, the CPU time of one
request (time.process_time, median of a loop), then a cProfile of the loop reported as the
share of that CPU time spent in each cost centre: the forum's own functions and the Django
machinery they call (the ORM building objects, template nodes, the cache client). Times are
inclusive (a view includes its templates), so shares do not add up to 100 %.

Pages: topic-miss (anonymous, whole-page cache missed, post fragments warm: a new page
number on every request), topic-cold (every cache empty), topic-hit (anonymous, cached),
category (the bench category's first page), home. bench/README.md keeps the figures.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time

PAGES = ("topic-miss", "topic-cold", "topic-hit", "category", "home")

# (file name ends with, function name) -> what to call it in the report. Only centres that take
# at least --min-share of the time are shown.
CENTRES = [
    (("forum/views.py", "topic_detail"), "view topic_detail"),
    (("forum/views.py", "home"), "view home"),
    (("forum/views.py", "category_detail"), "view category_detail"),
    (("forum/selectors.py", "topic_page"), "selector topic_page (queries, ORM, prepare_posts)"),
    (("forum/topic_lists.py", "category_page"), "topic_lists.category_page (one query)"),
    (("forum/home_categories.py", "categories_overview_cached"), "home_categories.categories_overview_cached"),
    (("forum/selectors.py", "prepare_posts"), "prepare_posts (buttons, links, fragments)"),
    (("forum/selectors.py", "_prepare_for_viewer"), "_prepare_for_viewer (per-post rights and URLs)"),
    (("forum/fragments.py", "render_posts"), "render_posts (fragment keys, cache fetch, renders)"),
    (("forum/fragments.py", "_key"), "fragment keys (sha256 of each post's state)"),
    (("forum/pagecache.py", "lookup"), "pagecache.lookup"),
    (("forum/pagecache.py", "store"), "pagecache.store"),
    (("forum/pagecache.py", "split_into_parts"), "pagecache.split_into_parts"),
    (("forum/pagecache.py", "respond"), "pagecache.respond (fill holes, CSRF token)"),
    (("forum/seo.py", "topic_meta"), "seo.topic_meta"),
    (("forum/seo.py", "category_meta"), "seo.category_meta"),
    (("forum/seo.py", "home_meta"), "seo.home_meta"),
    (("forum/reading.py", "unread_in_watched_topics"), "reading.unread_in_watched_topics"),
    (("django/db/models/sql/compiler.py", "execute_sql"), "SQL: compile + execute + fetch"),
    (("django/db/models/sql/compiler.py", "as_sql"), "SQL: compiling querysets"),
    (("django/db/backends/utils.py", "_execute"), "SQL: in the driver and PostgreSQL (round trips)"),
    (("django/db/models/query.py", "__iter__"), "ORM: ModelIterable (rows to objects)"),
    (("django/db/models/base.py", "from_db"), "ORM: Model.from_db (building instances)"),
    (("django/db/models/fields/json.py", "from_db_value"), "ORM: decoding JSON fields"),
    (("django/core/paginator.py", "count"), "Paginator.count"),
    (("django/template/loader.py", "render_to_string"), "templates: render_to_string"),
    (("django/template/response.py", "render"), "templates: TemplateResponse.render"),
    (("django/shortcuts.py", "render"), "templates: shortcuts.render"),
    (("django/template/loader_tags.py", "render"), "templates: {% include %} / {% block %} / {% extends %}"),
    (("django/templatetags/i18n.py", "render"), "templates: {% translate %} / {% blocktranslate %}"),
    (("django/template/defaulttags.py", "render"), "templates: {% for %} / {% if %} / {% url %} / {% with %} ..."),
    (("django/template/base.py", "render_value_in_context"), "templates: {{ value }} output (localize, escape)"),
    (("django/contrib/humanize/templatetags/humanize.py", "naturaltime"), "templates: naturaltime"),
    (("django/urls/base.py", "reverse"), "URL reversing"),
    (("django/template/context.py", "bind_template"), "templates: context processors"),
    (("django_redis/client/default.py", "get_many"), "cache: get_many"),
    (("django_redis/client/default.py", "set_many"), "cache: set_many"),
    (("django_redis/client/default.py", "get"), "cache: get"),
    (("django_redis/client/default.py", "set"), "cache: set"),
    (("django_redis/client/default.py", "decode"), "cache: unpickling"),
    (("django_redis/client/default.py", "encode"), "cache: pickling"),
    (("forum/cacheops.py", "get_many_and_add"), "cache: get_many_and_add (page lookup + view mark)"),
    (("django/middleware/csrf.py", "get_token"), "CSRF token minting"),
    (("django/core/handlers/base.py", "get_response"), "Django: whole request (middleware + view)"),
    (("django/test/client.py", "request"), "test client: request (incl. its own overhead)"),
]


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.hotspots", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default="topic-miss,topic-cold,category,home")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--database", default="forum_bench")
    parser.add_argument("--min-share", type=float, default=0.02)
    parser.add_argument("--dump", help="directory for the raw .pstats files")
    parser.add_argument("--redis-db", type=int, default=12, help="Redis database (default 12: a `make bench` run uses 13)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from bench import server

    server.as_production_process(args.database, args.redis_db)
    for name in args.pages.split(","):
        if name not in PAGES:
            raise SystemExit(f"unknown page {name}; choose from {', '.join(PAGES)}")
        report(name, args)
    return 0


def _pages(meta):
    from django.contrib.auth import get_user_model  # noqa: F401  (apps are ready: django.setup() ran)

    from forum.models import Topic

    topic_url = Topic.objects.get(pk=meta["bench_topic_id"]).get_absolute_url()
    return {"topic": topic_url, "category": f"/c/{meta['bench_category_slug']}/", "home": "/"}


def _requester(name, meta):
    """A function making one request of this page, and one that sets the caches up for it."""
    from django.core.cache import cache
    from django.test import Client

    from bench.server import BROWSER_AGENT

    urls = _pages(meta)
    counter = iter(range(2, 10**9))
    client = Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT=BROWSER_AGENT)

    if name == "topic-miss":
        # Page numbers past the last show the last page: the same posts (fragments warm), a new page key.
        def one():
            return client.get(f"{urls['topic']}?page={next(counter) % 90000 + 2}")
    elif name == "topic-cold":
        def one():
            cache.clear()
            return client.get(urls["topic"])
    elif name == "topic-hit":
        def one():
            return client.get(urls["topic"])
    else:
        def one():
            return client.get(urls[name])
    return one


def report(name, args):
    from bench import generate

    meta = generate.read_meta(f"postgresql://postgres@127.0.0.1:5432/{args.database}")
    one = _requester(name, meta)
    for _ in range(5):
        response = one()
        assert response.status_code == 200, (name, response.status_code)
    cpu = []
    for _ in range(args.requests):
        started = time.process_time()
        one()
        cpu.append(time.process_time() - started)
    per_request = statistics.median(cpu) * 1000
    # CPU time, not wall time: on a busy machine a wall-clock profile charges the waits for the
    # scheduler to whatever call was running (a socket send to PostgreSQL looked like a fifth of a page).
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(args.requests):
        one()
    profiler.disable()
    stats = pstats.Stats(profiler)
    if args.dump:
        os.makedirs(args.dump, exist_ok=True)
        stats.dump_stats(os.path.join(args.dump, f"{name}.pstats"))
    total = sum(entry[2] for entry in stats.stats.values())  # own time of everything: the profiled loop
    found = {}
    for (filename, _line, function), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():
        for (suffix, wanted), label in CENTRES:
            if function == wanted and filename.endswith(suffix):
                # Several functions under one label (ForNode.render, IfNode.render) nest inside each
                # other: adding them would count the inner ones twice, so the outermost one counts.
                found[label] = max(found.get(label, 0.0), cumulative)
    # Recursive nodes (include inside include) count once per level in cProfile's cumulative time; cap at 100 %.
    rows = sorted(((min(seconds / total, 1.0), label) for label, seconds in found.items()), reverse=True)
    # The fastest request too: on a shared machine the median moves with the other sessions' load, the minimum much less.
    print(f"\n## {name}: {per_request:.2f} ms CPU per request in process (median of {args.requests}, fastest {min(cpu) * 1000:.2f}; "
          f"profiled loop {total / args.requests * 1000:.2f} ms per request under cProfile)\n")
    print("| share | cost centre |\n|---:|---|")
    for share, label in rows:
        if share >= args.min_share:
            print(f"| {share:.0%} | {label} |")
    own = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:8]
    print("\nTop own time: " + "; ".join(
        f"{os.path.basename(f)}:{fn} {tt / total:.0%}" for (f, _l, fn), (_c, _n, tt, _ct, _cl) in own))
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
