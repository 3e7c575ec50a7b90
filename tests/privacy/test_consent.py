"""Sign-up asks two separate consents; a new notice version asks members again; the gate costs no query."""

import pytest
from django.test import RequestFactory

from forum.models import User
from privacy.middleware import ConsentGateMiddleware
from privacy.models import Consent
from privacy.notices import current_notice_version

SIGNUP = {"email": "nieuw@example.org", "username": "nieuw", "password1": "een-lang-wachtwoord-77", "password2": "een-lang-wachtwoord-77"}


def test_sign_up_page_has_two_unticked_consent_boxes_and_links_the_notice_and_house_rules(client, db):
    html = client.get("/accounts/signup/").content.decode()
    for name in ("accept_privacy", "accept_health_data"):
        box = html.split(f'name="{name}"')[0].rsplit("<input", 1)[1] + html.split(f'name="{name}"')[1].split(">", 1)[0]
        assert "checked" not in box and "required" in box
    assert 'href="/privacy/"' in html and 'href="/huisregels/"' in html


def test_sign_up_with_both_consents_stores_them_with_the_notice_version(client, db):
    response = client.post("/accounts/signup/", {**SIGNUP, "accept_privacy": "on", "accept_health_data": "on"})
    assert response.status_code == 302
    user = User.objects.get(username="nieuw")
    consent = Consent.objects.get(user=user)
    assert consent.notice_version == current_notice_version() == user.consent_version == 1
    assert consent.privacy_notice and consent.health_data and consent.given_at


@pytest.mark.parametrize("missing", ["accept_privacy", "accept_health_data"])
def test_sign_up_without_either_consent_is_refused_and_keeps_what_was_typed(client, db, missing):
    data = {**SIGNUP, "accept_privacy": "on", "accept_health_data": "on"}
    del data[missing]
    response = client.post("/accounts/signup/", data, headers={"accept-language": "nl"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Je kunt alleen lid worden" in html and 'value="nieuw@example.org"' in html
    assert not User.objects.filter(username="nieuw").exists()


def test_existing_member_without_consent_is_sent_to_the_consent_page_and_back(client, user_factory, topic):
    member = user_factory(consent_version=None)
    client.force_login(member)
    response = client.get(topic.get_absolute_url())
    assert response.status_code == 302 and response["Location"].startswith("/account/consent/?next=")
    assert client.get("/privacy/").status_code == 200  # the notice itself stays readable
    response = client.post("/account/consent/", {"accept_privacy": "on", "accept_health_data": "on", "next": topic.get_absolute_url()})
    assert response.status_code == 302 and response["Location"] == topic.get_absolute_url()
    assert client.get(topic.get_absolute_url()).status_code == 200
    member.refresh_from_db()
    assert member.consent_version == 1 and member.consents.count() == 1


def test_consent_page_refuses_one_box_only(client, user_factory):
    member = user_factory(consent_version=None)
    client.force_login(member)
    response = client.post("/account/consent/", {"accept_privacy": "on"})
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.consent_version is None and not member.consents.exists()


def test_a_new_notice_version_asks_consented_members_again(client, member, topic, new_notice_version):
    client.force_login(member)
    assert client.get(topic.get_absolute_url()).status_code == 200
    new_notice_version()
    response = client.get(topic.get_absolute_url())
    assert response.status_code == 302 and "/account/consent/" in response["Location"]
    assert "Bewaartermijnen" in client.get(response["Location"], headers={"accept-language": "nl"}).content.decode()


def test_javascript_requests_of_a_member_without_consent_get_a_json_refusal(client, user_factory, topic):
    client.force_login(user_factory(consent_version=None))
    response = client.post(f"/p/{topic.posts.get().pk}/react/", {"kind": "like"}, headers={"x-requested-with": "fetch"})
    assert response.status_code == 403 and "error" in response.json()


def test_the_gate_costs_no_query_for_a_member_who_consented(member, django_assert_num_queries):
    current_notice_version()  # the per-process memo, as after the first request
    request = RequestFactory().get("/t/1/")
    request.user = member
    with django_assert_num_queries(0):
        response = ConsentGateMiddleware(lambda r: "page")(request)
    assert response == "page"


def test_privacy_notice_and_house_rules_in_dutch_and_english(client, db):
    assert "Privacyverklaring" in client.get("/privacy/", headers={"accept-language": "nl"}).content.decode()
    assert "Privacy notice" in client.get("/privacy/", headers={"accept-language": "en"}).content.decode()
    assert "Huisregels" in client.get("/huisregels/", headers={"accept-language": "nl"}).content.decode()
    english = client.get("/house-rules/", headers={"accept-language": "nl"})
    assert "House rules" in english.content.decode() and english["Content-Language"] == "en"


def test_a_published_version_is_read_only_in_admin_and_a_new_one_gets_the_next_number(client, admin_user, new_notice_version):
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.conftest import TOTP_SECRET

    TOTP.activate(admin_user, TOTP_SECRET)
    document = new_notice_version()
    assert document.version == 2
    User.objects.filter(pk=admin_user.pk).update(consent_version=2)
    client.force_login(admin_user)
    html = client.get(f"/admin/privacy/legaldocument/{document.pk}/change/").content.decode()
    assert 'name="text_nl"' not in html and "Nieuwe tekst." in html


def test_first_post_page_links_the_house_rules(client, member, category):
    client.force_login(member)
    assert 'href="/huisregels/"' in client.get("/new/", headers={"accept-language": "nl"}).content.decode()
    assert 'href="/house-rules/"' in client.get("/new/", headers={"accept-language": "en"}).content.decode()
