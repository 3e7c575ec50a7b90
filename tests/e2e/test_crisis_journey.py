"""Issue 16 in the browser: a member writes that they think of ending their life. The post is published
(holding a cry for help does harm); they see the 113 help at once, readers see the help line above the
topic, and moderators find it first in the queue's care lane and mark it followed up."""

import re

import pytest

pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402

from moderation.models import AuditAction, AuditEntry  # noqa: E402
from tests.conftest import CLAIM_WITHOUT_SOURCE  # noqa: E402
from tests.e2e.steps import log_in, log_in_moderator  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CRISIS = "Ik denk er steeds vaker aan om er een eind aan te maken. Ik weet het echt niet meer."


def test_a_member_in_crisis_gets_help_at_once_readers_see_the_help_line_and_moderators_the_care_lane(
    open_page, user_factory, moderator, topic_factory, health_category
):
    topic = topic_factory(title="Hoe hou ik het vol als alles zwaar is?")
    held_elsewhere = topic_factory(category=health_category, title="Werkt psilocybine tegen burn-out?")
    user_factory("joost")
    author = user_factory("lotte")

    page = open_page()
    log_in(page, author.username)
    page.goto(topic.get_absolute_url())
    page.locator("#id_body").fill(CRISIS)
    page.locator("#answer form button[type=submit]").click()
    notice = page.locator(".messages .crisis-help")
    expect(notice).to_contain_text("Je staat er niet alleen voor")
    expect(notice).to_contain_text("Een moderator is op de hoogte")
    expect(notice.locator("a[href='https://www.113.nl']")).to_be_visible()
    expect(notice.locator("a[href='tel:08000113']")).to_be_visible()
    expect(notice.locator("a[href='tel:112']")).to_be_visible()
    # Published, not held: everyone can read it, under the help line.
    expect(page.locator("article.post:not(.question)", has_text="er een eind aan te maken")).not_to_have_class(re.compile(r"\bheld\b"))

    reader = open_page()
    reader.goto(topic.get_absolute_url())
    help_line = reader.locator("main > .crisis-help")
    expect(help_line).to_contain_text("Denk je aan zelfmoord, of maak je je zorgen om iemand?")
    expect(help_line.locator("a[href='tel:08000113']")).to_be_visible()
    expect(reader.locator("main")).to_contain_text("er een eind aan te maken")
    other = open_page()
    other.goto(held_elsewhere.get_absolute_url())
    expect(other.locator(".crisis-help")).to_have_count(0)

    writer = open_page()
    log_in(writer, "joost")
    writer.goto(held_elsewhere.get_absolute_url())
    writer.locator("#id_body").fill(CLAIM_WITHOUT_SOURCE)
    writer.locator("#answer form button[type=submit]").click()
    expect(writer.locator(".banner.held")).to_be_visible()

    mod = open_page()
    log_in_moderator(mod, moderator)
    expect(mod.locator(".header-nav .bell .badge")).to_have_text("1")
    mod.goto("/notifications/")
    expect(mod.locator("main")).to_contain_text(f"Een bericht in “{topic.title}” is misschien een roep om hulp")
    mod.goto("/moderation/")
    lane = mod.locator(".care-lane")
    expect(lane).to_contain_text("Zorg: mogelijke roep om hulp")
    expect(lane).to_contain_text(topic.title)
    expect(lane).to_contain_text("lotte")
    expect(lane.locator("blockquote")).to_contain_text("er een eind aan te maken")
    # The care lane comes before the held posts waiting for a decision.
    assert mod.evaluate(
        "() => { const lane = document.querySelector('.care-lane'), held = document.querySelector('ol.queue:not(.care) .queue-item');"
        " return !!held && !!(lane.compareDocumentPosition(held) & Node.DOCUMENT_POSITION_FOLLOWING); }"
    )
    lane.get_by_label("Notitie voor het logboek (niet verplicht)").fill("Privébericht gestuurd met de hulplijnen.")
    lane.get_by_role("button", name="Markeer als opgevolgd").click()
    expect(mod.locator(".messages")).to_contain_text("Gemarkeerd als opgevolgd.")
    expect(mod.locator(".care-lane")).to_have_count(0)
    entry = AuditEntry.objects.get(action=AuditAction.CARE_FOLLOWED_UP)
    assert entry.actor == moderator and entry.reason == "Privébericht gestuurd met de hulplijnen."

    reader.reload()
    expect(reader.locator("main > .crisis-help")).to_be_visible()  # following up does not take the help away
