"""Who hears of a new post: the starter, watchers, category watchers, mentioned and quoted members — each once."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum import services, watching
from forum.models import Notification, NotificationKind, TopicWatch, WatchLevel

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _commit_work_runs(after_commit_at_once):
    """Notifications are made by a task after commit; run it when each service call returns."""


def kinds_for(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


@pytest.fixture
def starter(user_factory):
    return user_factory("starter")


@pytest.fixture
def topic(starter, topic_factory):
    return topic_factory(author=starter, title="Wat helpt tegen hoofdpijn na het sporten?")


def test_a_member_who_answered_earlier_hears_of_the_next_answer(topic, user_factory):
    earlier = user_factory("earlier")
    services.answer_post(actor=earlier, topic=topic, body="Drink genoeg water.")
    later = services.answer_post(actor=user_factory(), topic=topic, body="En rek goed.")
    note = Notification.objects.get(recipient=earlier)
    assert note.kind == NotificationKind.WATCHED_POST and note.post == later


def test_answering_does_not_watch_when_the_setting_is_off(topic, user_factory):
    quiet = user_factory(watch_participated=False)
    services.answer_post(actor=quiet, topic=topic, body="Drink genoeg water.")
    services.answer_post(actor=user_factory(), topic=topic, body="En rek goed.")
    assert kinds_for(quiet) == []


def test_the_starter_gets_one_notice_not_two(topic, starter, user_factory):
    services.answer_post(actor=user_factory(), topic=topic, body="Rustig opbouwen.")
    assert kinds_for(starter) == [NotificationKind.NEW_ANSWER]


def test_normal_level_hears_only_mentions(topic, user_factory):
    reader = user_factory("reader")
    watching.watch_set(actor=reader, topic=topic, level=WatchLevel.NORMAL)
    services.answer_post(actor=user_factory(), topic=topic, body="Rustig opbouwen.")
    assert kinds_for(reader) == []
    services.answer_post(actor=user_factory(), topic=topic, body="Wat denk jij, @reader?")
    assert kinds_for(reader) == [NotificationKind.MENTION]


def test_a_muted_topic_is_silent_even_for_mentions_and_the_starter(topic, starter, user_factory):
    watching.watch_set(actor=starter, topic=topic, level=WatchLevel.MUTED)
    services.answer_post(actor=user_factory(), topic=topic, body="Hoi @starter, rustig aan.")
    assert kinds_for(starter) == []


def test_a_muted_author_is_not_heard(topic, starter, user_factory):
    loud = user_factory("loud")
    watching.member_mute_set(actor=starter, member=loud, muted=True)
    services.answer_post(actor=loud, topic=topic, body="@starter luister!")
    assert kinds_for(starter) == []
    services.answer_post(actor=user_factory(), topic=topic, body="Rustig opbouwen.")
    assert kinds_for(starter) == [NotificationKind.NEW_ANSWER]


def test_a_mention_notifies_once_and_an_edit_keeping_it_does_not_again(topic, user_factory):
    named = user_factory("fatima")
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Vraag het @fatima, zij weet het.")
    services.post_edit(actor=answer.author, post=answer, body="Vraag het @fatima, zij weet er veel van.")
    assert kinds_for(named) == [NotificationKind.MENTION]
    newcomer = user_factory("willem")
    services.post_edit(actor=answer.author, post=answer, body="Vraag het @fatima of @willem.")
    assert kinds_for(newcomer) == [NotificationKind.MENTION] and kinds_for(named) == [NotificationKind.MENTION]


def test_a_mention_in_code_or_of_an_unknown_or_inactive_member_notifies_no_one(topic, user_factory):
    gone = user_factory("gone", is_active=False)
    coder = user_factory("coder")
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Typ `@coder` of @gone of @niemand.")
    assert kinds_for(gone) == [] and kinds_for(coder) == []
    assert "/u/" not in answer.body_html


def test_mentions_in_a_held_post_are_told_only_when_it_is_published(topic, user_factory, moderator):
    from moderation import services as moderation
    from moderation.models import ReviewItem
    from tests.conftest import CLAIM_WITHOUT_SOURCE

    named = user_factory("sanne")
    held = services.answer_post(actor=user_factory(), topic=topic, body=f"@sanne {CLAIM_WITHOUT_SOURCE}")
    assert kinds_for(named) == []
    moderation.review_approve(actor=moderator, item=ReviewItem.objects.get(post=held))
    assert kinds_for(named) == []  # approve ran inside this test's transaction; its commit work has not run
    watching.fan_out(held.pk)
    assert kinds_for(named) == [NotificationKind.MENTION]


def test_quoting_notifies_the_quoted_author_instead_of_a_watch_notice(topic, user_factory):
    quoted = user_factory("joost")
    original = services.answer_post(actor=quoted, topic=topic, body="Magnesium hielp mij niet.")
    services.answer_post(
        actor=user_factory(), topic=topic,
        body=f"> **joost** [schreef](/p/{original.pk}/):\n>\n> Magnesium hielp mij niet.\n\nMij wel!",
    )
    assert kinds_for(quoted) == [NotificationKind.QUOTE]


def test_a_watched_category_hears_of_new_topics(category, user_factory, topic_factory):
    follower = user_factory()
    watching.category_watch_set(actor=follower, category=category, watching=True)
    new = topic_factory(author=user_factory(), category=category)
    note = Notification.objects.get(recipient=follower)
    assert note.kind == NotificationKind.WATCHED_TOPIC and note.topic == new


def test_running_the_fan_out_twice_tells_no_one_twice(topic, user_factory):
    earlier = user_factory()
    services.answer_post(actor=earlier, topic=topic, body="Eerste.")
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Tweede.")
    watching.fan_out(answer.pk)
    assert Notification.objects.filter(post=answer).count() == 2  # the starter and the earlier answerer


def _watchers(topic, count):
    User = get_user_model()
    users = User.objects.bulk_create([User(username=f"watcher{topic.pk}-{i}", email=f"w{i}@example.org") for i in range(count)])
    TopicWatch.objects.bulk_create([TopicWatch(user=user, topic=topic, level=WatchLevel.WATCHING) for user in users])


@pytest.mark.parametrize("watchers", [1, 1000])
def test_the_fan_out_costs_the_same_queries_for_one_or_a_thousand_watchers(topic, user_factory, watchers, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fan-out"}}
    _watchers(topic, watchers)
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Een antwoord voor @starter.")
    Notification.objects.filter(post=answer).delete()
    with CaptureQueriesContext(connection) as queries:
        watching.fan_out(answer.pk)
    assert Notification.objects.filter(post=answer, kind=NotificationKind.WATCHED_POST).count() == watchers
    assert Notification.objects.filter(post=answer).count() == watchers + 1  # and the starter, once
    assert len(queries) <= 14, [q["sql"][:80] for q in queries]
    counts = _QUERY_COUNTS.setdefault("fan_out", set())
    counts.add(len(queries))
    assert len(counts) == 1, counts  # the same for 1 and 1000 watchers


_QUERY_COUNTS = {}
