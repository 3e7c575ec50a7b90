"""The conversation in the browser: a member who answered earlier hears of the next answer and lands on it;
a member mentions another with the editor's autocomplete and the mentioned member is notified."""

import re

import pytest

pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402

from forum import services  # noqa: E402
from forum.models import Notification, NotificationKind, Post  # noqa: E402
from tests.e2e.steps import log_in  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_member_who_answered_earlier_is_notified_of_a_new_answer_and_lands_on_it(open_page, user_factory, topic_factory):
    topic = topic_factory(title="Hoe houd ik mijn energie vast in de middag?")
    earlier = user_factory("earlier")
    services.answer_post(actor=earlier, topic=topic, body="Een korte wandeling na de lunch helpt mij.")
    newer = services.answer_post(actor=user_factory("joost"), topic=topic, body="Bij mij werkt een vaste rustpauze om drie uur.")

    page = open_page()
    log_in(page, earlier.username)
    bell = page.locator(".header-nav a.bell")
    expect(bell.locator("[data-unread-count]")).to_have_text("1")
    bell.click()
    notice = page.locator(".notification-list li.unread").first
    expect(notice).to_contain_text("joost")
    expect(notice).to_contain_text("Hoe houd ik mijn energie vast in de middag?")
    expect(notice).to_contain_text("vaste rustpauze om drie uur")
    notice.locator("button").click()

    expect(page).to_have_url(re.compile(rf"/t/{topic.pk}/.*#post-{newer.pk}$"))
    target = page.locator(f"#post-{newer.pk}")
    expect(target).to_be_visible()
    expect(target).to_contain_text("vaste rustpauze")
    expect(page.locator(".header-nav [data-unread-count]")).to_have_count(0)
    assert Notification.objects.get(recipient=earlier, post=newer).is_read


def test_a_member_mentions_another_with_the_autocomplete_and_the_mentioned_member_is_notified(open_page, user_factory, topic):
    fatima = user_factory("fatima")
    user_factory("fabian")
    writer = user_factory("writer")

    page = open_page()
    log_in(page, writer.username)
    page.goto(topic.get_absolute_url())
    editor = page.locator("#id_body")
    editor.click()
    editor.press_sequentially("Wat denk jij, @fat")
    options = page.locator("[role=listbox] [role=option]")
    expect(options).to_have_count(1)
    expect(options.first).to_have_text("@fatima")
    expect(editor).to_have_attribute("aria-expanded", "true")
    expect(options.first).to_have_attribute("aria-selected", "true")
    editor.press("Enter")
    expect(editor).to_have_value("Wat denk jij, @fatima ")
    expect(editor).to_have_attribute("aria-expanded", "false")
    editor.press_sequentially("? Jij hebt dit ook gehad.")
    page.locator("#answer form button[type=submit]").click()

    answer = Post.objects.get(author=writer)
    expect(page.locator(f"#post-{answer.pk} a[href='/u/fatima/']")).to_have_text("@fatima")
    note = Notification.objects.get(recipient=fatima, post=answer)
    assert note.kind == NotificationKind.MENTION

    other = open_page()
    log_in(other, fatima.username)
    other.locator(".header-nav a.bell").click()
    expect(other.locator(".notification-list li.unread").first).to_contain_text("writer")


def test_quoting_a_selection_puts_a_blockquote_with_author_and_link_in_the_editor(open_page, user_factory, topic):
    original = services.answer_post(actor=user_factory("joost"), topic=topic, body="Magnesium hielp mij niet. Een vast ritme wel.")
    page = open_page()
    log_in(page, user_factory("quoter").username)
    page.goto(topic.get_absolute_url())
    body = page.locator(f"#post-{original.pk} .post-body p")
    body.evaluate("""paragraph => {
        const text = paragraph.firstChild, range = document.createRange();
        range.setStart(text, 0); range.setEnd(text, "Magnesium hielp mij niet.".length);
        const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
    }""")
    page.locator(f"#post-{original.pk} [data-quote]").click()
    editor = page.locator("#id_body")
    expect(editor).to_be_focused()
    expect(editor).to_have_value(f"> **joost** [schreef](/p/{original.pk}/):\n>\n> Magnesium hielp mij niet.\n\n")
    editor.press("End")
    editor.press_sequentially("Bij mij ook niet.")
    page.locator("#answer form button[type=submit]").click()
    reply = Post.objects.get(author__username="quoter")
    expect(page.locator(f"#post-{reply.pk} blockquote")).to_contain_text("Magnesium hielp mij niet.")
    assert Notification.objects.get(recipient=original.author, post=reply).kind == NotificationKind.QUOTE
