"""Script injection through every page that shows what a person typed, over HTTP.

A deterministic sample of the corpus (all of it with FORUM_XSS_FULL=1) goes in as topic
titles and questions, answers, moderator notes and rejection reasons, flag explanations,
solution reasons, search queries and usernames; every page that shows them, and every
stored body_html, must be free of executable script. Titles must still be shown, as text.
"""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from forum import services
from forum.models import Post, Topic, Visibility
from moderation.models import ReviewItem, ReviewStatus
from tests.conftest import CLAIM_WITHOUT_SOURCE
from tests.security import xss

pytestmark = pytest.mark.django_db

PAGE_SAMPLE = 200  # FORUM_XSS_FULL=1: the whole corpus
MODERATION_SAMPLE = 400 if xss.FULL_RUN else 40
USERNAME_SAMPLE = None if xss.FULL_RUN else 100


@pytest.fixture(scope="module")
def page_sample():
    return [text for _, text in xss.sample(xss.corpus(), PAGE_SAMPLE, seed=9)]


@pytest.fixture(autouse=True)
def _roomy_pages(settings, no_rate_limits):
    settings.FORUM_ANSWERS_PER_PAGE = 1000
    settings.FORUM_TOPICS_PER_PAGE = 1000
    settings.FORUM_TOPIC_PAGE_CACHE_SECONDS = 0


class Pages:
    """Collects what the checker finds on each page, so one run reports every failure."""

    def __init__(self):
        self.failures = []
        self.checked = 0

    def check(self, response, where):
        assert response.status_code < 500, f"{where}: HTTP {response.status_code}"
        html = response.content.decode()
        self.checked += 1
        findings = xss.script_findings(html, allowed_script_prefix=settings.STATIC_URL)
        if findings:
            self.failures.append((where, findings[:3]))
        return html

    def check_stored(self, html, where):
        findings = xss.script_findings(html)
        if findings:
            self.failures.append((f"stored {where}", findings[:3]))


def title_for(payload):
    title = " ".join(payload.replace("\x00", "").split())[:150]
    return title if len(title) >= 8 else f"Vraag: {title}"


def typed(payload):
    """A note or reason as a form accepts it: at most 500 characters, no NUL (forms refuse NUL, tested elsewhere)."""
    text = payload.replace("\x00", "")[:500]
    return text if text.strip() else "x"


def login(user):
    client = Client()
    client.force_login(user)
    return client


