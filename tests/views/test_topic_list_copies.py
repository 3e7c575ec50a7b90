"""Each process keeps the category lists it read (forum.topic_lists.category_page) until the topic lists'
version changes: a member must never see a list older than what they just did, or a moderator just hid; a visitor
may see one up to half a second older when another process made the change."""

import re
from types import SimpleNamespace

import pytest
from django.core.cache import cache

from forum import cache_keys, services, topic_lists
from forum.models import Topic
from moderation import services as moderation
from moderation.models import ReviewItem
from moderation.solutions import solution_propose
from tests.conftest import CLAIM_WITHOUT_SOURCE, TOTP_SECRET

pytestmark = pytest.mark.django_db


def titles(client, category, query=""):
    html = client.get(category.get_absolute_url() + query).content.decode()
    return re.findall(r'<a href="/t/\d+/[^"]+/">([^<]+)</a>', html)


def row(client, category, title):
    html = client.get(category.get_absolute_url()).content.decode()
    return re.search(rf'<li class="topic-row">((?:(?!</li>).)*>{re.escape(title)}</a>.*?)</li>', html, re.S).group(1)


def test_a_new_topic_shows_at_the_top_of_a_list_already_kept(client, category, topic_factory):
    topic_factory(title="De eerste vraag")
    assert titles(client, category) == ["De eerste vraag"]
    topic_factory(title="Een nieuwe vraag")
    assert titles(client, category) == ["Een nieuwe vraag", "De eerste vraag"]


def test_a_reply_moves_its_topic_up_and_counts_in_its_row(client, category, topic_factory, member):
    older = topic_factory(title="Een oudere vraag")
    topic_factory(title="Een nieuwere vraag")
    assert titles(client, category) == ["Een nieuwere vraag", "Een oudere vraag"]
    services.answer_post(actor=member, topic=older, body="Ik herken dit, sterkte.")
    assert titles(client, category) == ["Een oudere vraag", "Een nieuwere vraag"]
    assert "1 antwoord" in row(client, category, "Een oudere vraag")


def test_a_hidden_or_deleted_topic_leaves_a_kept_list_and_a_held_one_joins_it_when_approved(
    client, category, topic_factory, member, moderator
):
    hidden, deleted = topic_factory(title="Wordt verborgen"), topic_factory(author=member, title="Wordt verwijderd")
    held = topic_factory(title="Wacht op een moderator", body=CLAIM_WITHOUT_SOURCE)
    assert titles(client, category) == ["Wordt verwijderd", "Wordt verborgen"]

    services.topic_hide(actor=moderator, topic=hidden, reason="Off-topic")
    services.post_delete(actor=member, post=deleted.posts.get(is_question=True))
    assert titles(client, category) == []

    moderation.review_approve(actor=moderator, item=ReviewItem.objects.get(post__topic=held, status="pending"))
    assert titles(client, category) == ["Wacht op een moderator"]


def test_a_proposed_solution_shows_in_a_kept_row(client, category, topic_factory, answer_factory):
    topic = topic_factory(title="Wat helpt tegen hoofdpijn?")
    answer = answer_factory(topic=topic)
    before = row(client, category, topic.title)
    solution_propose(actor=topic.author, topic=topic, answer=answer)
    assert row(client, category, topic.title) != before
    assert Topic.objects.get(pk=topic.pk).solution_state == "proposed"


def test_every_page_and_filter_of_a_kept_list_follows_a_change(client, category, topic_factory, member, settings):
    settings.FORUM_TOPICS_PER_PAGE = 2
    topics = [topic_factory(title=f"Vraag nummer {n}") for n in range(3)]
    assert titles(client, category, "?page=2") == ["Vraag nummer 0"]
    assert titles(client, category, "?page=9") == ["Vraag nummer 0"]
    assert titles(client, category, "?filter=unanswered&page=2") == ["Vraag nummer 0"]

    services.answer_post(actor=member, topic=topics[0], body="Ik herken dit, sterkte.")

    assert titles(client, category, "?page=2") == ["Vraag nummer 1"]
    assert titles(client, category, "?page=9") == ["Vraag nummer 1"]
    assert titles(client, category, "?filter=unanswered&page=2") == ["Vraag nummer 2", "Vraag nummer 1"]


def test_a_kept_list_costs_no_query_and_a_change_one(client, category, topic_factory, member, memory_cache, django_assert_num_queries):
    topic = topic_factory(title="Een vraag")
    client.get(category.get_absolute_url())
    with django_assert_num_queries(0):
        client.get(category.get_absolute_url())
    services.answer_post(actor=member, topic=topic, body="Ik herken dit, sterkte.")
    with django_assert_num_queries(1):
        client.get(category.get_absolute_url())


def test_a_kept_list_lasts_a_minute_at_most_for_a_change_made_outside_the_services(client, category, topic_factory, monkeypatch):
    topic = topic_factory(title="Een vraag")
    client.get(category.get_absolute_url())
    Topic.objects.filter(pk=topic.pk).update(view_count=41)
    assert "41 keer bekeken" not in row(client, category, topic.title)  # view counts reach the lists within a minute

    later = topic_lists.time.monotonic() + topic_lists.LIST_COPY_SECONDS
    monkeypatch.setattr(topic_lists, "time", SimpleNamespace(monotonic=lambda: later))
    assert "41 keer bekeken" in row(client, category, topic.title)


