"""Issue 14 (10): deleting never takes other members' words, and a removed topic answers a proper page."""

import pytest

from forum import services
from forum.models import Post, Topic
from moderation.models import AuditEntry

pytestmark = pytest.mark.django_db

QUESTION = "Mijn eigen, persoonlijke verhaal over slecht slapen."


@pytest.fixture
def starter(user_factory):
    return user_factory("starter")


@pytest.fixture
def asked(starter, category):
    return services.topic_create(actor=starter, category=category, title="Wie weet raad met slapen?", body=QUESTION)


def question_of(topic):
    return topic.posts.get(is_question=True)


def test_deleting_a_question_asks_for_confirmation_first(client, starter, asked):
    client.force_login(starter)
    page = client.get(f"/p/{question_of(asked).pk}/delete/")
    assert page.status_code == 200 and "Ja, verwijder" in page.content.decode()
    assert client.post(f"/p/{question_of(asked).pk}/delete/").status_code == 400  # no confirmation sent
    asked.refresh_from_db()
    assert not asked.is_deleted


def test_a_starter_deletes_an_unanswered_question_and_the_topic_answers_410_not_500(client, starter, asked, moderator):
    client.force_login(starter)
    response = client.post(f"/p/{question_of(asked).pk}/delete/", {"confirm": "yes"})
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.is_deleted
    gone = client.get(asked.get_absolute_url())
    assert gone.status_code == 410 and "Dit onderwerp is verwijderd." in gone.content.decode()
    client.logout()
    gone = client.get(asked.get_absolute_url())
    assert gone.status_code == 410 and 'lang="nl"' in gone.content.decode()
    client.force_login(moderator)
    seen = client.get(asked.get_absolute_url())
    assert seen.status_code == 200 and "alleen moderators zien het" in seen.content.decode()


def test_once_others_answered_the_starter_cannot_delete_but_can_withdraw(client, starter, asked, user_factory):
    services.answer_post(actor=user_factory(), topic=asked, body="Een vast ritme hielp mij.")
    client.force_login(starter)
    question = question_of(asked)
    page = client.get(f"/p/{question.pk}/delete/").content.decode()
    assert "Trek je vraag in" in page and "Ja, verwijder" not in page
    refused = client.post(f"/p/{question.pk}/delete/", {"confirm": "yes"})
    assert refused.status_code == 400 and "intrekken" in refused.content.decode()
    asked.refresh_from_db()
    assert not asked.is_deleted and asked.is_public


def test_a_withdrawn_question_keeps_its_answers_and_moderators_keep_the_original(client, starter, asked, user_factory, moderator):
    answer = services.answer_post(actor=user_factory(), topic=asked, body="Een vast ritme hielp mij.")
    question = question_of(asked)
    client.force_login(starter)
    assert client.post(f"/p/{question.pk}/withdraw/", {"confirm": "yes"}).status_code == 302
    question.refresh_from_db()
    assert question.withdrawn_at is not None and question.body == "" and not question.is_deleted
    assert AuditEntry.objects.filter(post=question, action="question_withdrawn").exists()
    client.logout()
    html = client.get(asked.get_absolute_url()).content.decode()
    assert "Verwijderd door de schrijver." in html and QUESTION not in html
    assert "Een vast ritme hielp mij." in html and f'id="post-{answer.pk}"' in html
    client.force_login(moderator)
    assert QUESTION in client.get(f"/p/{question.pk}/revisions/").content.decode()
    client.force_login(starter)
    assert client.get(f"/p/{question.pk}/edit/").status_code == 403


def test_a_moderator_hides_a_topic_with_a_reason_and_can_show_it_again(client, asked, moderator, user_factory):
    services.answer_post(actor=user_factory(), topic=asked, body="Een vast ritme hielp mij.")
    client.force_login(moderator)
    assert client.post(f"/moderation/hide-topic/{asked.pk}/", {"reason": ""}, follow=True).status_code == 200
    asked.refresh_from_db()
    assert asked.hidden_at is None  # a reason is needed
    client.post(f"/moderation/hide-topic/{asked.pk}/", {"reason": "Persoonsgegevens in de vraag."})
    asked.refresh_from_db()
    assert asked.hidden_at is not None and not asked.is_public
    assert AuditEntry.objects.get(topic=asked, action="topic_hidden").reason == "Persoonsgegevens in de vraag."
    page = client.get(asked.get_absolute_url()).content.decode()
    assert "Persoonsgegevens in de vraag." in page and "Laat het onderwerp weer zien" in page
    anonymous = type(client)()
    assert anonymous.get(asked.get_absolute_url()).status_code == 410
    client.post(f"/moderation/show-topic/{asked.pk}/")
    asked.refresh_from_db()
    assert asked.hidden_at is None and asked.is_public
    assert AuditEntry.objects.filter(topic=asked, action="topic_unhidden").exists()
    assert anonymous.get(asked.get_absolute_url()).status_code == 200


def test_members_cannot_hide_topics(client, asked, starter):
    client.force_login(starter)
    assert client.post(f"/moderation/hide-topic/{asked.pk}/", {"reason": "x"}).status_code == 403
    assert Topic.objects.get(pk=asked.pk).hidden_at is None


def test_the_service_refuses_deleting_a_question_others_answered(starter, asked, user_factory):
    services.answer_post(actor=user_factory(), topic=asked, body="Een tip.")
    with pytest.raises(services.PostError):
        services.post_delete(actor=starter, post=question_of(asked))
    assert not Post.objects.get(pk=question_of(asked).pk).is_deleted
