"""Notification mail: the recipient's language, the absolute link, why it came, and one-click unsubscribe (RFC 8058)."""

import pytest
from django.core import mail

from forum import services
from forum.mail import unsubscribe_read, unsubscribe_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(django_capture_on_commit_callbacks, user_factory, topic_factory):
    def make(*, language="nl", base_url=None, settings=None):
        starter = user_factory("lotte", preferred_language=language)
        topic = topic_factory(author=starter, title="Moe na het werk")
        with django_capture_on_commit_callbacks(execute=True):
            answer = services.answer_post(actor=user_factory("joost"), topic=topic, body="Probeer **korte** wandelingen.\n\nEn rust.")
        [message] = mail.outbox
        return starter, answer, message

    return make


def test_mail_is_in_dutch_with_the_absolute_link_excerpt_and_why(answered):
    starter, answer, message = answered(language="nl")
    assert message.to == [starter.email]
    assert "joost" in message.subject and "Moe na het werk" in message.subject
    assert "heeft je topic" in message.body or "beantwoordde" in message.body
    assert f"http://127.0.0.1:8000/p/{answer.pk}/" in message.body
    assert "Probeer korte wandelingen. En rust." in message.body  # plain text, no Markdown or HTML
    assert "omdat je dit topic bent begonnen" in message.body


def test_mail_follows_the_recipients_english(answered):
    starter, answer, message = answered(language="en")
    assert "joost answered your topic" in message.subject
    assert "because you started this topic" in message.body


def test_links_use_the_configured_base_url(settings, answered):
    settings.FORUM_BASE_URL = "https://forum.example.org/"
    starter, answer, message = answered()
    assert f"https://forum.example.org/p/{answer.pk}/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<https://forum.example.org/unsubscribe/")


def test_mail_has_one_click_unsubscribe_headers_for_its_kind(answered):
    starter, answer, message = answered()
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<") and header.endswith(">")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = header[1:-1]
    assert url in message.body
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert unsubscribe_read(token) == (starter.pk, "email_on_answer")


def test_a_tampered_or_foreign_token_is_refused(member):
    token = unsubscribe_token(member, "email_on_answer")
    assert unsubscribe_read(token[:-2] + ("AA" if not token.endswith("AA") else "BB")) is None
    assert unsubscribe_read("not-a-token") is None
    from django.core import signing

    assert unsubscribe_read(signing.dumps([member.pk, "email_on_answer"])) is None  # another salt: not ours
    assert unsubscribe_read(signing.dumps([member.pk, "is_superuser"], salt="forum.unsubscribe")) is None
