"""Issue 14 against a running server: one gunicorn with two workers on PostgreSQL, driven over HTTP.

Each test tries one way around the moderators (or one way a decision could be overturned) as a
member or moderator would with a browser, and checks what an anonymous reader then sees. The
service and view tests prove the rules; these prove nothing in the deployed stack (two processes,
sessions in the database, caches in Redis) lets them be bypassed.
"""

import re
import threading

import pytest
from django.contrib.auth import get_user_model

from forum import services
from forum.models import NotificationKind, Post, Topic
from moderation.models import AuditEntry, ReviewItem, ReviewStatus
from tests.conftest import CLAIM_WITH_PUBMED, CLAIM_WITHOUT_SOURCE, PASSWORD, TOTP_SECRET
from tests.scaleout.harness import Browser, Server, server_environment, started, use_servers_redis

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.real_password_hasher]

ADDED = "En het werkt bij iedereen, zonder uitzondering."


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the HTTP reproduction runs on PostgreSQL only (set DATABASE_URL)")
    env = server_environment(connection.settings_dict)
    yield from (pair[0] for pair in started([Server("two-workers", env, tmp_path_factory.mktemp("http"), workers=2)]))


@pytest.fixture(autouse=True)
def redis_cache(settings):
    use_servers_redis(settings)


@pytest.fixture
def health_topic(topic_factory, health_category):
    return topic_factory(category=health_category)


def member_browser(server, user, address="127.0.0.1"):
    browser = Browser(address=address)
    browser.log_in(server, user.username, PASSWORD)
    return browser


def moderator_browser(server, user):
    browser = Browser()
    browser.log_in(server, user.username, PASSWORD, totp_secret=TOTP_SECRET)
    return browser


def anonymous_page(server, topic):
    status, _location, page = Browser(address="127.0.0.250").request(server, "GET", Topic.objects.get(pk=topic.pk).get_absolute_url())
    assert status == 200, f"the topic answered {status}:\n{server.log_tail()}"
    return page


def post_answer(server, browser, topic, body):
    topic_page = Topic.objects.get(pk=topic.pk).get_absolute_url()
    status, _location, _page = browser.post_form(server, f"/t/{topic.pk}/answer/", {"body": body}, form_page=topic_page)
    assert status == 302, f"posting the answer answered {status}:\n{server.log_tail()}"
    return Post.objects.filter(topic=topic, is_question=False).latest("pk")


def edit_answer(server, browser, post, body):
    status, _location, _page = browser.post_form(server, f"/p/{post.pk}/edit/", {"body": body})
    assert status == 302, f"the edit answered {status}:\n{server.log_tail()}"


def revision_on_item_page(server, moderator, item):
    status, _location, page = moderator.request(server, "GET", f"/moderation/item/{item.pk}/")
    assert status == 200, f"the item page answered {status}"
    return int(re.search(r'name="revision" value="(\d+)"', page).group(1))


def _post_decision(server, moderator, item, decision, revision, note):
    return moderator.post_form(server, f"/moderation/item/{item.pk}/decide/",
                               {"decision": decision, "revision": revision, "note": note}, form_page=f"/moderation/item/{item.pk}/")


def test_approving_text_changed_after_the_moderator_opened_it_is_refused(server, user_factory, moderator, health_topic):
    author = member_browser(server, user_factory())
    held = post_answer(server, author, health_topic, CLAIM_WITHOUT_SOURCE)
    assert "Psilocybine" not in anonymous_page(server, health_topic)
    item = ReviewItem.objects.get(post=held)
    mod = moderator_browser(server, moderator)
    seen = revision_on_item_page(server, mod, item)

    edit_answer(server, author, held, CLAIM_WITHOUT_SOURCE + "\n\n" + ADDED)
    status, _location, page = _post_decision(server, mod, item, "approve", seen, "")

    assert status == 409 and ADDED in page, "the approval of an older revision was not refused with the changes"
    assert "Psilocybine" not in anonymous_page(server, health_topic)
    assert ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.PENDING


