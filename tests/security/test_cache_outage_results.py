"""With Redis down, django-redis answers every get_many with one shared empty dict (its `omit_exception`
return value). Whatever a caller writes into it reaches the next request's lookups: the moderation
queue's controls once came back as a topic page's post fragments, and the page answered 500."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


def test_pages_never_write_into_what_the_cache_returned(client, moderator, topic, monkeypatch):
    shared = {}  # what IGNORE_EXCEPTIONS returns for every failing get_many
    monkeypatch.setattr(cache, "get_many", lambda keys, *args, **kwargs: shared)
    client.force_login(moderator)

    assert client.get("/moderation/").status_code == 200
    assert client.get(topic.get_absolute_url()).status_code == 200
    assert shared == {}
