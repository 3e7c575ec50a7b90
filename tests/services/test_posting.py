"""Posting topics and answers, editing with revisions, soft delete and the topic's counters."""

import pytest
from django.core.exceptions import ValidationError

from forum import services
from forum.models import Post, Revision, Topic, Visibility
from forum.validators import clean_text, validate_markdown
from moderation.models import AuditEntry, ReviewItem
from tests.conftest import CLAIM_WITH_PUBMED, CLAIM_WITHOUT_SOURCE, PLAIN_ANSWER

pytestmark = pytest.mark.django_db


def test_new_topic_is_public_with_rendered_question(topic):
    question = Post.objects.get(topic=topic, is_question=True)
    assert topic.is_public
    assert question.body_html.startswith("<p>")


def test_plain_answer_is_published_and_counted(topic, answer_factory):
    answer = answer_factory()
    topic.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED
    assert topic.answer_count == 1


def test_unsourced_health_claim_is_held_and_not_counted(topic, answer_factory):
    answer = answer_factory(body=CLAIM_WITHOUT_SOURCE)
    topic.refresh_from_db()
    assert answer.visibility == Visibility.PENDING
    assert topic.answer_count == 0
    assert ReviewItem.objects.filter(post=answer, status="pending").exists()
    assert AuditEntry.objects.filter(post=answer, action="held").count() == 1


def test_sourced_health_claim_is_published_at_once(answer_factory):
    assert answer_factory(body=CLAIM_WITH_PUBMED).visibility == Visibility.PUBLISHED


def test_editing_keeps_every_earlier_version(member, topic):
    answer = services.answer_post(actor=member, topic=topic, body="Eerste versie.")
    services.post_edit(actor=member, post=answer, body="Tweede versie.")
    services.post_edit(actor=member, post=answer, body="Derde versie.")
    bodies = list(Revision.objects.filter(post=answer).order_by("created_at", "pk").values_list("body", flat=True))
    assert bodies == ["Eerste versie.", "Tweede versie."]
    answer.refresh_from_db()
    assert answer.body == "Derde versie." and answer.edited_at is not None


def test_editing_the_question_keeps_the_old_title(member, topic_factory):
    topic = topic_factory(author=member, title="Oude titel van de vraag")
    question = topic.posts.get(is_question=True)
    services.post_edit(actor=member, post=question, body="Nieuwe tekst", title="Nieuwe titel van de vraag")
    topic.refresh_from_db()
    assert topic.title == "Nieuwe titel van de vraag"
    assert Revision.objects.get(post=question).title == "Oude titel van de vraag"


def test_soft_delete_hides_but_keeps_the_post(member, topic):
    answer = services.answer_post(actor=member, topic=topic, body=PLAIN_ANSWER)
    services.post_delete(actor=member, post=answer)
    answer.refresh_from_db()
    topic.refresh_from_db()
    assert answer.is_deleted and Post.objects.filter(pk=answer.pk).exists()
    assert topic.answer_count == 0


def test_deleting_the_question_hides_the_topic(member, topic_factory):
    topic = topic_factory(author=member)
    services.post_delete(actor=member, post=topic.posts.get(is_question=True))
    topic.refresh_from_db()
    assert topic.is_deleted and not topic.is_public and Topic.objects.filter(pk=topic.pk).exists()


def test_control_characters_are_dropped_and_nul_bytes_never_stored(member, topic):
    answer = services.answer_post(actor=member, topic=topic, body="Hallo\x00 wereld\x07!\r\nNieuwe regel")
    assert answer.body == "Hallo wereld!\nNieuwe regel"
    assert clean_text("a\ud800b") == "ab"


def test_huge_or_deeply_nested_markdown_is_refused_with_a_message(settings):
    for text, code in [("x" * 20001, "too_long"), ("> " * 40 + "diep", "too_deep"), ("[" * 500 + "x" + "]" * 500, "too_deep")]:
        with pytest.raises(ValidationError) as refusal:
            validate_markdown(text)
        assert refusal.value.code == code and str(refusal.value.messages[0])
    validate_markdown("> citaat\n\n- lijst\n  - sub")