def test_an_edit_of_a_rejected_answer_goes_back_to_the_queue_even_with_a_source(server, user_factory, moderator, health_topic):
    author = member_browser(server, user_factory())
    held = post_answer(server, author, health_topic, CLAIM_WITHOUT_SOURCE)
    item = ReviewItem.objects.get(post=held)
    mod = moderator_browser(server, moderator)
    status, _location, _page = _post_decision(server, mod, item, "reject", revision_on_item_page(server, mod, item), "Geen bron.")
    assert status == 302

    edit_answer(server, author, held, CLAIM_WITH_PUBMED)  # the policy alone would publish this text

    assert "Psilocybine" not in anonymous_page(server, health_topic)
    pending = ReviewItem.objects.get(post=held, status=ReviewStatus.PENDING)
    assert pending.base_revision is not None, "the resubmission does not point at the rejected revision"


def test_the_moderator_note_goes_with_an_edit_of_the_approved_text(server, user_factory, moderator, health_topic):
    author = member_browser(server, user_factory())
    held = post_answer(server, author, health_topic, CLAIM_WITHOUT_SOURCE)
    item = ReviewItem.objects.get(post=held)
    mod = moderator_browser(server, moderator)
    status, _location, _page = _post_decision(server, mod, item, "approve", revision_on_item_page(server, mod, item), "Nagekeken bij de bron.")
    assert status == 302
    assert "Nagekeken bij de bron." in anonymous_page(server, health_topic)

    edit_answer(server, author, held, "Ik heb er zelf baat bij gehad, meer durf ik niet te zeggen.")

    page = anonymous_page(server, health_topic)
    assert "meer durf ik niet te zeggen" in page
    assert "Nagekeken bij de bron." not in page, "a moderator's note still vouches for text nobody checked"


def test_undo_restores_the_hold_and_withdraws_the_notice(server, user_factory, moderator, health_topic):
    writer = user_factory()
    author = member_browser(server, writer)
    held = post_answer(server, author, health_topic, CLAIM_WITHOUT_SOURCE)
    item = ReviewItem.objects.get(post=held)
    mod = moderator_browser(server, moderator)
    revision = revision_on_item_page(server, mod, item)
    assert _post_decision(server, mod, item, "approve", revision, "")[0] == 302
    assert "Psilocybine" in anonymous_page(server, health_topic)

    assert _post_decision(server, mod, item, "undo", revision, "")[0] == 302

    assert "Psilocybine" not in anonymous_page(server, health_topic)
    assert AuditEntry.objects.filter(post=held, action="decision_undone", actor=moderator).count() == 1
    approval = writer.notifications.get(kind=NotificationKind.POST_APPROVED)
    assert approval.withdrawn_at is not None, "the approval notice still stands"
    assert writer.notifications.filter(kind=NotificationKind.DECISION_WITHDRAWN).exists()


