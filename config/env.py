"""Reading settings from the environment, with errors that name the variable.

A bad value must stop start-up with a sentence a person can act on, not a
traceback from deep inside Django.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name, default, environ=os.environ):
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of true/false, 1/0, yes/no or on/off; got {raw!r}."
    )


def env_int(name, default, environ=os.environ, minimum=0):
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {value}.")
    return value


def env_list(name, default, environ=os.environ):
    raw = environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_config(environ=os.environ, base_dir=Path(".")):
    """DATABASE_URL, or a SQLite file in the project folder."""
    url = environ.get("DATABASE_URL", "").strip()
    if not url:
        return sqlite_coping({"ENGINE": "django.db.backends.sqlite3", "NAME": str(base_dir / "db.sqlite3")})
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme not in {"postgres", "postgresql", "pgsql", "sqlite"}:
        raise ImproperlyConfigured(
            "DATABASE_URL must start with postgres://, postgresql:// or sqlite://; "
            f"got {url.split('://', 1)[0]!r}."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
    except Exception as error:  # dj-database-url raises several types for bad URLs
        raise ImproperlyConfigured(f"DATABASE_URL could not be read: {error}") from None
    if config["ENGINE"].endswith("postgresql") and not config.get("NAME"):
        raise ImproperlyConfigured("DATABASE_URL must name a database, e.g. postgres://user@host:5432/forum.")
    if config["ENGINE"].endswith("sqlite3"):
        config["CONN_MAX_AGE"] = 0
        config = sqlite_coping(config)
    elif env_bool("DATABASE_PREPARED_STATEMENTS", True, environ):
        config["OPTIONS"] = {**config.get("OPTIONS", {}), **PREPARED_STATEMENTS}
    return config


# Parameters sent apart from the SQL, so a statement a connection runs again is the same text, and
# psycopg prepares it after its fifth run: PostgreSQL then plans it once per connection, not on
# every request. Planning was a third of the database's CPU time on a cache-missed topic page
# (bench/README.md). PgBouncer in transaction pooling mode needs DATABASE_PREPARED_STATEMENTS=false
# (or PgBouncer 1.21+ with max_prepared_statements set): docs/DEPLOY.md.
PREPARED_STATEMENTS = {"server_side_binding": True, "prepare_threshold": 5}


# WAL lets readers go on while one request writes; synchronous=NORMAL is safe with WAL.
SQLITE_INIT = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000"


def sqlite_coping(config):
    """SQLite that copes with a few requests at once (`make run` is threaded).

    A deferred transaction that reads and then writes cannot wait for another writer: SQLite
    answers "database is locked" at once. Immediate transactions take the write lock at BEGIN,
    where the busy timeout makes them queue up instead.
    """
    options = dict(config.get("OPTIONS") or {})
    options.setdefault("timeout", 20)
    options.setdefault("transaction_mode", "IMMEDIATE")
    options.setdefault("init_command", SQLITE_INIT)
    return {**config, "OPTIONS": options}


def secret_key(debug, environ=os.environ, key_file=Path(".secret_key")):
    """DJANGO_SECRET_KEY; in development a key generated once and kept in a git-ignored file."""
    key = environ.get("DJANGO_SECRET_KEY", "").strip()
    if key:
        if len(key) < 50 and not debug:
            raise ImproperlyConfigured("DJANGO_SECRET_KEY must be at least 50 characters long when DJANGO_DEBUG is off.")
        return key
    if not debug:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off.")
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_urlsafe(64)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def cache_config(environ=os.environ):
    """Redis when REDIS_URL is set, else the database cache: both are shared across workers.

    With Redis there are two aliases on the same server: "default" for copies (pages, fragments),
    where Redis being down is a miss, and "strict" for what must not silently pass (buffered view
    counts, which fall back to the database: forum.viewcount). Rate limits live in the database. Short socket timeouts, so a Redis that
    hangs costs a request half a second, not a worker.
    """
    url = environ.get("REDIS_URL", "").strip()
    if url:
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise ImproperlyConfigured(f"REDIS_URL must start with redis://, rediss:// or unix://; got {url!r}.")
        options = {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
        return {
            "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url, "OPTIONS": {**options, "IGNORE_EXCEPTIONS": True}},
            "strict": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url, "OPTIONS": options},
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "forum_cache",
            "OPTIONS": {"MAX_ENTRIES": 50000},
        }
    }


def email_config(environ=os.environ):
    """Console mail unless EMAIL_HOST is set, then SMTP."""
    host = environ.get("EMAIL_HOST", "").strip()
    if not host:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": host,
        "EMAIL_PORT": env_int("EMAIL_PORT", 587, environ, minimum=1),
        "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS", True, environ),
    }
