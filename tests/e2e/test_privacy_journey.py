"""The privacy journey, clicked as a person would: consent at sign-up, export, close the account."""

import io
import json
import re
import zipfile

import pytest

pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402

from forum.models import Topic, User  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "een-lang-wachtwoord-77"


def test_member_signs_up_with_consent_exports_closes_the_account_and_the_posts_stay_under_a_former_member_name(
    open_page, mailoutbox, health_category
):
    page = open_page()
    page.goto("/accounts/signup/")
    expect(page.locator("main a[href='/huisregels/']")).to_be_visible()
    page.locator("#id_email").fill("anna@example.org")
    page.locator("#id_username").fill("anna")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    expect(page.locator("#id_accept_privacy")).not_to_be_checked()
    expect(page.locator("#id_accept_health_data")).not_to_be_checked()
    page.locator("#id_accept_privacy").check()
    page.locator("#id_accept_health_data").check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mailoutbox[0].body).group(0)
    page.goto(link)
    page.locator("main form button[type=submit]").click()
    member = User.objects.get(username="anna")
    assert member.consents.get().health_data and member.consent_version == 1

    page.goto(f"/c/{health_category.slug}/new/")
    page.locator("#id_title").fill("Hoe houd ik vol met een slaapprobleem?")
    page.locator("#id_body").fill("Ik slaap al weken slecht en zoek ervaringen.")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1.topic-heading")).to_have_text("Hoe houd ik vol met een slaapprobleem?")
    topic = Topic.objects.get(author=member)

    page.goto("/account/export/")
    with page.expect_download() as download_info:
        page.locator("main form button[type=submit]").click()
    archive = zipfile.ZipFile(io.BytesIO(open(download_info.value.path(), "rb").read()))
    data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == "anna@example.org"
    assert data["posts"][0]["body"] == "Ik slaap al weken slecht en zoek ervaringen."

    page.goto("/account/close/")
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/account/close/$"))
    expect(page.locator("main a[href='/account/export/']")).to_be_visible()
    page.locator("#id_confirm").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".header-nav a[href='/accounts/login/']")).to_be_visible()

    page.goto(topic.get_absolute_url())
    expect(page.locator(f"#post-{topic.posts.get().pk} .author")).to_have_text(f"Voormalig lid {member.pk}")
    expect(page.locator("main")).not_to_contain_text("anna")
    english = open_page(locale="en-GB")
    english.goto(topic.get_absolute_url())
    expect(english.locator(f"#post-{topic.posts.get().pk} .author")).to_have_text(f"Former member {member.pk}")

    page.goto("/accounts/login/")
    page.locator("#id_login").fill("anna")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form.auth-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.locator(".header-nav a[href='/accounts/login/']")).to_be_visible()


def test_existing_member_is_asked_for_consent_on_the_next_login(open_page, user_factory, topic):
    member = user_factory("bram", consent_version=None)
    page = open_page()
    page.goto("/accounts/login/")
    page.locator("#id_login").fill(member.username)
    page.locator("#id_password").fill("correct-horse-battery-9")
    page.locator("main form.auth-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/account/consent/"))
    page.locator("#id_accept_privacy").check()
    page.locator("#id_accept_health_data").check()
    page.locator("main form button[type=submit]").click()
    page.goto(topic.get_absolute_url())
    expect(page.locator("h1.topic-heading")).to_be_visible()
    member.refresh_from_db()
    assert member.consent_version == 1
