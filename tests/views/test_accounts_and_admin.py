"""Accounts through allauth, the Moderators group, and the admin."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

pytestmark = pytest.mark.django_db


def test_sign_up_confirm_email_then_log_in_by_username_or_email(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "nieuw@example.org", "username": "nieuw", "password1": "een-lang-wachtwoord-77", "password2": "een-lang-wachtwoord-77",
         "accept_privacy": "on", "accept_health_data": "on"},
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/confirm-email/[^\s]+)", mail.outbox[0].body).group(1)
    assert client.post(link).status_code == 302
    client.logout()
    assert client.post("/accounts/login/", {"login": "nieuw", "password": "een-lang-wachtwoord-77"}).status_code == 302
    assert client.get("/notifications/").status_code == 200
    client.logout()
    assert client.post("/accounts/login/", {"login": "nieuw@example.org", "password": "een-lang-wachtwoord-77"}).status_code == 302


def test_unconfirmed_member_cannot_log_in_before_confirming(client):
    client.post(
        "/accounts/signup/",
        {"email": "later@example.org", "username": "later", "password1": "een-lang-wachtwoord-77", "password2": "een-lang-wachtwoord-77",
         "accept_privacy": "on", "accept_health_data": "on"},
    )
    client.logout()
    response = client.post("/accounts/login/", {"login": "later", "password": "een-lang-wachtwoord-77"})
    assert response.status_code == 302 and "confirm-email" in response["Location"]


def test_password_reset_sends_a_mail(client, member):
    client.post("/accounts/password/reset/", {"email": member.email})
    assert any("password/reset/key" in message.body for message in mail.outbox)


def test_moderators_group_holds_the_moderation_permissions():
    codenames = set(Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True))
    assert {"review_posts", "sign_off_solutions"} <= codenames


@pytest.mark.parametrize(
    "url",
    [
        "/admin/", "/admin/forum/user/", "/admin/forum/category/", "/admin/forum/topic/", "/admin/forum/post/",
        "/admin/forum/revision/", "/admin/forum/vote/", "/admin/forum/reaction/", "/admin/forum/notification/",
        "/admin/moderation/healthterm/", "/admin/moderation/sourcedomain/", "/admin/moderation/reviewitem/",
        "/admin/moderation/flag/", "/admin/moderation/auditentry/", "/admin/forum/category/add/",
    ],
)
def test_admin_pages_load_for_a_superuser(client, admin_user, topic, url):
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.conftest import TOTP_SECRET

    TOTP.activate(admin_user, TOTP_SECRET)  # the admin needs two-factor authentication (tests/security/test_accounts.py)
    client.force_login(admin_user)
    assert client.get(url).status_code == 200


def test_history_models_cannot_be_deleted_in_admin(admin_user, rf):
    from django.contrib import admin

    from forum.models import Post, Revision
    from moderation.models import AuditEntry, Flag

    request = rf.get("/admin/")
    request.user = admin_user
    for model in (Post, Revision, AuditEntry, Flag):
        assert not admin.site._registry[model].has_delete_permission(request)


def test_rule_change_in_admin_is_audited_and_used_at_once(client, admin_user, django_capture_on_commit_callbacks):
    from allauth.mfa.totp.internal.auth import TOTP

    from moderation.models import AuditEntry
    from moderation.policy import assess
    from moderation.rules import load_rules
    from tests.conftest import TOTP_SECRET

    TOTP.activate(admin_user, TOTP_SECRET)
    client.force_login(admin_user)
    text = "Kombucha geneest kwispelziekte, dat is bewezen."
    assert "kwispelziekte" not in [m.text for m in assess(text, load_rules()).matched]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/moderation/healthterm/add/",
            {"phrase": "kwispelziekte", "kind": "condition", "language": "", "weight": "2", "is_active": "on"},
        )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="rule_changed", reason__contains="kwispelziekte").exists()
    assert "kwispelziekte" in [m.text for m in assess(text, load_rules()).matched]


def test_a_term_the_policy_cannot_use_is_refused_in_admin(client, admin_user):
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.conftest import TOTP_SECRET

    TOTP.activate(admin_user, TOTP_SECRET)
    client.force_login(admin_user)
    response = client.post("/admin/moderation/healthterm/add/", {"phrase": "***", "kind": "condition", "language": "", "weight": "1"})
    assert response.status_code == 200 and "phrase" in response.context["adminform"].form.errors
