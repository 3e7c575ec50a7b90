"""The default set-up (`make run`: SQLite file, threaded server) copes with members posting at once."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from config import env

ROOT = Path(__file__).resolve().parents[2]


def test_sqlite_gets_wal_a_busy_timeout_and_immediate_transactions_for_the_default_and_any_sqlite_url(tmp_path):
    for config in (env.database_config(environ={}, base_dir=tmp_path), env.database_config(environ={"DATABASE_URL": "sqlite:////tmp/x.db"})):
        options = config["OPTIONS"]
        assert options["transaction_mode"] == "IMMEDIATE"
        assert "journal_mode=WAL" in options["init_command"] and "busy_timeout" in options["init_command"]
        assert options["timeout"] >= 5
    assert "OPTIONS" not in env.database_config(environ={"DATABASE_URL": "postgres://u@h:5432/forum"}) or (
        "transaction_mode" not in env.database_config(environ={"DATABASE_URL": "postgres://u@h:5432/forum"})["OPTIONS"]
    )


def _environ(**extra):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FORUM_", "REDIS_", "DATABASE_"))}
    environ.update(DJANGO_SETTINGS_MODULE="config.settings", **extra)
    return environ


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """A SQLite file that `migrate` alone set up, in its own process, and what that process's cache said:
    one migration run for both tests below (each run is most of their time)."""
    database = tmp_path_factory.mktemp("sqlite") / "db.sqlite3"
    script = "import django; django.setup(); from django.core.management import call_command; call_command('migrate', verbosity=0);" \
             "from django.core.cache import cache; cache.set('k', 1); print(cache.get('k'))"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=_environ(DATABASE_URL=f"sqlite:///{database}"),
                          capture_output=True, text=True, timeout=300)
    return database, done


def test_eight_members_answering_at_once_on_a_sqlite_file_all_succeed(migrated):
    """Before: 'database is locked' (HTTP 500) as soon as two answers were posted at the same moment."""
    database, _ = migrated
    environ = _environ(DATABASE_URL=f"sqlite:///{database}", DJANGO_ALLOWED_HOSTS="testserver", FORUM_TASKS_IMMEDIATE="false",
                       PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, str(ROOT / "tests/security/scripts/sqlite_posting.py"), "8", "5"],
                          cwd=ROOT, env=environ, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    print(f"\nsqlite: {done.stdout.strip()}")
    assert done.stdout.strip().splitlines()[-1] == "statuses=[302] answers=40", done.stderr[-3000:]
    journal = subprocess.run(["sqlite3", str(database), "PRAGMA journal_mode"], capture_output=True, text=True)
    if journal.returncode == 0:
        assert journal.stdout.strip() == "wal"


def test_migrate_alone_creates_the_cache_table(migrated):
    """Before: the app failed with 'no such table: forum_cache' until `createcachetable` ran."""
    _, done = migrated
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "1"
