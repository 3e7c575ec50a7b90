"""Notifications lead to the exact post (on its page, at its anchor) and mail links unsubscribe without logging in."""

import pytest
from django.test import Client

from forum import services
from forum.mail import unsubscribe_token
from forum.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fan_out_at_once(after_commit_at_once):
    """Notifications are made after commit; here each posting service's commit work runs at once."""


def test_opening_a_notification_lands_on_the_post_on_its_page_and_marks_it_read(client, settings, member, topic_factory, user_factory):
    settings.FORUM_ANSWERS_PER_PAGE = 2
    topic = topic_factory(author=member)
    answers = [services.answer_post(actor=user_factory(), topic=topic, body=f"Antwoord {i}.") for i in range(3)]
    client.force_login(member)
    notice = Notification.objects.get(recipient=member, post=answers[2])
    response = client.post(f"/notifications/{notice.pk}/open/")
    assert response["Location"] == f"{topic.get_absolute_url()}?page=2#post-{answers[2].pk}"
    notice.refresh_from_db()
    assert notice.is_read
    page = client.get(response["Location"].split("#")[0]).content.decode()
    assert f'id="post-{answers[2].pk}"' in page


def test_the_notification_list_says_who_where_and_shows_an_excerpt(client, member, topic_factory, user_factory):
    topic = topic_factory(author=member, title="Slapen met pijn")
    services.answer_post(actor=user_factory("fatima"), topic=topic, body="Een **warm** kussen hielp mij.")
    client.force_login(member)
    page = client.get("/notifications/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "fatima answered your topic “Slapen met pijn”." in page
    assert "“Een warm kussen hielp mij.”" in page


def test_a_mail_link_opens_the_post_on_its_page(client, member, topic_factory, user_factory):
    topic = topic_factory(author=member)
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Hallo.")
    response = client.get(f"/p/{answer.pk}/")
    assert response.status_code == 302 and response["Location"] == f"{topic.get_absolute_url()}#post-{answer.pk}"


def test_a_permalink_to_a_hidden_post_reveals_nothing(client, topic, user_factory):
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Weg ermee.")
    services.post_delete(actor=answer.author, post=answer)
    response = client.get(f"/p/{answer.pk}/")
    assert response["Location"] == topic.get_absolute_url()


def test_unsubscribe_get_asks_to_confirm_and_changes_nothing(member):
    anonymous = Client(enforce_csrf_checks=True)
    response = anonymous.get(f"/unsubscribe/{unsubscribe_token(member, 'email_on_answer')}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and 'method="post"' in response.content.decode()
    member.refresh_from_db()
    assert member.email_on_answer


def test_one_click_unsubscribe_works_without_login_or_csrf_cookie(member):
    anonymous = Client(enforce_csrf_checks=True)
    url = f"/unsubscribe/{unsubscribe_token(member, 'email_on_answer')}/"
    response = anonymous.post(url, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    member.refresh_from_db()
    assert not member.email_on_answer and member.email_on_moderation  # only that kind


def test_a_bad_unsubscribe_token_changes_nothing(member):
    token = unsubscribe_token(member, "email_on_answer")
    response = Client().post(f"/unsubscribe/{token[:-3]}xyz/")
    assert response.status_code == 404
    member.refresh_from_db()
    assert member.email_on_answer
