"""Moderators' notes on a member, shown beside that member's items in the queue and on the item page."""

import re

import pytest

from forum import services
from moderation import sanctions
from moderation.models import ReviewItem
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(client, moderator, memory_cache):
    client.force_login(moderator)

    def get():
        response = client.get("/moderation/")
        assert response.status_code == 200
        return response.content.decode()

    return get


def item_of(page, post):
    """The queue item of this post, as HTML."""
    pk = ReviewItem.objects.get(post=post).pk
    return re.search(rf'<li class="queue-item">(?:(?!</li>).)*value="{pk}".*?</li>', page, re.S).group(0)


def test_each_item_shows_its_authors_note_count_and_latest_note_linked_to_their_moderator_page(
        queue, moderator, user_factory, topic):
    noted, fresh = user_factory("lotte"), user_factory("joost")
    sanctions.member_note_add(actor=moderator, member=noted, text="Eerder gewaarschuwd via mail.")
    sanctions.member_note_add(actor=moderator, member=noted, text="Plaatst steeds wondermiddelen.")
    held = services.answer_post(actor=noted, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    other = services.answer_post(actor=fresh, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    page = queue()
    mine = item_of(page, held)
    assert "2 notities van moderatoren" in mine and "Plaatst steeds wondermiddelen." in mine
    assert "Eerder gewaarschuwd" not in mine  # only the latest
    assert 'href="/moderation/member/lotte/"' in mine
    theirs = item_of(page, other)
    assert "Geen notities over dit lid" in theirs and "wondermiddelen" not in theirs


def test_a_note_added_shows_in_the_queue_on_the_next_request(queue, moderator, member, topic):
    held = services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    assert "Geen notities over dit lid" in item_of(queue(), held)
    sanctions.member_note_add(actor=moderator, member=member, text="Let op: verkoopt supplementen.")
    item = item_of(queue(), held)
    assert "1 notitie van moderatoren" in item and "Let op: verkoopt supplementen." in item


@pytest.mark.parametrize("authors", [2, 12])
def test_the_queue_shows_the_notes_in_a_fixed_number_of_queries(
        client, moderator, user_factory, topic, memory_cache, no_rate_limits, django_assert_max_num_queries, authors):
    for number in range(authors):
        author = user_factory()
        for note in range(3):
            sanctions.member_note_add(actor=moderator, member=author, text=f"Notitie {note} over lid {number}.")
        services.answer_post(actor=author, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    client.force_login(moderator)
    with django_assert_max_num_queries(12):
        page = client.get("/moderation/").content.decode()
    assert f"Notitie 2 over lid {authors - 1}." in page


def test_the_item_page_shows_the_authors_latest_notes(client, moderator, member, topic):
    held = services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    sanctions.member_note_add(actor=moderator, member=member, text="Tweede keer deze week.")
    client.force_login(moderator)
    page = client.get(f"/moderation/item/{ReviewItem.objects.get(post=held).pk}/").content.decode()
    assert "Tweede keer deze week." in page and f'href="/moderation/member/{member.username}/"' in page
    assert f'href="/moderation/post/{held.pk}/measure/"' in page


def test_members_never_see_the_notes_in_their_own_held_post(client, moderator, member, topic):
    services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    sanctions.member_note_add(actor=moderator, member=member, text="Alleen voor moderatoren.")
    client.force_login(member)
    assert "Alleen voor moderatoren." not in client.get(topic.get_absolute_url()).content.decode()
    assert client.get("/moderation/").status_code == 403
