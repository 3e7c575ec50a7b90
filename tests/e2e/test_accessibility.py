"""axe-core on the main pages in light and dark mode, and the keyboard-only paths through voting and the queue."""

import re

import pytest

pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402

from tests.e2e.steps import answer_on, axe_violations, log_in, log_in_as, log_in_moderator, pages_by_viewer, tab_to  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_main_pages_have_no_serious_axe_violations_in_light_or_dark_mode(open_page, axe_js, main_pages):
    found = []
    for viewer, pages in pages_by_viewer(main_pages):
        # axe is injected as an inline script, which the site's CSP rightly forbids: bypass it for this run only.
        page = open_page(bypass_csp=True)
        if viewer:
            log_in_as(page, viewer)
        for name, path in pages:
            page.goto(path)
            for scheme in ("light", "dark"):
                page.emulate_media(color_scheme=scheme)
                found += [f"{name} [{scheme}] {line}" for line in axe_violations(page, axe_js)]
    assert not found, "Serious or critical accessibility violations:\n" + "\n".join(found)


def test_member_votes_and_reacts_with_the_keyboard_only(open_page, member, topic, answer_factory):
    answer = answer_factory(topic=topic)
    page = open_page()
    log_in(page, member.username)
    page.goto(topic.get_absolute_url())
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()

    post = answer_on(page, answer)
    tab_to(page, post.locator("button.vote-up"))
    page.keyboard.press("Enter")
    expect(post.locator("[data-score]")).to_have_text("1")
    expect(post.locator("button.vote-up")).to_have_attribute("aria-pressed", "true")
    thanks = post.locator("button.reaction[value='thanks']")
    tab_to(page, thanks)
    page.keyboard.press("Space")
    expect(thanks.locator("[data-count]")).to_have_text("1")
    expect(thanks).to_have_attribute("aria-pressed", "true")
    page.reload()
    expect(post.locator("[data-score]")).to_have_text("1")
    expect(thanks.locator("[data-count]")).to_have_text("1")


def test_moderator_approves_from_the_queue_with_the_keyboard_only(open_page, moderator, user_factory, health_category, topic_factory, answer_factory):
    from tests.conftest import CLAIM_WITHOUT_SOURCE

    topic = topic_factory(category=health_category)
    held = answer_factory(topic=topic, author=user_factory(), body=CLAIM_WITHOUT_SOURCE)
    page = open_page()
    log_in_moderator(page, moderator)
    page.goto("/moderation/")
    tab_to(page, page.locator(".queue-item a", has_text=topic.title))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/moderation/item/\d+/$"))

    tab_to(page, page.locator("#id_decision"))
    expect(page.locator("#id_decision")).to_have_value("approve")
    tab_to(page, page.locator("#id_note"))  # past the canned-reason choice
    expect(page.locator("#id_note")).to_be_focused()
    page.keyboard.type("Bron gecontroleerd.")
    tab_to(page, page.locator("main form.decision-form button[type=submit]"))
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"/moderation/$"))
    expect(page.locator(".queue .empty")).to_be_visible()
    held.refresh_from_db()
    assert held.is_visible and held.moderator_note == "Bron gecontroleerd."
