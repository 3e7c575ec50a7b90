"""The queue page is cached, and every change a moderator acts on shows on the next request."""

import re

import pytest

from forum import services
from moderation import services as moderation
from moderation import solutions
from moderation.models import ReviewItem
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(member, topic):
    return services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)


@pytest.fixture
def queue(client, moderator, memory_cache):
    """Fetch the queue page as the moderator (the first call fills the cache)."""
    client.force_login(moderator)

    def get(**params):
        response = client.get("/moderation/", params)
        assert response.status_code == 200
        return response

    return get


def shown_posts(response):
    """The posts listed, read from the page (moderators may get it whole from the cache)."""
    item_ids = [int(pk) for pk in re.findall(r'name="items" value="(\d+)"', response.content.decode())]
    posts = dict(ReviewItem.objects.filter(pk__in=item_ids).values_list("pk", "post_id"))
    return [posts[pk] for pk in item_ids]


def first_item(response):
    return re.search(r'<li class="queue-item">.*?</li>', response.content.decode(), re.S).group(0)


@pytest.mark.parametrize("pending", [3, 45])
def test_a_repeat_queue_request_runs_only_the_users_query(queue, django_assert_max_num_queries, topic, user_factory,
                                                          no_rate_limits, pending):
    author = user_factory()
    for _ in range(pending):
        services.answer_post(actor=author, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    with django_assert_max_num_queries(11):  # one of them: the bulk form's canned reasons
        queue()
    with django_assert_max_num_queries(2):
        response = queue()
    assert len(shown_posts(response)) == min(pending, 20)


def test_a_newly_held_post_shows_at_once(queue, held, user_factory, topic):
    assert shown_posts(queue()) == [held.pk]
    second = services.answer_post(actor=user_factory(), topic=topic, body=CLAIM_WITHOUT_SOURCE)
    assert shown_posts(queue()) == [held.pk, second.pk]


def test_a_decided_item_leaves_the_queue_at_once(queue, held, moderator):
    assert shown_posts(queue()) == [held.pk]
    moderation.review_approve(actor=moderator, item=ReviewItem.objects.get(post=held))
    assert shown_posts(queue()) == []


def test_a_claim_shows_at_once(queue, held, moderator_factory):
    other = moderator_factory("colleague")
    assert "colleague" not in queue().content.decode()
    moderation.review_claim(actor=other, item=ReviewItem.objects.get(post=held))
    assert "colleague" in queue().content.decode()


def test_an_edit_to_a_post_held_by_flags_shows_at_once(queue, user_factory, answer_factory):
    answer = answer_factory()
    for _ in range(3):
        moderation.flag_create(actor=user_factory(), post=answer, reason="spam")
    assert "Bedankt voor je vraag" in queue().content.decode()
    services.post_edit(actor=answer.author, post=answer, body="Een heel andere tekst over wandelen.")
    page = queue().content.decode()
    assert "Een heel andere tekst over wandelen." in page and "Bedankt voor je vraag" not in page


def test_a_renamed_category_shows_at_once_in_the_items_and_the_filter(queue, held, category):
    assert category.name in queue().content.decode()
    category.name = "Hernoemd"
    category.save()
    page = queue().content.decode()
    assert page.count("Hernoemd") >= 2


def test_the_count_of_solutions_to_sign_off_follows_the_proposals(queue, user_factory, topic_factory):
    starter = user_factory()
    topic = topic_factory(author=starter)
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Een korte wandeling na de lunch.")
    assert queue().context["solution_count"] == 0
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    assert queue().context["solution_count"] == 1


def test_paging_and_filters_are_cached_apart(queue, settings, user_factory, topic, no_rate_limits):
    settings.MODERATION_QUEUE_PAGE_SIZE = 2
    author = user_factory()
    posts = [services.answer_post(actor=author, topic=topic, body=CLAIM_WITHOUT_SOURCE) for _ in range(3)]
    assert shown_posts(queue()) == [posts[0].pk, posts[1].pk]
    assert shown_posts(queue(page=2)) == [posts[2].pk]
    assert shown_posts(queue(page="x")) == [posts[0].pk, posts[1].pk]
    assert shown_posts(queue(reason="flags")) == []
    assert re.search(r"2 (van|of) 2", queue(page=2).content.decode())


def test_the_waiting_time_moves_on_although_the_item_is_cached(queue, held, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    before = first_item(queue())
    later = timezone.now() + timedelta(hours=2, minutes=5)
    monkeypatch.setattr(timezone, "now", lambda: later)
    after = first_item(queue())
    assert "wacht al 0\xa0minuten" in before and "wacht al 2\xa0uur, 5\xa0minuten" in after


def test_moderators_share_the_page_but_each_sees_their_own_name_and_messages(client, moderator_factory, held, memory_cache):
    first, second = moderator_factory("eerste-mod"), moderator_factory("tweede-mod")
    client.force_login(first)
    assert "eerste-mod" in client.get("/moderation/").content.decode()
    client.force_login(second)
    html = client.get("/moderation/").content.decode()
    assert "tweede-mod" in html and "eerste-mod" not in html
    item = ReviewItem.objects.get(post=held)
    client.post(f"/moderation/item/{item.pk}/decide/", {"decision": "approve", "revision": held.revision})
    html = client.get("/moderation/").content.decode()
    assert 'class="messages"' in html and shown_posts_in(html) == []


def shown_posts_in(html):
    return re.findall(r'name="items" value="(\d+)"', html)
