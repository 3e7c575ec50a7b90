"""The main journeys, clicked and typed in Chromium as a person would."""

import re

import pytest
from django.utils import translation

pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402

from forum.models import Topic  # noqa: E402
from tests.conftest import CLAIM_WITH_PUBMED, CLAIM_WITHOUT_SOURCE  # noqa: E402
from tests.e2e.steps import answer_on, assert_same_document, log_in, log_in_moderator, mark_document, solved_marker  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_PASSWORD = "een-lang-wachtwoord-77"


def test_visitor_signs_up_confirms_the_email_logs_in_and_asks_a_question(open_page, mailoutbox, health_category):
    page = open_page()
    page.goto("/")
    page.locator(".header-nav a[href='/accounts/signup/']").click()
    page.locator("#id_email").fill("nieuw@example.org")
    page.locator("#id_username").fill("nieuw")
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    page.locator("#id_accept_privacy").check()
    page.locator("#id_accept_health_data").check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))

    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mailoutbox[0].body).group(0)
    page.goto(link)
    page.locator("main form button[type=submit]").click()
    page.locator(".header-nav form[action='/accounts/logout/'] button").click()
    expect(page.locator(".header-nav a[href='/accounts/login/']")).to_be_visible()

    log_in(page, "nieuw", password=NEW_PASSWORD)
    page.locator("main .category-card a", has_text=health_category.name).click()
    page.locator(f"main a.button[href='/c/{health_category.slug}/new/']").click()
    expect(page.locator("#id_category")).to_have_value(str(health_category.pk))
    page.locator("#id_title").fill("Hoe kom ik de dag door met een burn-out?")
    page.locator("#id_body").fill("Ik ben snel moe en zoek ervaringen van anderen.")
    page.locator("main form button[type=submit]").click()

    expect(page.locator("h1.topic-heading")).to_have_text("Hoe kom ik de dag door met een burn-out?")
    topic = Topic.objects.get(author__username="nieuw")
    expect(page).to_have_url(re.compile(rf"/t/{topic.pk}/"))
    assert topic.category == health_category and topic.is_public


def test_answer_with_a_claim_is_held_until_its_author_adds_a_pubmed_link(open_page, user_factory, topic_factory, health_category):
    topic = topic_factory(category=health_category)
    page = open_page()
    log_in(page, user_factory().username)
    page.goto(topic.get_absolute_url())
    page.locator("#id_body").fill(CLAIM_WITHOUT_SOURCE)
    page.locator("#answer form button[type=submit]").click()

    answer = page.locator("article.post:not(.question)", has_text="Psilocybine")
    expect(answer.locator(".banner.held")).to_be_visible()
    expect(answer.locator(".banner.held mark").first).to_be_visible()
    visitor = open_page()
    visitor.goto(topic.get_absolute_url())
    expect(visitor.locator("main")).not_to_contain_text("Psilocybine")

    answer.locator("a[href$='/edit/']").click()
    expect(page.locator("#id_body")).to_have_value(CLAIM_WITHOUT_SOURCE)
    page.locator("#id_body").fill(CLAIM_WITH_PUBMED)
    page.locator("main form button[type=submit]").click()

    expect(answer).to_be_visible()
    expect(answer.locator(".banner.held")).to_have_count(0)
    expect(answer.locator(".checked-label")).to_be_visible()
    visitor.reload()
    expect(visitor.locator("article.post:not(.question)", has_text="Psilocybine")).to_contain_text("pubmed.ncbi.nlm.nih.gov/36165990")


def test_moderator_approves_a_held_answer_with_a_note_and_the_author_is_told(open_page, user_factory, moderator, topic_factory, health_category):
    topic = topic_factory(category=health_category)
    author = user_factory()
    page = open_page()
    log_in(page, author.username)
    page.goto(topic.get_absolute_url())
    page.locator("#id_body").fill(CLAIM_WITHOUT_SOURCE)
    page.locator("#answer form button[type=submit]").click()
    expect(page.locator("article.post .banner.held")).to_be_visible()

    mod = open_page()
    log_in_moderator(mod, moderator)
    mod.locator(".header-nav a[href='/moderation/']").click()
    item = mod.locator(".queue-item", has_text=author.username)
    expect(item.locator("mark").first).to_be_visible()
    item.locator(f"a:has-text('{topic.title}')").click()
    mod.locator("#id_decision").select_option("approve")
    mod.locator("#id_note").fill("Eén kleine studie; bespreek dit met je huisarts.")
    mod.locator("main form.decision-form button[type=submit]").click()
    expect(mod).to_have_url(re.compile(r"/moderation/$"))
    expect(mod.locator(".queue .empty")).to_be_visible()

    page.reload()
    # Two notices: the answer was held for a moderator, then approved.
    expect(page.locator(".header-nav .bell .badge")).to_have_text("2")
    answer = page.locator("article.post:not(.question)", has_text="Psilocybine")
    expect(answer.locator(".banner.held")).to_have_count(0)
    expect(answer.locator(".checked-label.note")).to_contain_text("Eén kleine studie; bespreek dit met je huisarts.")
    page.locator(".header-nav .bell").click()
    expect(page.locator(".notification.unread")).to_have_count(2)
    page.locator(".notification.unread button").first.click()
    expect(page).to_have_url(re.compile(rf"/t/{topic.pk}/"))
    expect(page.locator(".header-nav .bell .badge")).to_have_text("1")


