"""Issue 18 in the browser: a moderator redacts a sentence with a canned reason and the author sees why;
a moderator warns a member straight from their post and the member reads the warning."""

import re

import pytest

pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402

from forum import services  # noqa: E402
from moderation.models import CannedReason, CannedReasonKind  # noqa: E402
from tests.e2e.steps import answer_on, log_in, log_in_moderator  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE_SENTENCE = "Bel me gerust op 0612345678."
KEPT = "Rust en een vast ritme helpen mij het meest."
CANNED_TEXT = "We hebben je telefoonnummer weggehaald om je privacy te beschermen."


def test_a_moderator_redacts_a_sentence_with_a_canned_reason_and_the_author_sees_the_notice(
    open_page, user_factory, moderator, topic_factory
):
    CannedReason.objects.create(kind=CannedReasonKind.MODERATOR_EDIT, title="Telefoonnummer", text_nl=CANNED_TEXT,
                                text_en="We removed your phone number to protect your privacy.")
    author, reader = user_factory("lotte"), user_factory("joost")
    topic = topic_factory(title="Hoe kom ik beter in slaap na een nachtdienst?")
    answer = services.answer_post(actor=author, topic=topic, body=f"{PHONE_SENTENCE} {KEPT}")

    mod = open_page()
    log_in_moderator(mod, moderator)
    mod.goto(topic.get_absolute_url())
    answer_on(mod, answer).get_by_role("link", name="Bewerken als moderator").click()
    expect(mod.locator("h1")).to_have_text("Bewerken als moderator")
    mod.locator("#id_body").fill(KEPT)
    mod.locator("#id_canned").select_option(label="Telefoonnummer")
    expect(mod.locator("#id_reason")).to_have_value(CANNED_TEXT)  # filled by canned.js, still editable
    mod.locator("main form button[type=submit]").click()
    expect(mod.locator(".messages")).to_contain_text("Het bericht is bewerkt")
    expect(answer_on(mod, answer)).not_to_contain_text("0612345678")

    page = open_page()
    log_in(page, author.username)
    page.goto("/notifications/")
    expect(page.locator("main")).to_contain_text(f"Een moderator heeft je bericht in “{topic.title}” bewerkt. Reden: {CANNED_TEXT}")
    page.goto(topic.get_absolute_url())
    mine = answer_on(page, answer)
    expect(mine.locator(".banner.moderator-edit")).to_contain_text("Bewerkt door een moderator.")
    expect(mine.locator(".banner.moderator-edit")).to_contain_text(CANNED_TEXT)
    expect(mine).to_contain_text(KEPT)
    expect(mine).not_to_contain_text("0612345678")
    mine.get_by_role("link", name="Geschiedenis").click()
    expect(page.locator("main")).to_contain_text("0612345678")  # the original stays in the author's history

    other = open_page()
    log_in(other, reader.username)
    other.goto(topic.get_absolute_url())
    expect(answer_on(other, answer)).to_contain_text(KEPT)
    expect(answer_on(other, answer)).not_to_contain_text(CANNED_TEXT)
    expect(answer_on(other, answer)).not_to_contain_text("0612345678")


def test_a_moderator_warns_a_member_from_their_post_and_the_member_reads_it(open_page, user_factory, moderator, topic):
    author = user_factory("lotte")
    answer = services.answer_post(actor=author, topic=topic, body="Stop gewoon met je pillen, dat deed ik ook.")

    mod = open_page()
    log_in_moderator(mod, moderator)
    mod.goto(topic.get_absolute_url())
    answer_on(mod, answer).get_by_role("link", name="Schrijver waarschuwen of stilzetten").click()
    expect(mod.locator("main")).to_contain_text("Stop gewoon met je pillen")
    mod.locator("#id_kind").select_option("warning")
    mod.locator("main form button[type=submit]").click()
    expect(mod.locator(".form-errors, .error").first).to_contain_text("Geef een reden")
    mod.locator("#id_reason").fill("Raad nooit aan om voorgeschreven medicijnen te stoppen.")
    mod.locator("main form button[type=submit]").click()
    expect(mod).to_have_url(re.compile(rf"{re.escape(topic.get_absolute_url())}"))
    expect(mod.locator(".messages")).to_contain_text("Het lid heeft bericht gekregen")
    mod.goto(f"/moderation/member/{author.username}/")
    expect(mod.locator(".sanctions")).to_contain_text("Raad nooit aan om voorgeschreven medicijnen te stoppen.")

    page = open_page()
    log_in(page, author.username)
    page.goto("/notifications/")
    expect(page.locator("main")).to_contain_text("Een moderator heeft je gewaarschuwd: Raad nooit aan")
