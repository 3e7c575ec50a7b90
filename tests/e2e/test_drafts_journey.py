"""Issue 15 in the browser: static/js/drafts.js keeps what a member types in this browser, puts it back
after a reload or a failed submit, and forgets it once the server has saved the post."""

import pytest

pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402

from forum.models import Post, Topic  # noqa: E402
from tests.e2e.steps import log_in  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TYPED = "Wat mij hielp: elke avond om tien uur het scherm uit en een kwartier lezen."
RESTORED = "Je niet-verstuurde tekst is terug: deze browser had hem bewaard."


def answer_form(page):
    return page.locator("#answer form")


def test_an_answer_typed_survives_a_reload_and_a_failed_submit_and_is_forgotten_once_posted(open_page, member, topic):
    page = open_page()
    log_in(page, member.username)
    page.goto(topic.get_absolute_url())
    page.locator("#id_body").fill(TYPED)

    page.reload()
    expect(page.locator("#id_body")).to_have_value(TYPED)
    expect(answer_form(page).locator(".banner.info")).to_have_text(RESTORED)

    # The server (or the proxy in front of it) fails: the answer is not saved and the page is gone.
    page.route("**/answer/", lambda route: route.fulfill(status=502, content_type="text/plain", body="Bad Gateway"))
    answer_form(page).locator("button[type=submit]").click()
    expect(page.locator("body")).to_contain_text("Bad Gateway")
    assert not Post.objects.filter(author=member).exists()
    page.unroute("**/answer/")
    page.goto(topic.get_absolute_url())
    expect(page.locator("#id_body")).to_have_value(TYPED)

    answer_form(page).locator("button[type=submit]").click()
    expect(page.locator("article.post:not(.question)", has_text=TYPED)).to_be_visible()
    expect(page.locator("#id_body")).to_have_value("")
    page.reload()
    expect(page.locator("#id_body")).to_have_value("")
    expect(answer_form(page).locator(".banner.info")).to_have_count(0)
    assert page.evaluate(f"() => localStorage.getItem('forum-draft:answer-{topic.pk}')") is None


def test_each_topic_keeps_its_own_draft(open_page, member, topic_factory):
    first, second = topic_factory(title="Hoe slaap ik beter door?"), topic_factory(title="Hoe plan ik rust in?")
    page = open_page()
    log_in(page, member.username)
    page.goto(first.get_absolute_url())
    page.locator("#id_body").fill(TYPED)
    page.goto(second.get_absolute_url())
    expect(page.locator("#id_body")).to_have_value("")
    page.goto(first.get_absolute_url())
    expect(page.locator("#id_body")).to_have_value(TYPED)


def test_a_new_question_survives_a_lost_connection_and_is_forgotten_once_posted(open_page, member, category):
    page = open_page()
    log_in(page, member.username)
    page.goto(f"/c/{category.slug}/new/")
    page.locator("#id_title").fill("Hoe kom ik de middagdip door zonder koffie?")
    page.locator("#id_body").fill(TYPED)

    page.route("**/new/", lambda route: route.abort() if route.request.method == "POST" else route.continue_())
    try:
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
    except Exception:  # noqa: BLE001 - Chromium shows its own error page for the aborted request
        pass
    page.unroute("**/new/")
    assert not Topic.objects.filter(author=member).exists()
    page.goto(f"/c/{category.slug}/new/")
    expect(page.locator("#id_title")).to_have_value("Hoe kom ik de middagdip door zonder koffie?")
    expect(page.locator("#id_body")).to_have_value(TYPED)

    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1.topic-heading")).to_have_text("Hoe kom ik de middagdip door zonder koffie?")
    page.goto(f"/c/{category.slug}/new/")
    expect(page.locator("#id_title")).to_have_value("")
    expect(page.locator("#id_body")).to_have_value("")