def test_votes_and_reactions_update_in_place_and_stay_after_a_reload(open_page, user_factory, topic, answer_factory):
    answer = answer_factory(topic=topic)
    for expected, voter in enumerate((user_factory(), user_factory()), start=1):
        page = open_page()
        log_in(page, voter.username)
        page.goto(topic.get_absolute_url())
        post = answer_on(page, answer)
        mark_document(page)
        post.locator("button.vote-up").click()
        expect(post.locator("[data-score]")).to_have_text(str(expected))
        expect(post.locator("button.vote-up")).to_have_attribute("aria-pressed", "true")
        heart = post.locator("button.reaction[value='heart']")
        heart.click()
        expect(heart.locator("[data-count]")).to_have_text(str(expected))
        expect(heart).to_have_attribute("aria-pressed", "true")
        assert_same_document(page)

        page.reload()
        expect(post.locator("[data-score]")).to_have_text(str(expected))
        expect(post.locator("button.vote-up")).to_have_attribute("aria-pressed", "true")
        expect(heart.locator("[data-count]")).to_have_text(str(expected))
        expect(heart).to_have_attribute("aria-pressed", "true")


def test_starter_proposes_a_solution_and_a_moderator_signs_off(open_page, user_factory, moderator, topic_factory, answer_factory):
    starter = user_factory()
    topic = topic_factory(author=starter)
    first = answer_factory(topic=topic)
    solving = answer_factory(topic=topic, body="Wat mij hielp: elke ochtend een vaste korte wandeling.")
    page = open_page()
    log_in(page, starter.username)
    page.goto(topic.get_absolute_url())
    answer_on(page, solving).locator("form[action$='/propose/'] button").click()
    expect(page.locator(f"main .banner.info a[href='#post-{solving.pk}']")).to_be_visible()

    mod = open_page()
    log_in_moderator(mod, moderator)
    mod.goto("/moderation/")
    mod.locator(".tabs a[href='/moderation/solutions/']").click()
    mod.locator(".queue-item a", has_text=topic.title).click()
    mod.locator("#id_decision").select_option("sign_off")
    mod.locator("main form.decision-form button[type=submit]").click()
    expect(mod.locator(".queue .empty")).to_be_visible()

    page.reload()
    expect(page.locator("h1.topic-heading")).to_contain_text(solved_marker())
    expect(page).to_have_title(re.compile(re.escape(solved_marker())))
    answers = page.locator("article.post:not(.question)")
    expect(answers.first).to_have_attribute("id", f"post-{solving.pk}")
    expect(answers.first).to_have_class(re.compile(r"\baccepted\b"))
    expect(answers.nth(1)).to_have_attribute("id", f"post-{first.pk}")


def test_bell_counts_unread_notifications_and_clear_all_empties_it(open_page, user_factory, topic_factory, answer_factory):
    starter = user_factory()
    topic = topic_factory(author=starter)
    answer_factory(topic=topic)
    answer_factory(topic=topic, body="Ik plan elke dag een rustmoment na de lunch.")
    page = open_page()
    log_in(page, starter.username)
    bell = page.locator(".header-nav .bell")
    expect(bell.locator(".badge")).to_have_text("2")
    expect(bell).to_have_attribute("aria-label", re.compile(r"\b2\b"))
    bell.click()
    expect(page.locator(".notification-list .notification.unread")).to_have_count(2)
    page.locator("main form[action='/notifications/clear/'] button").click()
    expect(page.locator(".notification-list .empty")).to_be_visible()
    expect(bell.locator(".badge")).to_have_count(0)
    expect(bell).to_have_attribute("aria-label", re.compile(r"\b0\b"))


def test_language_switch_turns_the_page_into_english_and_back(open_page, category):
    with translation.override("nl"):
        unanswered_nl = translation.gettext("Unanswered")
    page = open_page()
    page.goto(category.get_absolute_url())
    unanswered = page.locator("nav.filters a[href='?filter=unanswered']")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(unanswered).to_have_text(unanswered_nl)

    page.locator(".language-switch button[value='en']").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(rf"/c/{category.slug}/$"))
    expect(unanswered).to_have_text("Unanswered")
    page.locator(".brand").click()
    expect(page.locator("h1")).to_have_text("Ask, answer, and check the sources")

    page.locator(".language-switch button[value='nl']").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.goto(category.get_absolute_url())
    expect(unanswered).to_have_text(unanswered_nl)


def test_member_without_moderator_rights_is_refused_the_queue(open_page, member):
    page = open_page()
    log_in(page, member.username)
    expect(page.locator(".header-nav a[href='/moderation/']")).to_have_count(0)
    response = page.goto("/moderation/")
    assert response.status == 403
    expect(page.locator(".queue")).to_have_count(0)

