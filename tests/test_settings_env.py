"""Settings come from the environment; a bad value names the variable instead of a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config import env

ROOT = Path(__file__).resolve().parent.parent


def test_default_database_is_a_sqlite_file_in_the_project(tmp_path):
    config = env.database_config(environ={}, base_dir=tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "db.sqlite3")


def test_postgres_url_uses_persistent_connections_with_health_checks():
    config = env.database_config(environ={"DATABASE_URL": "postgres://forum@127.0.0.1:5432/forum"})
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "forum"
    assert config["CONN_MAX_AGE"] > 0
    assert config["CONN_HEALTH_CHECKS"] is True
    # Prepared statements: PostgreSQL plans a repeated statement once per connection.
    assert config["OPTIONS"] == {"server_side_binding": True, "prepare_threshold": 5}


def test_prepared_statements_can_be_turned_off_for_a_transaction_pooler():
    environ = {"DATABASE_URL": "postgres://forum@127.0.0.1:5432/forum", "DATABASE_PREPARED_STATEMENTS": "false"}
    assert "server_side_binding" not in env.database_config(environ=environ).get("OPTIONS", {})


@pytest.mark.parametrize("url", ["mysql://x@y/z", "not a url", "postgres://127.0.0.1:5432/"])
def test_bad_database_url_names_the_variable(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        env.database_config(environ={"DATABASE_URL": url})


def test_bad_boolean_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG"):
        env.env_bool("DJANGO_DEBUG", True, environ={"DJANGO_DEBUG": "maybe"})


def test_secret_key_is_required_without_debug(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        env.secret_key(False, environ={}, key_file=tmp_path / "key")


def test_development_secret_key_is_generated_once_and_kept(tmp_path):
    key_file = tmp_path / "key"
    first = env.secret_key(True, environ={}, key_file=key_file)
    assert len(first) >= 50
    assert env.secret_key(True, environ={}, key_file=key_file) == first


def test_redis_url_moves_the_cache_to_redis_and_default_is_the_shared_database_cache():
    assert env.cache_config(environ={})["default"]["BACKEND"].endswith("DatabaseCache")
    redis = env.cache_config(environ={"REDIS_URL": "redis://127.0.0.1:6379/0"})
    assert {alias: c["BACKEND"] for alias, c in redis.items()} == {"default": "django_redis.cache.RedisCache", "strict": "django_redis.cache.RedisCache"}
    # Copies degrade to a miss when Redis is down; the strict alias (buffered view counts) raises, and they go to the database.
    assert redis["default"]["OPTIONS"]["IGNORE_EXCEPTIONS"] is True and "IGNORE_EXCEPTIONS" not in redis["strict"]["OPTIONS"]
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        env.cache_config(environ={"REDIS_URL": "http://nope"})


def test_smtp_is_used_when_email_host_is_set():
    assert env.email_config(environ={})["EMAIL_BACKEND"].endswith("console.EmailBackend")
    smtp = env.email_config(environ={"EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": "2525"})
    assert smtp["EMAIL_BACKEND"].endswith("smtp.EmailBackend") and smtp["EMAIL_PORT"] == 2525
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT"):
        env.email_config(environ={"EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": "twenty"})


def test_manage_py_reports_a_bad_database_url_in_one_clear_line():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, capture_output=True, text=True,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": "mysql://nope", "HOME": "/tmp"}, timeout=60,
    )
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.real_password_hasher
@pytest.mark.django_db
def test_passwords_are_stored_with_the_production_hasher_not_the_fast_test_one(user_factory):
    user = user_factory()
    assert not user.password.startswith("md5$")
    assert user.password.split("$", 1)[0] in {"pbkdf2_sha256", "argon2", "scrypt", "bcrypt_sha256"}
