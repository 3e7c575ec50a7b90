"""The Markdown report: one results table, the machine and versions, EXPLAIN of each hot query, profiles."""

import os
import platform
import subprocess
import sys
from datetime import datetime


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return {"cores (nproc)": os.cpu_count(), "memory": memory, "CPU": cpu, "OS": platform.platform()}


def versions(dsn, wrk_version):
    import django
    import psycopg

    with psycopg.connect(dsn) as conn:
        postgres = conn.execute("SHOW server_version").fetchone()[0]
    gunicorn = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "gunicorn"), "--version"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "code": git_state(),
        "Python": platform.python_version(),
        "Django": django.get_version(),
        "PostgreSQL": postgres,
        "gunicorn": gunicorn or "unknown",
        "wrk": wrk_version,
        "psycopg": psycopg.__version__,
    }


def git_state():
    """The commit measured, and whether the working tree differed from it (read-only git commands)."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root, capture_output=True, text=True,
                               check=True).stdout.splitlines()
        dirty = [line for line in dirty if not line.endswith("bench/RESULTS.md")]  # an earlier run's report is not code
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"commit {head}" + (f" with uncommitted changes to {len(dirty)} tracked files" if dirty else "")


def _fmt(value, digits=0):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def _pct(value):
    return "–" if value is None else f"{value:.0%}"


# Issue 21: the forum's topic page, rendered (whole-page cache missed), serves at least 3× Spirit's req/s.
SPIRIT_TARGET = 3.0


def _cpu(row):
    return None if row.get("app_cpu_ms") is None else row["app_cpu_ms"] + (row.get("db_cpu_ms") or 0)


def spirit_ratio(forum, spirit):
    """The forum's cache-missed topic page's req/s over Spirit's topic page's, or None if either was not loaded."""
    if not (forum and spirit and forum.get("rps") and spirit.get("rps")):
        return None
    return forum["rps"] / spirit["rps"]


def spirit_comparison(forum, spirit):
    """The sentence under the table that sets the forum's cache-missed topic page against Spirit's, or None without a Spirit row."""
    if not (spirit and spirit.get("rps")):
        return None
    ratio = spirit_ratio(forum, spirit)
    if ratio is None:
        return (f"{spirit['label']}: {_fmt(spirit['rps'])} req/s; the forum's cache-missed topic page was not loaded in "
                "this run (add topic-anon-miss to --pages), so there is no ratio.")
    verdict = "met" if ratio >= SPIRIT_TARGET else "NOT met"
    text = (f"Forum's topic page, page cache missed ÷ {spirit['label']}: **{ratio:.2f}×** the req/s "
            f"({_fmt(forum['rps'])} against {_fmt(spirit['rps'])}; goal ≥ {SPIRIT_TARGET:g}×: {verdict})")
    forum_cpu, spirit_cpu = _cpu(forum), _cpu(spirit)
    if forum_cpu and spirit_cpu:
        text += (f"; app+DB CPU per request {forum_cpu:.2f} ms against {spirit_cpu:.2f} ms "
                 f"(Spirit {spirit_cpu / forum_cpu:.2f}× the forum's)")
    return text + "."


def results_table(rows):
    header = (
        "| page | req/s | × Django floor | × project floor | app+DB CPU ms/req | app CPU ms/req | DB CPU ms/req | p50 ms | p99 ms "
        "| errors | queries | SQL ms | 1-req ms | KB | other CPU | goal | met |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|:---:|\n"
    )
    lines = []
    for row in rows:
        queries = row.get("queries", "–")
        if row.get("cold_queries") not in (None, queries):
            queries = f"{queries} ({row['cold_queries']} cold)"
        both = _cpu(row)
        lines.append(
            f"| {row['label']} | {_fmt(row.get('rps'))} | {_fmt(row.get('ratio_django'), 2)} | {_fmt(row.get('ratio'), 2)} "
            f"| {_fmt(both, 2)} | {_fmt(row.get('app_cpu_ms'), 2)} | {_fmt(row.get('db_cpu_ms'), 2)} | {_fmt(row.get('p50'), 1)} "
            f"| {_fmt(row.get('p99'), 1)} | {row.get('errors', '–')} | {queries} | {_fmt(row.get('sql_ms'), 1)} "
            f"| {_fmt(row.get('service_ms'), 1)} | {_fmt(row.get('kb'), 1)} | {_pct(row.get('other_cpu'))} | {row.get('goal', '')} "
            f"| {row.get('met', '')} |"
        )
    return header + "\n".join(lines) + "\n"


def render(*, args, machine_info, version_info, generation, counts, consistency, rows, assess, plans, profiles, notes):
    out = []
    out.append("# Benchmark results\n\n")
    out.append(
        f"Written by `make bench` (`python -m bench {' '.join(args)}`) on {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}. "
        "Re-run to refresh; numbers from another machine are not comparable.\n\n"
    )
    out.append("## Results\n\n")
    out.append(results_table(rows))
    out.append(
        "\n*req/s, p50, p99, errors*: wrk (or the Python poster) against gunicorn with 2 sync workers, DEBUG off. "
        "*× Django floor*, *× project floor*: throughput over the two floors measured in this run (bench/floor_wsgi.py: "
        "one view returning the anonymous topic page's bytes, behind the middleware `django-admin startproject` writes, "
        "or behind this forum's settings and middleware). *goal* and *met*: the CPU goals are app+DB CPU per request. "
        "*every cache empty*: served with bench/cold_settings.py (the default cache stores nothing). *app CPU ms/req*, *DB CPU ms/req*: CPU time the gunicorn "
        "workers and the database's backends spent per request during the measurement; they depend much less than req/s on "
        "other work on the machine, so they are the numbers to compare between runs (capacity ≈ cores ÷ their sum, wrk's "
        "own share aside). *queries*: statements of one request in process "
        "through Django's test client, caches warm (and, in brackets, right after the shared cache was emptied); "
        "*SQL ms*: database time of that warm request; *1-req ms*: median time of one request in process, no "
        "concurrency. *KB*: response size. *other CPU*: share of the machine's CPU used during the measurement by "
        "processes other than the bench, its servers, their PostgreSQL backends and Redis (a lower bound); above a "
        "few percent the numbers are low.\n"
    )
    out.append(f"\nassess(): **{assess['per_second']:,.0f} answers/s** over {assess['answers']:,} generated answers "
               f"(mean {assess['mean_words']:.0f} words, {assess['held_share']:.0%} held), rules loaded as the app loads them "
               f"(goal ≥ 1,000/s: {'met' if assess['per_second'] >= 1000 else 'NOT met'}).\n")
    if "pipeline_per_second" in assess:
        out.append(f"Screening as posting runs it (render, sanitise, visible text, assess): "
                   f"**{assess['pipeline_per_second']:,.0f} answers/s**.\n")
    crafted = assess.get("crafted")
    if crafted:
        (render_name, render_ms), (assess_name, assess_ms) = crafted["render_worst"], crafted["assess_worst"]
        total_name, total_ms = crafted.get("total_worst", (render_name, render_ms + assess_ms))
        out.append(f"Crafted {crafted['length']:,}-character inputs ({len(crafted['shapes'])} hostile shapes, CPU ms, "
                   f"best of 3): worst render **{render_ms:.0f} ms** (`{render_name}`), worst visible text + assess "
                   f"**{assess_ms:.0f} ms** (`{assess_name}`), worst render and assess of one input "
                   f"**{total_ms:.0f} ms** (`{total_name}`) (goal < 50 ms: {'met' if total_ms < 50 else 'NOT met'}).\n")
        slowest = sorted(crafted["shapes"].items(), key=lambda item: -(item[1]["render_ms"] + item[1]["assess_ms"]))[:8]
        out.append("\n| crafted shape (slowest 8) | render ms | visible text + assess ms | both |\n|---|---:|---:|---:|\n" + "".join(
            f"| `{name}` | {s['render_ms']:.1f} | {s['assess_ms']:.1f} | {s['render_ms'] + s['assess_ms']:.1f} |\n"
            for name, s in slowest))
    if notes:
        out.append("\n" + "\n".join(f"- {note}" for note in notes) + "\n")
    out.append("\n## Machine and versions\n\n")
    out.append("\n".join(f"- {k}: {v}" for k, v in {**machine_info, **version_info}.items()) + "\n")
    out.append("\n## Data\n\n")
    out.append(f"Generated in **{generation['total']:.1f} s** " + (
        "(reused from an earlier run)" if generation.get("reused") else
        "(" + ", ".join(f"{k} {v:.1f} s" for k, v in generation.items() if k not in ("total", "reused")) + ")") + ".\n\n")
    out.append("| what | rows |\n|---|---:|\n" + "\n".join(
        f"| {k} | {v:,} |" if isinstance(v, int) else f"| {k} | {v} |" for k, v in counts.items()) + "\n")
    bad = {k: v for k, v in consistency.items() if v}
    out.append("\nConsistency checks (denormalised counters against the rows): " + (
        "all pass.\n" if not bad else "FAILED: " + "; ".join(f"{k}: {v}" for k, v in bad.items()) + "\n"))
    out.append("\n## Hot queries: EXPLAIN (ANALYZE, BUFFERS)\n\n")
    out.append("Every statement each page runs, captured with CaptureQueriesContext and explained on the bench database. "
               "*plan* says whether each reads its tables through an index; a sequential scan on a large table is flagged.\n")
    for label, page_plans in plans.items():
        out.append(f"\n### {label}\n\n")
        out.append("| # | ms | plan | statement |\n|---:|---:|---|---|\n")
        for i, plan in enumerate(page_plans, 1):
            sql = " ".join(plan.sql.split())
            short = (sql[:150] + "…") if len(sql) > 150 else sql
            out.append(f"| {i} | {plan.execution_ms:.2f} | {plan.verdict} | `{short.replace('|', '¦')}` |\n")
        out.append("\n<details><summary>plans</summary>\n\n")
        for i, plan in enumerate(page_plans, 1):
            out.append(f"**{i}.** `{' '.join(plan.sql.split())[:2000]}`\n\n```\n{plan.text}\n```\n\n")
        out.append("</details>\n")
    out.append("\n## Profiles (cProfile, in process, sorted by own time)\n\n")
    out.append("The full output, also sorted by cumulative time, is in bench/out/profiles/ after a run.\n")
    for label, text in profiles.items():
        out.append(f"\n<details><summary>{label}</summary>\n\n```\n{text}\n```\n\n</details>\n")
    return "".join(out)