def test_titles_questions_answers_and_notifications_render_without_script(page_sample, user_factory, category):
    asker, answerer = user_factory(), user_factory()
    as_asker, as_answerer, anonymous = login(asker), login(answerer), Client()
    pages = Pages()
    shown_titles = 0
    for n, payload in enumerate(page_sample):
        title = title_for(payload)
        response = as_asker.post("/new/", {"category": category.pk, "title": title, "body": payload})
        if response.status_code != 302:
            pages.check(response, f"#{n} refused topic form")
            continue
        topic = Topic.objects.get(pk=int(re.search(r"/t/(\d+)/", response["Location"]).group(1)))
        answer_response = as_answerer.post(f"/t/{topic.pk}/answer/", {"body": payload})
        if answer_response.status_code != 302:
            pages.check(answer_response, f"#{n} refused answer form")
        for post in Post.objects.filter(topic=topic):
            pages.check_stored(post.body_html, f"#{n} post {post.pk}")
        html = pages.check(as_asker.get(topic.get_absolute_url()), f"#{n} topic page (starter)")
        if " ".join(topic.title.split()) in xss.visible_text(html):
            shown_titles += 1
        pages.check(as_answerer.get(topic.get_absolute_url()), f"#{n} topic page (answerer)")
        pages.check(anonymous.get(topic.get_absolute_url()), f"#{n} topic page (anonymous)")
        pages.check(as_answerer.get(f"/p/{Post.objects.get(topic=topic, is_question=False).pk}/edit/")
                    if answer_response.status_code == 302 else anonymous.get("/"), f"#{n} edit form")
    for client, name in ((anonymous, "anonymous"), (as_asker, "starter")):
        pages.check(client.get(category.get_absolute_url()), f"category page ({name})")
        pages.check(client.get("/"), f"home ({name})")
    pages.check(anonymous.get(reverse("forum:profile", args=[asker.username])), "starter's profile")
    pages.check(anonymous.get(reverse("forum:profile", args=[answerer.username])), "answerer's profile")
    for page in range(1, len(page_sample) // 30 + 2):
        pages.check(as_asker.get(f"/notifications/?page={page}"), f"starter's notifications page {page}")
    print(f"\npages: {len(page_sample)} payloads as titles, questions and answers; {pages.checked} pages checked; "
          f"{len(pages.failures)} with script; {shown_titles} titles shown as text")
    assert pages.failures == []
    assert shown_titles >= len(page_sample) * 0.9


def test_search_echo_and_results_render_without_script(page_sample, user_factory, topic_factory):
    author = user_factory()
    for payload in page_sample[:20]:
        topic_factory(author=author, title=title_for(payload), body=f"zoekwoord {payload}")
    pages = Pages()
    anonymous = Client()
    for n, payload in enumerate(page_sample):
        pages.check(anonymous.get("/search/", {"q": payload}), f"#{n} search for the payload")
        pages.check(anonymous.get("/search/", {"q": f"zoekwoord {payload[:60]}"}), f"#{n} search with results")
    pages.check(anonymous.get("/search/", {"q": "zoekwoord"}), "all results")
    print(f"\nsearch: {len(page_sample)} payloads as queries; {pages.checked} pages checked; {len(pages.failures)} with script")
    assert pages.failures == []


def test_moderator_notes_reasons_and_flags_render_without_script(page_sample, user_factory, topic_factory, moderator):
    starter, writer = user_factory(), user_factory()
    topic = topic_factory(author=starter)
    as_moderator, as_writer, as_starter, anonymous = login(moderator), login(writer), login(starter), Client()
    pages = Pages()
    payloads = page_sample[:MODERATION_SAMPLE]
    for n, payload in enumerate(payloads):
        answer = services.answer_post(actor=writer, topic=topic, body=f"{CLAIM_WITHOUT_SOURCE}\n\n{payload}")
        item = ReviewItem.objects.get(post=answer, status=ReviewStatus.PENDING)
        pages.check(as_moderator.get("/moderation/"), f"#{n} queue")
        pages.check(as_moderator.get(f"/moderation/item/{item.pk}/"), f"#{n} item page")
        decision = "approve" if n % 2 == 0 else "reject"
        note = typed(payload)
        response = as_moderator.post(f"/moderation/item/{item.pk}/decide/", {"decision": decision, "note": note, "revision": answer.revision})
        assert response.status_code == 302, f"#{n} {decision} was refused"
        pages.check(as_moderator.get(f"/moderation/item/{item.pk}/"), f"#{n} decided item page with audit")
    pages.check(anonymous.get(topic.get_absolute_url()), "topic page with moderator notes (anonymous)")
    pages.check(as_writer.get(topic.get_absolute_url()), "topic page with rejection reasons (author)")
    for page in (1, 2, 3):
        pages.check(as_writer.get(f"/notifications/?page={page}"), f"author's notifications with reasons, page {page}")

    # Flag explanations: three members flag one published answer, which hides it and queues it.
    flagged = services.answer_post(actor=writer, topic=topic, body="Gewoon een ervaring, zonder claim.")
    flaggers = [user_factory() for _ in range(len(payloads))]
    for n, (flagger, payload) in enumerate(zip(flaggers, payloads, strict=True)):
        target = flagged if n < 3 else services.answer_post(actor=writer, topic=topic, body=f"Ervaring {n}.")
        login(flagger).post(f"/moderation/flag/{target.pk}/", {"reason": "other", "text": typed(payload)})
    for item in ReviewItem.objects.filter(status=ReviewStatus.PENDING, reason="flags"):
        pages.check(as_moderator.get(f"/moderation/item/{item.pk}/"), f"flagged item {item.pk}")
    pages.check(as_moderator.get("/moderation/?reason=flags"), "queue of flagged items")

    # Solution reasons: propose, decline with the payload as the reason, again and again.
    published = Post.objects.filter(topic=topic, is_question=False, visibility=Visibility.PUBLISHED, is_deleted=False).first()
    for n, payload in enumerate(payloads[:15]):
        as_starter.post(f"/moderation/topic/{topic.pk}/propose/", {"answer": published.pk})
        pages.check(as_moderator.get(f"/moderation/solutions/{topic.pk}/"), f"#{n} solution review")
        as_moderator.post(f"/moderation/solutions/{topic.pk}/", {"decision": "decline", "reason": typed(payload)})
    pages.check(as_moderator.get(f"/moderation/solutions/{topic.pk}/"), "solution review with reasons in the audit")
    pages.check(as_starter.get("/notifications/"), "starter's notifications with decline reasons")
    print(f"\nmoderation: {len(payloads)} payloads as notes, reasons and flags; {pages.checked} pages checked; "
          f"{len(pages.failures)} with script")
    assert pages.failures == []


def test_the_sign_up_form_accepts_no_markup_in_usernames(page_sample):
    from allauth.account.forms import SignupForm

    accepted = []
    for n, payload in enumerate(page_sample):
        form = SignupForm(data={"username": payload[:150], "email": f"new{n}@example.org",
                                "password1": "een-lang-wachtwoord-77", "password2": "een-lang-wachtwoord-77",
                                "accept_privacy": "on", "accept_health_data": "on"})
        if form.is_valid():
            accepted.append(form.cleaned_data["username"])
    print(f"\nsign-up: {len(page_sample)} payloads as usernames, {len(accepted)} accepted: {accepted[:10]}")
    assert all(re.fullmatch(r"[\w.@+-]+", name) for name in accepted)


def test_stored_hostile_usernames_render_escaped(page_sample, user_factory, topic_factory):
    """Usernames that bypassed the form (an import, an old validator) are still shown as text."""
    User = get_user_model()
    names = sorted({p[:150] for p in page_sample if p.strip() and "/" not in p and "\x00" not in p})[:USERNAME_SAMPLE]
    starter = user_factory()
    topic = topic_factory(author=starter)
    hostile = [User.objects.create(username=name, email=f"h{n}@example.org", password="!") for n, name in enumerate(names)]
    for user in hostile:
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        services.answer_post(actor=user, topic=topic, body="Herkenbaar, sterkte!")
    pages = Pages()
    anonymous = Client()
    pages.check(anonymous.get(topic.get_absolute_url()), "topic page with hostile authors")
    for page in range(1, len(hostile) // 30 + 2):
        pages.check(login(starter).get(f"/notifications/?page={page}"), f"notifications naming hostile actors, page {page}")
    for user in hostile:
        pages.check(anonymous.get(reverse("forum:profile", args=[user.username])), f"profile of {user.username[:40]!r}")
        pages.check(login(user).get("/settings/"), f"header of {user.username[:40]!r}")
    print(f"\nusernames: {len(hostile)} hostile usernames stored; {pages.checked} pages checked; {len(pages.failures)} with script")
    assert pages.failures == []