def test_two_moderators_deciding_at_once_on_both_workers_leave_one_decision(server, user_factory, moderator_factory, health_topic):
    author = member_browser(server, user_factory())
    held = post_answer(server, author, health_topic, CLAIM_WITHOUT_SOURCE)
    item = ReviewItem.objects.get(post=held)
    first, second = (moderator_browser(server, moderator_factory()) for _ in range(2))
    revision = revision_on_item_page(server, first, item)
    revision_on_item_page(server, second, item)
    barrier, results = threading.Barrier(2), {}

    def act(name, browser, decision, note):
        token = browser.csrf_token(server, f"/moderation/item/{item.pk}/")
        barrier.wait()
        results[name] = browser.request(server, "POST", f"/moderation/item/{item.pk}/decide/",
                                        {"csrfmiddlewaretoken": token, "decision": decision, "revision": revision, "note": note})[0]

    threads = [threading.Thread(target=act, args=("approve", first, "approve", "")),
               threading.Thread(target=act, args=("reject", second, "reject", "Geen bron."))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert all(status < 500 for status in results.values()), (results, server.log_tail())
    decisions = AuditEntry.objects.filter(post=held, action__in=["approved", "rejected"])
    assert decisions.count() == 1, f"both decisions were applied: {list(decisions.values_list('action', flat=True))}"
    status = ReviewItem.objects.get(pk=item.pk).status
    visible = "Psilocybine" in anonymous_page(server, health_topic)
    assert visible == (status == ReviewStatus.APPROVED), "what readers see disagrees with the decision that stood"


def test_a_moderator_cannot_approve_their_own_held_answer(server, moderator, health_topic):
    mod = moderator_browser(server, moderator)
    own = post_answer(server, mod, health_topic, CLAIM_WITHOUT_SOURCE)
    item = ReviewItem.objects.get(post=own)

    status, _location, _page = _post_decision(server, mod, item, "approve", own.revision, "")

    assert status in (302, 403)
    assert ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.PENDING
    assert "Psilocybine" not in anonymous_page(server, health_topic)


def test_a_moderator_without_two_factor_cannot_decide(server, user_factory, moderator_factory, health_topic):
    held = services.answer_post(actor=user_factory(), topic=health_topic, body=CLAIM_WITHOUT_SOURCE)
    item = ReviewItem.objects.get(post=held)
    lacking = member_browser(server, moderator_factory(totp=False))
    status, _location, page = lacking.request(server, "GET", f"/moderation/item/{item.pk}/")
    assert status != 200 or 'name="revision"' not in page, "the decision form is offered without two-factor"

    status, _location, _page = lacking.post_form(server, f"/moderation/item/{item.pk}/decide/",
                                                 {"decision": "approve", "revision": held.revision},
                                                 form_page=health_topic.get_absolute_url())

    assert status in (302, 403) and ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.PENDING
    assert "Psilocybine" not in anonymous_page(server, health_topic)


def test_self_flags_and_flags_from_new_accounts_do_not_hide_an_answer(server, user_factory, topic):
    writer = user_factory()
    answer = services.answer_post(actor=writer, topic=topic, body="Een vast slaapritme hielp mij echt.")
    own = member_browser(server, writer)
    status, _location, _page = own.post_form(server, f"/moderation/flag/{answer.pk}/", {"reason": "spam"})
    assert status in (302, 400, 403)
    for n in range(5):
        fresh = member_browser(server, user_factory(), address=f"127.0.0.{20 + n}")
        fresh.post_form(server, f"/moderation/flag/{answer.pk}/", {"reason": "spam"})

    assert "Een vast slaapritme hielp mij echt." in anonymous_page(server, topic)


def test_a_stranger_failing_a_members_password_does_not_lock_them_out(server, member):
    stranger = Browser(address="127.0.0.66")
    for _ in range(7):
        stranger.post_form(server, "/accounts/login/", {"login": member.username, "password": "not-their-password"})

    member_browser(server, member, address="127.0.0.1")  # logs in at once from the member's own address


def test_a_starter_cannot_delete_a_question_others_answered(server, user_factory, topic_factory):
    starter = user_factory()
    topic = topic_factory(author=starter)
    services.answer_post(actor=user_factory(), topic=topic, body="Een vast ritme hielp mij.")
    question = topic.posts.get(is_question=True)
    browser = member_browser(server, starter)
    status, _location, _page = browser.post_form(server, f"/p/{question.pk}/delete/", {"confirm": "yes"})

    assert status == 400
    assert "Een vast ritme hielp mij." in anonymous_page(server, topic)
    status, _location, _page = browser.request(server, "GET", Topic.objects.get(pk=topic.pk).get_absolute_url())
    assert status == 200


def test_a_look_alike_moderator_name_and_a_fake_solved_title_are_refused(server, category):
    visitor = Browser(address="127.0.0.77")
    status, _location, page = visitor.post_form(server, "/accounts/signup/", {
        "email": "nep@example.org", "username": "m\u043ederator", "password1": PASSWORD, "password2": PASSWORD,
        "accept_privacy": "on", "accept_health_data": "on",
    })
    assert status == 200 and not get_user_model().objects.filter(email="nep@example.org").exists()


def test_a_title_cannot_fake_the_solved_marker(server, member, category):
    browser = member_browser(server, member)
    status, _location, page = browser.post_form(server, "/new/", {
        "category": category.pk, "title": "[Opgelost] Helpt magnesium bij slecht slapen?", "body": "Wie heeft ervaring?",
    })
    assert status == 200, "a title with a fake solved marker was accepted"
    assert "Helpt magnesium bij slecht slapen?" in page, "the refused form lost what was typed"
    assert not Topic.objects.filter(title__icontains="magnesium").exists()
