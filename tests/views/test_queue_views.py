"""The moderator queue over HTTP: permissions, two-factor, decisions, filters and the solved marker."""

import pytest

from forum import services
from forum.models import Post, Visibility
from moderation import solutions
from moderation.models import ReviewItem
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(member, topic):
    return services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/moderation/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_members_without_moderator_rights_are_refused(client, member):
    client.force_login(member)
    assert client.get("/moderation/").status_code == 403


def test_moderator_without_two_factor_is_sent_to_set_it_up_and_cannot_act(client, moderator_factory, held):
    moderator = moderator_factory(totp=False)
    client.force_login(moderator)
    response = client.get("/moderation/")
    assert response.status_code == 302 and "/accounts/2fa/totp/activate" in response["Location"]
    item = ReviewItem.objects.get(post=held)
    client.post(f"/moderation/item/{item.pk}/decide/", {"decision": "approve"})
    held.refresh_from_db()
    assert held.visibility == Visibility.PENDING


def test_queue_lists_pending_items_oldest_first_with_highlights(client, moderator, held, user_factory, topic):
    second = services.answer_post(actor=user_factory(), topic=topic, body=CLAIM_WITHOUT_SOURCE)
    client.force_login(moderator)
    response = client.get("/moderation/")
    items = list(response.context["page"].object_list)
    assert [i.post_id for i in items] == [held.pk, second.pk]
    assert "<mark" in response.content.decode()


def test_queue_filters_by_reason_and_lane(client, moderator, held):
    client.force_login(moderator)
    assert len(client.get("/moderation/", {"reason": "flags"}).context["page"].object_list) == 0
    assert len(client.get("/moderation/", {"reason": "detector"}).context["page"].object_list) == 1
    lanes = ReviewItem.objects.get(post=held).claim_types
    assert lanes
    assert len(client.get("/moderation/", {"lane": lanes[0]}).context["page"].object_list) == 1


def test_approve_with_a_note_over_http_shows_the_note_on_the_answer(client, moderator, held, topic):
    item = ReviewItem.objects.get(post=held)
    client.force_login(moderator)
    assert client.get(f"/moderation/item/{item.pk}/").status_code == 200
    response = client.post(f"/moderation/item/{item.pk}/decide/", {"decision": "approve", "note": "bron ontbreekt; wees kritisch", "revision": held.revision})
    assert response.status_code == 302
    client.logout()
    assert "bron ontbreekt; wees kritisch" in client.get(topic.get_absolute_url()).content.decode()


def test_reject_without_a_reason_keeps_the_form(client, moderator, held):
    item = ReviewItem.objects.get(post=held)
    client.force_login(moderator)
    response = client.post(f"/moderation/item/{item.pk}/decide/", {"decision": "reject", "note": "", "revision": held.revision})
    assert response.status_code == 400
    assert Post.objects.get(pk=held.pk).visibility == Visibility.PENDING


def test_bulk_reject(client, moderator, held, user_factory, topic):
    other = services.answer_post(actor=user_factory(), topic=topic, body=CLAIM_WITHOUT_SOURCE)
    ids = list(ReviewItem.objects.values_list("pk", flat=True))
    client.force_login(moderator)
    revisions = {f"revision-{item.pk}": item.post.revision for item in ReviewItem.objects.select_related("post")}
    client.post("/moderation/bulk/", {"items": ids, "decision": "reject", "reason": "Geen bron.", **revisions})
    assert set(Post.objects.filter(pk__in=[held.pk, other.pk]).values_list("visibility", flat=True)) == {"rejected"}


@pytest.mark.parametrize("pending", [3, 40])
def test_queue_page_query_count_is_fixed(
    client, django_assert_max_num_queries, moderator, topic, user_factory, no_rate_limits, memory_cache, pending
):
    author = user_factory()
    for _ in range(pending):
        services.answer_post(actor=author, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    client.force_login(moderator)
    with django_assert_max_num_queries(12):
        assert client.get("/moderation/").status_code == 200


def test_flag_over_http(client, member, answer_factory):
    answer = answer_factory()
    client.force_login(member)
    response = client.post(f"/moderation/flag/{answer.pk}/", {"reason": "spam"})
    assert response.status_code == 302
    assert answer.flags.count() == 1


def test_solution_sign_off_over_http_and_the_marker_on_every_page(client, moderator, user_factory, topic_factory):
    starter = user_factory("starter")
    topic = topic_factory(author=starter, title="Hoe kom ik de middagdip door?")
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Een korte wandeling na de lunch.")
    client.force_login(starter)
    client.post(f"/moderation/topic/{topic.pk}/propose/", {"answer": answer.pk})
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "wacht op goedkeuring" in page.lower() or "waiting for moderator sign-off" in page.lower()
    client.force_login(moderator)
    assert topic.title in client.get("/moderation/solutions/").content.decode()
    client.post(f"/moderation/solutions/{topic.pk}/", {"decision": "sign_off", "revision": answer.revision})
    client.logout()
    marker = "[Opgelost]"
    assert marker in client.get(topic.get_absolute_url()).content.decode()
    assert marker in client.get(topic.category.get_absolute_url()).content.decode()
    assert marker in client.get(f"/u/{starter.username}/").content.decode()
    assert marker in client.get("/search/", {"q": "middagdip"}).content.decode()
    html = client.get(topic.get_absolute_url()).content.decode()
    assert html.index(f'id="post-{answer.pk}"') < html.index('id="answer"')
    assert "Geaccepteerd antwoord" in html


def test_other_members_see_a_proposed_topic_as_open(client, user_factory, topic_factory):
    starter = user_factory()
    topic = topic_factory(author=starter)
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Een tip.")
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "[Opgelost]" not in html and "sign-off" not in html.lower() and "goedkeuring" not in html.lower()


def test_queue_and_item_page_outline_the_sentences_the_model_flagged(client, moderator, member, topic):
    body = "Wat fijn dat je het deelt. Van magnesium knap je gegarandeerd op, neem er elke avond 400 mg van."
    post = services.answer_post(actor=member, topic=topic, body=body)
    assert post.assessment["flagged"], "the learned detector should flag the advice"
    client.force_login(moderator)
    html = client.get("/moderation/").content.decode()
    assert '<mark class="flagged"' in html
    assert '">Van <mark title="substance: magnesium*">magnesium</mark> knap je gegarandeerd op' in html
    item = ReviewItem.objects.get(post=post)
    page = client.get(f"/moderation/item/{item.pk}/").content.decode()
    assert "Zinnen die het model markeerde" in page and '<mark class="flagged">Van magnesium' in page
