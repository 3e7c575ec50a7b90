"""Who may post, vote and react; votes and reactions work with and without JavaScript."""

import pytest

from forum.models import Post, Reaction, Topic

pytestmark = pytest.mark.django_db
JS = {"HTTP_X_REQUESTED_WITH": "fetch"}


def test_anonymous_visitors_read_everything_public(client, topic, answer_factory):
    answer = answer_factory()
    assert client.get("/").status_code == 200
    assert client.get(topic.category.get_absolute_url()).status_code == 200
    assert f"post-{answer.pk}" in client.get(topic.get_absolute_url()).content.decode()


def test_anonymous_posting_goes_to_login(client, topic):
    response = client.post(f"/t/{topic.pk}/answer/", {"body": "hoi"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert response.status_code == 302 and not Post.objects.filter(body="hoi").exists()


def test_unconfirmed_member_cannot_post(client, user_factory, topic, category):
    unconfirmed = user_factory(confirmed=False)
    client.force_login(unconfirmed)
    assert client.post(f"/t/{topic.pk}/answer/", {"body": "Mijn antwoord"}).status_code == 403
    assert client.post("/new/", {"category": category.pk, "title": "Een nieuwe vraag hier", "body": "x"}).status_code == 403
    assert not Post.objects.filter(body="Mijn antwoord").exists()


def test_confirmed_member_asks_a_question(client, member, category):
    client.force_login(member)
    response = client.post("/new/", {"category": category.pk, "title": "Hoe houd ik vol?", "body": "Ik zoek tips."})
    topic = Topic.objects.get(title="Hoe houd ik vol?")
    assert response.status_code == 302 and response["Location"] == topic.get_absolute_url()


def test_vote_without_javascript_redirects_back_to_the_answer(client, member, answer_factory):
    answer = answer_factory()
    client.force_login(member)
    response = client.post(f"/p/{answer.pk}/vote/", {"value": "1"})
    assert response.status_code == 302 and response["Location"].endswith(f"#post-{answer.pk}")
    assert Post.objects.get(pk=answer.pk).score == 1


def test_vote_with_javascript_returns_the_new_score(client, member, answer_factory):
    answer = answer_factory()
    client.force_login(member)
    assert client.post(f"/p/{answer.pk}/vote/", {"value": "-1"}, **JS).json() == {"score": -1, "vote": -1}


def test_no_voting_on_your_own_post(client, member, answer_factory):
    answer = answer_factory(author=member)
    client.force_login(member)
    assert client.post(f"/p/{answer.pk}/vote/", {"value": "1"}, **JS).status_code == 403
    assert Post.objects.get(pk=answer.pk).score == 0


def test_anonymous_vote_is_asked_to_log_in(client, answer_factory):
    answer = answer_factory()
    assert client.post(f"/p/{answer.pk}/vote/", {"value": "1"}, **JS).status_code == 401
    assert "/accounts/login/" in client.post(f"/p/{answer.pk}/vote/", {"value": "1"})["Location"]


def test_reaction_with_javascript_returns_the_count(client, member, answer_factory):
    answer = answer_factory()
    client.force_login(member)
    assert client.post(f"/p/{answer.pk}/react/", {"kind": "hug"}, **JS).json() == {"kind": "hug", "added": True, "count": 1}
    assert Reaction.objects.filter(post=answer, kind="hug").count() == 1


def test_get_never_changes_state(client, member, answer_factory):
    answer = answer_factory()
    client.force_login(member)
    assert client.get(f"/p/{answer.pk}/vote/?value=1").status_code == 405
    assert client.get(f"/p/{answer.pk}/delete/").status_code == 403  # not theirs: not even the confirmation
    own = answer_factory(author=member)
    assert client.get(f"/p/{own.pk}/delete/").status_code == 200  # the confirmation page: GET deletes nothing
    assert Post.objects.get(pk=answer.pk).score == 0 and not Post.objects.get(pk=own.pk).is_deleted


def test_only_the_author_edits_and_sees_history(client, member, user_factory, answer_factory):
    answer = answer_factory(author=member)
    client.force_login(user_factory())
    assert client.post(f"/p/{answer.pk}/edit/", {"body": "overgenomen"}).status_code == 403
    assert client.get(f"/p/{answer.pk}/revisions/").status_code == 403
    client.force_login(member)
    assert client.post(f"/p/{answer.pk}/edit/", {"body": "verbeterd"}).status_code == 302
    assert "verbeterd" in client.get(f"/p/{answer.pk}/revisions/").content.decode()


def test_moderator_sees_revisions(client, moderator, member, answer_factory):
    answer = answer_factory(author=member)
    client.force_login(member)
    client.post(f"/p/{answer.pk}/edit/", {"body": "tweede versie"})
    client.force_login(moderator)
    assert client.get(f"/p/{answer.pk}/revisions/").status_code == 200


def test_rate_limit_keeps_the_text_and_says_why(client, settings, member, topic):
    settings.FORUM_RATE_LIMITS = {"answer": (1, 3600)}
    client.force_login(member)
    client.post(f"/t/{topic.pk}/answer/", {"body": "Eerste antwoord"})
    response = client.post(f"/t/{topic.pk}/answer/", {"body": "Tweede antwoord dat ik niet kwijt wil"})
    assert response.status_code == 429
    assert "Tweede antwoord dat ik niet kwijt wil" in response.content.decode()


def test_notifications_page_open_and_clear_all(client, member, topic_factory, user_factory, django_capture_on_commit_callbacks):
    from forum import services

    topic = topic_factory(author=member)
    with django_capture_on_commit_callbacks(execute=True):
        answer = services.answer_post(actor=user_factory(), topic=topic, body="Hallo")
    client.force_login(member)
    page = client.get("/notifications/").content.decode()
    assert 'class="badge"' in page
    notice = member.notifications.get()
    response = client.post(f"/notifications/{notice.pk}/open/")
    assert response["Location"].endswith(f"#post-{answer.pk}")
    notice.refresh_from_db()
    assert notice.is_read
    client.post("/notifications/clear/")
    assert "Geen meldingen" in client.get("/notifications/").content.decode() or member.notifications.filter(cleared_at__isnull=True).count() == 0
