"""Closing an account anonymises it: the thread stays readable, the person is gone, the login too."""

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.sessions.models import Session

from forum import services as forum_services
from forum.models import Post, Revision, User, Vote
from moderation.models import AuditAction, AuditEntry
from privacy import services
from privacy.models import Consent
from tests.conftest import PASSWORD, TOTP_SECRET


def test_closing_anonymises_the_account_and_removes_what_identifies_the_member(user_factory, topic, answer_factory):
    member = user_factory("lotte", preferred_language="en")
    services.consent_give(actor=member, privacy_notice=True, health_data=True)
    TOTP.activate(member, TOTP_SECRET)
    answer = answer_factory(author=member)
    forum_services.vote_cast(actor=member, post=topic.posts.get(is_question=True), value=1)
    closed = services.account_close(actor=member, member=member, reason="")
    closed.refresh_from_db()
    assert closed.username == f"Voormalig lid {closed.pk}" and closed.email == "" and not closed.is_active
    assert not closed.has_usable_password() and closed.closed_at and closed.preferred_language == ""
    assert not EmailAddress.objects.filter(user=closed).exists()
    assert not closed.authenticator_set.exists() and not Consent.objects.filter(user=closed).exists()
    assert Post.objects.get(pk=answer.pk).body == answer.body  # the thread stays readable
    assert Vote.objects.filter(user=closed).count() == 1 and topic.posts.get(is_question=True).score == 1
    entry = AuditEntry.objects.get(action=AuditAction.ACCOUNT_CLOSED)
    assert entry.actor_id == closed.pk and entry.object_repr == closed.username and "lotte" not in entry.object_repr


def test_removing_the_text_overwrites_every_post_and_revision_even_for_moderators(client, member, moderator, topic_factory, answer_factory):
    own_topic = topic_factory(author=member, title="Mijn vraag over slapeloosheid", body="Ik slaap slecht sinds maanden.")
    answer = answer_factory(author=member, topic=own_topic, body="Geheime eerste versie.")
    forum_services.post_edit(actor=member, post=answer, body="Geheime tweede versie.")
    services.account_close(actor=member, member=member, remove_text=True)
    assert not Post.objects.filter(author=member).exclude(body="").exists()
    assert not Revision.objects.filter(post__author=member).exclude(body="").exists()
    own_topic.refresh_from_db()
    assert own_topic.title == "Verwijderd op verzoek van het lid"
    client.force_login(moderator)
    html = client.get(own_topic.get_absolute_url(), headers={"accept-language": "nl"}).content.decode()
    assert "Geheime" not in html and "slaap slecht" not in html and "Verwijderd op verzoek van het lid." in html


def test_cached_topic_pages_show_the_former_member_name_in_the_readers_language(client, user_factory, topic, answer_factory):
    member = user_factory("sanne")
    answer_factory(author=member)
    reader = user_factory()
    assert "sanne" in client.get(topic.get_absolute_url()).content.decode()  # cached for anonymous visitors
    client.force_login(reader)
    assert "sanne" in client.get(topic.get_absolute_url()).content.decode()  # and the shared member page
    services.account_close(actor=member, member=member)
    dutch = client.get(topic.get_absolute_url(), headers={"accept-language": "nl"}).content.decode()
    assert "sanne" not in dutch and f"Voormalig lid {member.pk}" in dutch
    client.logout()
    english = client.get(topic.get_absolute_url(), headers={"accept-language": "en"}).content.decode()
    assert "sanne" not in english and f"Former member {member.pk}" in english


def test_the_close_page_needs_a_fresh_login_offers_the_export_and_logs_out(client, user_factory):
    member = user_factory("willem")
    client.force_login(member)
    response = client.get("/account/close/")
    assert response.status_code == 302 and "/accounts/reauthenticate/" in response["Location"]
    reauthenticated = client.post(response["Location"], {"password": PASSWORD})
    assert reauthenticated.status_code == 302
    page = client.get("/account/close/", headers={"accept-language": "nl"}).content.decode()
    assert 'href="/account/export/"' in page
    refused = client.post("/account/close/", {})
    assert refused.status_code == 200 and User.objects.get(pk=member.pk).closed_at is None
    response = client.post("/account/close/", {"confirm": "on"})
    assert response.status_code == 302
    assert User.objects.get(pk=member.pk).closed_at is not None
    assert not Session.objects.exists()
    assert client.post("/accounts/login/", {"login": "willem", "password": PASSWORD}).status_code == 200  # refused


def test_closing_ends_the_members_sessions_on_other_devices(client, member):
    client.force_login(member)
    assert Session.objects.count() == 1
    services.account_close(actor=member, member=member)
    assert Session.objects.count() == 0
    assert client.get("/settings/").status_code == 302  # logged out


def test_admin_closes_an_account_with_a_reason_in_the_audit_log(client, admin_user, user_factory):
    TOTP.activate(admin_user, TOTP_SECRET)
    member = user_factory("joost")
    client.force_login(admin_user)
    url = "/admin/forum/user/"
    form = client.post(url, {"action": "close_accounts", "_selected_action": [member.pk]})
    assert form.status_code == 200 and b"joost" in form.content
    client.post(url, {"action": "close_accounts", "_selected_action": [member.pk], "apply": "1", "reason": "Verzoek per brief"})
    member.refresh_from_db()
    assert member.closed_at is not None
    entry = AuditEntry.objects.get(action=AuditAction.ACCOUNT_CLOSED)
    assert entry.actor_id == admin_user.pk and entry.reason == "Verzoek per brief"
