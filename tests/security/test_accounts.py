"""Accounts: login and sign-up rate limits, confirmation before posting, and two-factor for moderators and admins."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.test import Client

from forum.models import Post, Topic
from moderation.models import AuditEntry, ReviewItem, ReviewStatus
from tests.conftest import CLAIM_WITHOUT_SOURCE, PASSWORD

pytestmark = pytest.mark.django_db


def logged_in(client):
    return "_auth_user_id" in client.session


def test_the_sixth_bad_password_for_one_account_from_one_address_is_refused(member):
    client = Client(REMOTE_ADDR="203.0.113.1")
    for _ in range(5):
        response = client.post("/accounts/login/", {"login": member.username, "password": "wrong-password"})
        assert response.status_code == 200 and not logged_in(client)
        assert "Too many failed login attempts" not in response.content.decode()
    response = client.post("/accounts/login/", {"login": member.username, "password": PASSWORD})
    assert not logged_in(client), "the correct password must not get in during the lock-out"
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()


def test_strangers_failing_a_members_password_elsewhere_never_lock_the_member_out(member):
    """Issue 14 (9): the limit is per address and per account+address, not per account alone."""
    for attempt in range(12):
        stranger = Client(REMOTE_ADDR=f"203.0.113.{attempt + 1}")
        for _ in range(6):
            stranger.post("/accounts/login/", {"login": member.username, "password": "wrong-password"})
    owner = Client(REMOTE_ADDR="198.51.100.7")
    response = owner.post("/accounts/login/", {"login": member.username, "password": PASSWORD})
    assert logged_in(owner), response.content.decode()[:500]


def test_other_accounts_still_log_in_while_one_is_locked_out(member, user_factory):
    other = user_factory()
    client = Client()
    for _ in range(6):
        client.post("/accounts/login/", {"login": member.username, "password": "wrong-password"})
    client.post("/accounts/login/", {"login": other.username, "password": PASSWORD})
    assert logged_in(client)


def test_signing_up_too_fast_from_one_address_is_refused():
    client = Client(REMOTE_ADDR="203.0.113.50")
    codes = []
    for n in range(6):
        response = client.post(
            "/accounts/signup/",
            {"email": f"snel{n}@example.org", "username": f"snel{n}", "password1": "een-lang-wachtwoord-77", "password2": "een-lang-wachtwoord-77",
         "accept_privacy": "on", "accept_health_data": "on"},
        )
        codes.append(response.status_code)
        client.logout()
    assert codes[:5] == [302] * 5
    assert codes[5] == 429
    assert not get_user_model().objects.filter(username="snel5").exists()


def test_an_unconfirmed_member_cannot_post_vote_react_or_flag(client, user_factory, topic, answer_factory, category):
    answer = answer_factory()
    client.force_login(user_factory(confirmed=False))
    assert client.post("/new/", {"category": category.pk, "title": "Een vraag van mij", "body": "Tekst"}).status_code == 403
    assert client.post(f"/t/{topic.pk}/answer/", {"body": "Mijn antwoord"}).status_code == 403
    assert client.post(f"/p/{answer.pk}/vote/", {"value": "1"}, HTTP_X_REQUESTED_WITH="fetch").status_code == 403
    assert client.post(f"/p/{answer.pk}/react/", {"kind": "like"}, HTTP_X_REQUESTED_WITH="fetch").status_code == 403
    assert client.post(f"/moderation/flag/{answer.pk}/", {"reason": "spam"}).status_code == 403
    assert Topic.objects.count() == 1 and Post.objects.count() == 2
    answer.refresh_from_db()
    assert answer.score == 0 and not answer.reactions.exists() and not answer.flags.exists()


def test_a_password_login_with_totp_stops_at_the_code(moderator):
    client = Client()
    response = client.post("/accounts/login/", {"login": moderator.username, "password": PASSWORD})
    assert response.status_code == 302 and "/2fa/authenticate" in response["Location"]
    assert not logged_in(client)
    assert client.get("/moderation/").status_code == 302


def test_a_moderator_without_totp_is_sent_to_set_it_up_and_changes_nothing(client, moderator_factory, user_factory, topic):
    held = Post.objects.create(topic=topic, author=user_factory(), body=CLAIM_WITHOUT_SOURCE, body_html="<p>x</p>", visibility="pending")
    item = ReviewItem.objects.create(post=held, reason="detector")
    moderator = moderator_factory(totp=False)
    client.force_login(moderator)
    audit_before = AuditEntry.objects.count()
    for url, data in [
        ("/moderation/", None),
        (f"/moderation/item/{item.pk}/", None),
        (f"/moderation/item/{item.pk}/decide/", {"decision": "approve", "note": ""}),
        ("/moderation/bulk/", {"items": [item.pk], "decision": "approve"}),
        ("/moderation/solutions/", None),
        (f"/moderation/solutions/{topic.pk}/", {"decision": "sign_off", "reason": ""}),
    ]:
        response = client.post(url, data) if data is not None else client.get(url)
        assert response.status_code == 302 and "/2fa/totp/activate" in response["Location"], url
    for action in ("reopen", "mark_solved", "propose", "withdraw"):
        assert client.post(f"/moderation/topic/{topic.pk}/{action}/", {"reason": "x", "answer": held.pk}).status_code == 403, action
    assert client.post(f"/p/{held.pk}/delete/").status_code == 403
    item.refresh_from_db()
    held.refresh_from_db()
    assert item.status == ReviewStatus.PENDING and item.claimed_by is None
    assert held.visibility == "pending" and not held.is_deleted
    assert AuditEntry.objects.count() == audit_before


def test_the_same_moderator_acts_once_totp_is_set_up(client, moderator_factory, user_factory, topic):
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.conftest import TOTP_SECRET

    held = Post.objects.create(topic=topic, author=user_factory(), body=CLAIM_WITHOUT_SOURCE, body_html="<p>x</p>", visibility="pending")
    item = ReviewItem.objects.create(post=held, reason="detector")
    moderator = moderator_factory(totp=False)
    TOTP.activate(moderator, TOTP_SECRET)
    client.force_login(moderator)
    assert client.post(f"/moderation/item/{item.pk}/decide/", {"decision": "approve", "note": "", "revision": held.revision}).status_code == 302
    item.refresh_from_db()
    assert item.status == ReviewStatus.APPROVED


def test_an_admin_without_totp_cannot_open_the_admin(client, admin_factory):
    admin = admin_factory(totp=False)
    client.force_login(admin)
    for url in ("/admin/", "/admin/forum/post/", "/admin/moderation/healthterm/add/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/totp/activate/"), url
    response = client.post("/admin/moderation/healthterm/add/", {"phrase": "nieuwterm", "kind": "condition", "weight": "1"})
    assert response.status_code == 302
    from moderation.models import HealthTerm

    assert not HealthTerm.objects.filter(phrase="nieuwterm").exists()


def test_an_admin_with_totp_opens_the_admin(client, admin_factory):
    admin = admin_factory()
    assert Authenticator.objects.filter(user=admin, type="totp").exists()
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200


def test_the_admin_login_form_goes_through_allauth_so_the_code_is_asked(client, admin_factory):
    admin = admin_factory()
    response = client.get("/admin/")
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.post("/admin/login/", {"username": admin.username, "password": PASSWORD, "next": "/admin/"})
    assert not logged_in(client), "the admin's own form must not log in without the second factor"


def test_members_cannot_open_the_admin(client, member):
    client.force_login(member)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert client.get("/admin/forum/post/").status_code in (302, 403)
