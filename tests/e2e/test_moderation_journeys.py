"""Issue 14 in the browser: decisions bound to the revision seen, rejections that stick, and a
withdrawn question that keeps its answers."""

import re

import pytest

pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402

from forum import services  # noqa: E402
from tests.conftest import CLAIM_WITH_PUBMED, CLAIM_WITHOUT_SOURCE  # noqa: E402
from tests.e2e.steps import log_in, log_in_moderator  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ADDED = "En het werkt bij iedereen, zonder uitzondering."


def post_held_answer(page, author, topic):
    log_in(page, author.username)
    page.goto(topic.get_absolute_url())
    page.locator("#id_body").fill(CLAIM_WITHOUT_SOURCE)
    page.locator("#answer form button[type=submit]").click()
    held = page.locator("article.post:not(.question)", has_text="Psilocybine")
    expect(held.locator(".banner.held")).to_be_visible()
    return held


def edit_answer(page, held, body):
    held.locator("a[href$='/edit/']").click()
    page.locator("#id_body").fill(body)
    page.locator("main form button[type=submit]").click()


def open_item(mod, moderator, topic, author):
    log_in_moderator(mod, moderator)
    mod.goto("/moderation/")
    mod.locator(".queue-item", has_text=author.username).locator(f"a:has-text('{topic.title}')").click()
    expect(mod).to_have_url(re.compile(r"/moderation/item/\d+/$"))


def test_approving_text_the_author_changed_after_the_moderator_opened_it_is_refused_with_the_changes(
    open_page, user_factory, moderator, topic_factory, health_category
):
    topic = topic_factory(category=health_category)
    author = user_factory()
    page = open_page()
    held = post_held_answer(page, author, topic)

    mod = open_page()
    open_item(mod, moderator, topic, author)
    expect(mod.locator("main")).to_contain_text("Versie 1 van dit bericht")

    edit_answer(page, held, CLAIM_WITHOUT_SOURCE + "\n\n" + ADDED)

    mod.locator("#id_decision").select_option("approve")
    mod.locator("main form.decision-form button[type=submit]").click()
    expect(mod.locator(".messages")).to_contain_text("gewijzigd nadat je het opende")
    expect(mod.locator(".diff-added", has_text=ADDED)).to_be_visible()
    visitor = open_page()
    visitor.goto(topic.get_absolute_url())
    expect(visitor.locator("main")).not_to_contain_text("Psilocybine")

    mod.locator("#id_decision").select_option("approve")
    mod.locator("main form.decision-form button[type=submit]").click()
    expect(mod).to_have_url(re.compile(r"/moderation/$"))
    visitor.reload()
    expect(visitor.locator("main")).to_contain_text(ADDED)


def test_an_edit_that_adds_a_source_to_a_rejected_answer_goes_back_to_the_queue(
    open_page, user_factory, moderator, topic_factory, health_category
):
    topic = topic_factory(category=health_category)
    author = user_factory()
    page = open_page()
    held = post_held_answer(page, author, topic)

    mod = open_page()
    open_item(mod, moderator, topic, author)
    mod.locator("#id_decision").select_option("reject")
    mod.locator("#id_note").fill("Gevaarlijk advies, dit publiceren we niet.")
    mod.locator("main form.decision-form button[type=submit]").click()
    expect(mod).to_have_url(re.compile(r"/moderation/$"))

    page.reload()
    expect(held.locator(".banner.rejected")).to_be_visible()
    edit_answer(page, held, CLAIM_WITH_PUBMED)
    expect(held.locator(".banner.held")).to_be_visible()
    visitor = open_page()
    visitor.goto(topic.get_absolute_url())
    expect(visitor.locator("main")).not_to_contain_text("Psilocybine")

    mod.goto("/moderation/")
    item = mod.locator(".queue-item", has_text=author.username)
    expect(item).to_contain_text("Opnieuw ingediend na afwijzing")
    item.locator(f"a:has-text('{topic.title}')").click()
    expect(mod.locator(".changes")).to_contain_text("Wijzigingen sinds de afgewezen versie")
    expect(mod.locator(".diff-added", has_text="pubmed.ncbi.nlm.nih.gov/36165990")).to_be_visible()


def test_a_starter_who_withdraws_their_question_leaves_the_answers_standing(open_page, user_factory, category):
    starter, helper = user_factory(), user_factory()
    topic = services.topic_create(actor=starter, category=category, title="Wie weet raad met slapen?",
                                  body="Mijn hele persoonlijke verhaal over slecht slapen.")
    services.answer_post(actor=helper, topic=topic, body="Een vast ritme hielp mij echt.")
    page = open_page()
    log_in(page, starter.username)
    page.goto(topic.get_absolute_url())
    page.locator("article.post.question a[href$='/delete/']").click()
    expect(page.locator("h1")).to_have_text("Trek je vraag in?")
    page.locator("main form button[type=submit]").click()

    expect(page.locator(".messages")).to_contain_text("Je vraag is ingetrokken")
    question = page.locator("article.post.question")
    expect(question).to_contain_text("Verwijderd door de schrijver.")
    expect(question).not_to_contain_text("persoonlijke verhaal")
    visitor = open_page()
    visitor.goto(topic.get_absolute_url())
    expect(visitor.locator("article.post:not(.question)")).to_contain_text("Een vast ritme hielp mij echt.")
    expect(visitor.locator("main")).not_to_contain_text("persoonlijke verhaal")
