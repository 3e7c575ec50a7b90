"""Reading a cache version (forum.caching.version_read): cheap when the cache is slow or gone."""

from unittest import mock

import pytest
from django.core.cache import cache

from forum.caching import version_bump, version_read

pytestmark = pytest.mark.django_db


def test_a_version_is_read_once_started_and_changes_when_bumped():
    first = version_read("test:version")
    assert version_read("test:version") == first
    version_bump("test:version")
    assert version_read("test:version") != first


def test_a_cache_that_answers_nothing_costs_two_calls_and_gives_a_version_no_copy_matches():
    """django-redis with IGNORE_EXCEPTIONS answers None to every call of a down or hung Redis, each
    after the socket timeout: a page must not wait three times (get_or_set's get, add, get)."""
    calls = []

    def nothing(*args, **kwargs):
        calls.append(args[0] if args else None)
        return None

    with mock.patch.object(cache, "get", side_effect=nothing), mock.patch.object(cache, "add", side_effect=nothing):
        one, two = version_read("test:down"), version_read("test:down")
    assert len(calls) == 4  # a get and an add per read
    assert one != two  # neither matches a copy kept under an earlier version


def test_a_version_another_process_started_first_wins():
    cache.set("test:race", 12345)
    with mock.patch.object(cache, "get", side_effect=[None, 12345]), mock.patch.object(cache, "add", return_value=False):
        assert version_read("test:race") == 12345
