"""What people read comes out in their language: plurals, dates, labels, admin, mail, and other packages' text."""

import re
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.utils import translation
from markdownx.exceptions import MarkdownxImageUploadError

from forum import services
from forum.models import NotificationKind, Post, Topic
from forum.notifications import notify
from forum.templatetags.forum_tags import claim_type_label, source_kind_label, status_label
from moderation.policy import ClaimType, SourceKind

pytestmark = pytest.mark.django_db


def stats_line(html):
    return re.sub(r"\s+", " ", re.search(r'<p class="topic-stats-line">(.*?)</p>', html, re.S).group(1))


def test_topic_page_uses_dutch_singular_forms(client, user_factory, topic_factory):
    starter = user_factory()
    topic = topic_factory(author=starter)
    answer = services.answer_post(actor=starter, topic=topic, body="Zelf gevonden: korte wandelingen helpen mij.")
    services.reaction_toggle(actor=user_factory(), post=answer, kind="thanks")
    Topic.objects.filter(pk=topic.pk).update(view_count=1)
    html = client.get(topic.get_absolute_url()).content.decode()
    line = stats_line(html)
    assert "2 berichten" in line and "1 deelnemer" in line and "1 reactie" in line and "1 keer bekeken" in line
    assert "1 deelnemers" not in line and "1 reacties" not in line
    assert "1 antwoord<" in html


def test_topic_page_uses_dutch_plural_forms(client, topic):
    Topic.objects.filter(pk=topic.pk).update(view_count=244)
    line = stats_line(client.get(topic.get_absolute_url()).content.decode())
    assert "<span>1 bericht</span>" in line and "<span>244 keer bekeken</span>" in line and "<span>0 reacties</span>" in line


def test_topic_page_in_english_uses_english_plurals(client, topic):
    Topic.objects.filter(pk=topic.pk).update(view_count=244)
    html = client.get(topic.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "viewed 244 times" in stats_line(html) and "1 post" in stats_line(html)
    assert "0 answers" in html


def test_topic_page_dates_are_dutch(client, topic):
    question = Post.objects.get(topic=topic, is_question=True)
    Post.objects.filter(pk=question.pk).update(created_at=datetime(2026, 3, 5, 14, 30, tzinfo=UTC))
    dutch = client.get(topic.get_absolute_url()).content.decode()
    english = client.get(topic.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "5 maart 2026 15:30" in dutch  # Amsterdam time, Dutch month name and order
    assert "March 5, 2026, 3:30 p.m." in english


def test_dutch_page_shows_the_dutch_interface(client, health_category, topic_factory):
    topic = topic_factory(category=health_category)
    html = client.get(topic.get_absolute_url()).content.decode()
    for text in ("Topic starter", "Volgorde van antwoorden", "Beste eerst", "Link kopiëren", "huisarts", "registreer"):
        assert text in html
    for text in ("Best first", "Copy link", "to answer, vote and react"):
        assert text not in html


def test_model_names_are_translated_in_the_dutch_admin(client, admin_user):
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.conftest import TOTP_SECRET

    TOTP.activate(admin_user, TOTP_SECRET)  # the admin needs two-factor authentication
    client.force_login(admin_user)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    for name in ("Berichten", "Topics", "Meldingen", "Markeringen", "Gezondheidstermen", "Brondomeinen", "Logboek", "Moderatie"):
        assert name in html
    html = client.get("/admin/forum/post/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "zichtbaarheid" in html.lower() and "Selecteer bericht om te wijzigen" in html


def test_every_model_and_field_label_of_ours_is_translatable():
    from django.apps import apps
    from django.db import models
    from django.utils.functional import Promise

    plain = []
    for app in ("forum", "moderation"):
        for model in apps.get_app_config(app).get_models():
            for attribute in ("verbose_name", "verbose_name_plural"):
                if not isinstance(model._meta.original_attrs.get(attribute), Promise):
                    plain.append(f"{model.__name__}.Meta.{attribute}")
            for field in model._meta.get_fields(include_parents=False):
                own = getattr(field, "model", None) is model and field.name in model.__dict__
                if own and isinstance(field, models.Field) and field.editable and not field.auto_created:
                    if not isinstance(field.verbose_name, Promise):
                        plain.append(f"{model.__name__}.{field.name}")
    assert not plain, f"give these a gettext_lazy label: {plain}"


def test_moderation_labels_are_translated():
    with translation.override("nl"):
        assert claim_type_label(ClaimType.TREATMENT) == "behandeling" and claim_type_label("dose") == "dosering"
        assert source_kind_label(SourceKind.SCHOLARLY) == "wetenschappelijke literatuur"
        assert status_label("solved") == "Opgelost" and status_label("published") == "Gepubliceerd"
        assert claim_type_label("new-kind") == "new-kind"
    with translation.override("en"):
        assert claim_type_label("risk") == "risk" and status_label("pending") == "Waiting for a moderator"


def test_queue_shows_lanes_and_filters_in_dutch(client, moderator, topic, user_factory):
    from tests.conftest import CLAIM_WITHOUT_SOURCE

    services.answer_post(actor=user_factory(), topic=topic, body=CLAIM_WITHOUT_SOURCE)
    client.force_login(moderator)
    html = client.get("/moderation/").content.decode()
    assert "Alle soorten claims" in html and "Moderatiewachtrij" in html
    lanes = re.findall(r'<span class="label lane">([^<]*)</span>', html)
    assert lanes and not set(lanes) & {c.value for c in ClaimType}


def test_flag_limit_message_is_dutch(settings, member, answer_factory, user_factory):
    from moderation import services as moderation

    settings.MODERATION_FLAG_DAILY_CAP = 0
    with translation.override("nl"), pytest.raises(moderation.FlagError, match="limiet"):
        moderation.flag_create(actor=member, post=answer_factory(), reason="spam")


def test_notification_text_and_mail_follow_the_recipients_language(django_capture_on_commit_callbacks, user_factory, topic):
    dutch, english = user_factory(), user_factory(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        for recipient in (dutch, english):
            notify(recipient=recipient, kind=NotificationKind.POST_APPROVED, actor=user_factory(), topic=topic)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "goedgekeurd" in by_address[dutch.email].body and "Gezondheidsforum" in by_address[dutch.email].subject
    assert "approved" in by_address[english.email].body and "Health forum" in by_address[english.email].subject


def test_other_packages_speak_dutch_too(client):
    html = client.get("/accounts/login/").content.decode()
    assert "Wachtwoord vergeten?" in html  # allauth's own Dutch
    with translation.override("nl"):
        assert MarkdownxImageUploadError.not_uploaded().messages == ["Er zijn geen bestanden geüpload."]  # ours, for markdownx
        assert MarkdownxImageUploadError.unsupported_format().messages == ["Dit bestandstype wordt niet ondersteund."]


def test_validation_errors_are_dutch(client, member, topic):
    client.force_login(member)
    html = client.post(f"/t/{topic.pk}/answer/", {"body": "[" * 300}).content.decode()
    assert "te diep genest" in html