def changed_in_another_process(topic, title):
    """What a service in another process does to a list: the topic's row changes and the shared version moves,
    but not this process's memory of it."""
    Topic.objects.filter(pk=topic.pk).update(title=title)
    cache.incr(cache_keys.TOPIC_LISTS_VERSION_KEY)


@pytest.fixture
def clock(monkeypatch):
    """The clock by which a visitor's list may use the version this process read (forum.cache_keys)."""
    now = SimpleNamespace(seconds=1000.0)
    monkeypatch.setattr(cache_keys, "time", SimpleNamespace(monotonic=lambda: now.seconds))
    return now


def test_a_change_made_in_another_process_reaches_a_visitors_kept_list_within_half_a_second(client, category, topic_factory, clock):
    topic = topic_factory(title="Een vraag")
    assert titles(client, category) == ["Een vraag"]
    changed_in_another_process(topic, "Een andere vraag")
    clock.seconds += cache_keys.VISITOR_LIST_LAG_SECONDS - 0.01
    assert titles(client, category) == ["Een vraag"]
    clock.seconds += 0.01
    assert titles(client, category) == ["Een andere vraag"]


def test_a_members_kept_list_shows_a_change_made_in_another_process_at_once(client, category, topic_factory, member, clock):
    topic = topic_factory(title="Een vraag")
    assert titles(client, category) == ["Een vraag"]  # a visitor's list: this process now knows the version
    client.force_login(member)
    changed_in_another_process(topic, "Een andere vraag")
    assert titles(client, category) == ["Een andere vraag"]


def test_without_a_proxy_delay_a_visitors_kept_list_shows_a_change_made_in_another_process_at_once(
    client, category, topic_factory, settings, clock
):
    settings.FORUM_PROXY_CACHE_SECONDS = 0  # docs/DEPLOY.md: hides reach every visitor at once
    topic = topic_factory(title="Een vraag")
    assert titles(client, category) == ["Een vraag"]
    changed_in_another_process(topic, "Een andere vraag")
    assert titles(client, category) == ["Een andere vraag"]


def test_a_members_only_category_kept_for_a_member_still_sends_a_visitor_to_log_in(client, category, topic_factory, member):
    topic_factory(title="Alleen voor leden")
    category.members_only = True
    category.save(update_fields=["members_only"])
    client.force_login(member)
    assert titles(client, category) == ["Alleen voor leden"]
    client.logout()
    response = client.get(category.get_absolute_url())
    assert response.status_code == 302 and "Alleen voor leden" not in response.content.decode()


def as_admin(client, admin_user):
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(admin_user, TOTP_SECRET)  # the admin needs two-factor authentication
    client.force_login(admin_user)


def test_a_category_or_a_starter_changed_in_the_admin_shows_in_a_kept_list(client, category, topic_factory, user_factory, admin_user):
    topic_factory(author=user_factory("anneke"), title="Een vraag")
    assert "door anneke" in row(client, category, "Een vraag")
    assert "<h1>Algemeen</h1>" in client.get(category.get_absolute_url()).content.decode()

    as_admin(client, admin_user)
    client.post(f"/admin/forum/category/{category.pk}/change/", {
        "name": "Slaap & rust", "slug": category.slug, "description": "", "position": 1, "is_health": "", "members_only": "",
    })
    starter = Topic.objects.get(title="Een vraag").author
    response = client.get(f"/admin/forum/user/{starter.pk}/change/")
    form = response.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name not in ("groups", "user_permissions")}
    data.update(username="anneke2", date_joined_0=starter.date_joined.date(), date_joined_1=starter.date_joined.time())
    assert client.post(f"/admin/forum/user/{starter.pk}/change/", data).status_code == 302
    client.logout()

    html = client.get(category.get_absolute_url()).content.decode()
    assert "<h1>Slaap &amp; rust</h1>" in html and "door anneke2" in html


@pytest.mark.parametrize("topics", [0, 1])
def test_a_category_made_members_only_in_the_admin_closes_a_list_a_visitor_already_had(client, category, topic_factory, admin_user, topics):
    """The list copy holds the category too, and the view's visibility check reads it: the admin's change must
    reach it at once, or a visitor keeps reading what is now for members only (without topics only the
    category's own save makes the copy stale; with them each topic's change does too)."""
    for _ in range(topics):
        topic_factory(title="Wordt alleen voor leden")
    assert titles(client, category) == ["Wordt alleen voor leden"] * topics  # the visitor's copy is kept

    as_admin(client, admin_user)
    response = client.post(f"/admin/forum/category/{category.pk}/change/", {
        "name": category.name, "slug": category.slug, "description": "", "position": 1, "is_health": "", "members_only": "on",
    })
    assert response.status_code == 302
    client.logout()

    response = client.get(category.get_absolute_url())
    assert response.status_code == 302 and "Wordt alleen voor leden" not in response.content.decode()
