"""Who may change what: every state-changing URL, for every role.

The URLs come from the URLconf (forum, moderation, markdownx); a test fails when a URL is
added without being classified here. For each action one scenario is built, and each role
acts inside a savepoint that is rolled back, so every role starts from the same state. A
role that may act succeeds and changes something; any other role gets 403, 404 or a
redirect, and a snapshot of every forum and moderation row is unchanged. GET never
changes state.
"""

import io
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from PIL import Image

from forum import services
from forum.mail import unsubscribe_token
from forum.models import (
    Category,
    CategoryWatch,
    MemberMute,
    Notification,
    Post,
    Reaction,
    Revision,
    Topic,
    TopicWatch,
    Upload,
    Vote,
)
from moderation import sanctions, solutions
from moderation.models import AuditEntry, CareAlert, Flag, HealthTerm, MemberNote, MemberSanction, ReviewItem, SourceDomain
from tests.conftest import CLAIM_WITHOUT_SOURCE
from tests.security.conftest import ROLES

pytestmark = pytest.mark.django_db

CONFIRMED = {"member", "author", "moderator", "moderator_without_totp", "admin"}
MODERATORS = {"moderator", "admin"}
USER_FIELDS = ("username", "email", "is_active", "is_staff", "preferred_language", "email_on_answer", "email_on_reaction",
               "email_on_moderation", "email_queue_digest")
SNAPSHOT_MODELS = (
    Category, Topic, Post, Revision, Vote, Reaction, Notification, Flag, ReviewItem, AuditEntry, HealthTerm, SourceDomain,
    CareAlert, TopicWatch, CategoryWatch, MemberMute, MemberSanction, MemberNote, Upload,
)


def snapshot(media_root):
    """Every row an action could change (views are counted on purpose, so Topic.view_count is left out)."""
    state = {model.__name__: list(model.objects.order_by("pk").values()) for model in SNAPSHOT_MODELS}
    for row in state["Topic"]:
        row.pop("view_count")
    # A visit records the reading position on purpose (forum/reading.py): only levels count here.
    state["TopicWatch"] = list(TopicWatch.objects.exclude(level="normal").order_by("pk").values("user_id", "topic_id", "level"))
    state["User"] = list(get_user_model().objects.order_by("pk").values(*USER_FIELDS))
    state["media"] = sorted(str(p) for p in media_root.rglob("*") if p.is_file())
    return state


@dataclass
class Scenario:
    people: dict
    other: object
    topic: Topic  # by the author, open
    own_answer: Post  # the author's answer in `topic`
    answer: Post  # another member's answer in `topic`
    held: Post  # another member's answer, waiting in the queue
    item: ReviewItem
    proposed: Topic  # by the author, with `answer2` proposed as the solution
    solved: Topic  # by the author, solved
    notification: Notification  # the author's
    extra: dict = field(default_factory=dict)


@pytest.fixture
def scenario(people, user_factory, category, moderator_factory):
    author, other = people["author"], user_factory("other")
    signer = moderator_factory("signer")
    topic = services.topic_create(actor=author, category=category, title="Hoe plan ik mijn week?", body="Ik zoek tips.")
    own_answer = services.answer_post(actor=author, topic=topic, body="Zelf probeer ik korte wandelingen.")
    answer = services.answer_post(actor=other, topic=topic, body="Plan rustmomenten in, dat helpt mij.")
    held = services.answer_post(actor=other, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    item = ReviewItem.objects.get(post=held)
    proposed = services.topic_create(actor=author, category=category, title="Wie weet raad met slapen?", body="Ik slaap slecht.")
    answer2 = services.answer_post(actor=other, topic=proposed, body="Een vast ritme hielp mij.")
    solutions.solution_propose(actor=author, topic=proposed, answer=answer2)
    solved = services.topic_create(actor=author, category=category, title="Tips voor concentratie?", body="Graag tips.")
    answer3 = services.answer_post(actor=other, topic=solved, body="Korte blokken werken voor mij.")
    solutions.solution_propose(actor=author, topic=solved, answer=answer3)
    solutions.solution_sign_off(actor=signer, topic=solved)
    notification = Notification.objects.filter(recipient=author).first()
    crisis = services.topic_create(actor=other, category=category, title="Hoe kom ik de nacht door?", body="Ik wil er niet meer zijn.")
    silence = sanctions.member_silence(actor=signer, member=user_factory("quiet"), reason="Even rust.",
                                       until=timezone.now() + timedelta(days=3))
    upload = Upload.objects.create(uploader=author, file="uploads/scenario.png", content_type="image/png", size=10)
    return Scenario(people, other, topic, own_answer, answer, held, item, proposed, solved, notification,
                    {"answer2": answer2, "crisis": crisis, "silence": silence, "upload": upload})


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (1, 2, 3)).save(buffer, format="PNG")
    return SimpleUploadedFile("a.png", buffer.getvalue(), content_type="image/png")


@dataclass(frozen=True)
class Action:
    url_name: str
    url: object  # scenario -> path
    data: object  # scenario -> POST data
    allowed: frozenset
    changes: bool = True  # an allowed role must change at least one row
    headers: tuple = ()


ACTIONS = {
    "topic_create": Action("forum:topic_create", lambda s: "/new/",
                           lambda s: {"category": s.topic.category_id, "title": "Een nieuwe vraag hier", "body": "Tekst."}, CONFIRMED),
    "topic_create_in": Action("forum:topic_create_in", lambda s: f"/c/{s.topic.category.slug}/new/",
                              lambda s: {"category": s.topic.category_id, "title": "Een nieuwe vraag hier", "body": "Tekst."}, CONFIRMED),
    "answer_create": Action("forum:answer_create", lambda s: f"/t/{s.topic.pk}/answer/", lambda s: {"body": "Nog een antwoord."}, CONFIRMED),
    "post_edit": Action("forum:post_edit", lambda s: f"/p/{s.own_answer.pk}/edit/", lambda s: {"body": "Aangepast antwoord."}, frozenset({"author"})),
    "post_delete": Action("forum:post_delete", lambda s: f"/p/{s.own_answer.pk}/delete/", lambda s: {"confirm": "yes"},
                          frozenset({"author"}) | MODERATORS),
    "question_withdraw": Action("forum:question_withdraw", lambda s: f"/p/{s.topic.posts.get(is_question=True).pk}/withdraw/",
                                lambda s: {"confirm": "yes"}, frozenset({"author"})),
    "topic_hide": Action("forum:topic_hide", lambda s: f"/moderation/hide-topic/{s.topic.pk}/", lambda s: {"reason": "Privacy."},
                         MODERATORS),
    "topic_unhide": Action("forum:topic_unhide", lambda s: f"/moderation/show-topic/{s.topic.pk}/", lambda s: {},
                           MODERATORS, changes=False),
    "vote": Action("forum:vote", lambda s: f"/p/{s.own_answer.pk}/vote/", lambda s: {"value": "1"}, CONFIRMED - {"author"}),
    "react": Action("forum:react", lambda s: f"/p/{s.own_answer.pk}/react/", lambda s: {"kind": "heart"}, CONFIRMED),
    "notification_open": Action("forum:notification_open", lambda s: f"/notifications/{s.notification.pk}/open/", lambda s: {},
                                frozenset({"author"})),
    "notifications_clear": Action("forum:notifications_clear", lambda s: "/notifications/clear/", lambda s: {},
                                  frozenset(ROLES) - {"anonymous"}, changes=False),
    "preferences": Action("forum:preferences", lambda s: "/settings/", lambda s: {"email_on_reaction": "on"}, frozenset(ROLES) - {"anonymous"}),
    "language": Action("forum:language", lambda s: "/language/", lambda s: {"language": "en", "next": "/"}, frozenset(ROLES), changes=False),
    "item_claim": Action("moderation:item_claim", lambda s: f"/moderation/item/{s.item.pk}/claim/", lambda s: {}, MODERATORS),
    "item_decide": Action("moderation:item_decide", lambda s: f"/moderation/item/{s.item.pk}/decide/",
                          lambda s: {"decision": "approve", "note": "", "revision": s.held.revision}, MODERATORS),
    "bulk": Action("moderation:bulk", lambda s: "/moderation/bulk/",
                   lambda s: {"items": [s.item.pk], "decision": "approve", f"revision-{s.item.pk}": s.held.revision}, MODERATORS),
    "solution_review": Action("moderation:solution_review", lambda s: f"/moderation/solutions/{s.proposed.pk}/",
                              lambda s: {"decision": "sign_off", "reason": "", "revision": s.extra["answer2"].revision},
                              MODERATORS),
    "flag": Action("moderation:flag", lambda s: f"/moderation/flag/{s.answer.pk}/", lambda s: {"reason": "spam"},
                   CONFIRMED - {"other"}),
    "propose": Action("moderation:solution_action", lambda s: f"/moderation/topic/{s.topic.pk}/propose/",
                      lambda s: {"answer": s.answer.pk}, frozenset({"author"}) | MODERATORS),
    "withdraw": Action("moderation:solution_action", lambda s: f"/moderation/topic/{s.proposed.pk}/withdraw/", lambda s: {},
                       frozenset({"author"}) | MODERATORS),
    "request_reopen": Action("moderation:solution_action", lambda s: f"/moderation/topic/{s.solved.pk}/request_reopen/",
                             lambda s: {"reason": "Het werkt toch niet."}, frozenset({"author"})),
    "reopen": Action("moderation:solution_action", lambda s: f"/moderation/topic/{s.solved.pk}/reopen/",
                     lambda s: {"reason": "Nieuwe inzichten."}, MODERATORS),
    "mark_solved": Action("moderation:solution_action", lambda s: f"/moderation/topic/{s.topic.pk}/mark_solved/",
                          lambda s: {"answer": s.answer.pk, "reason": "De starter reageert niet meer."}, MODERATORS),
    "care_follow_up": Action("moderation:care_follow_up", lambda s: f"/moderation/care/{s.extra['crisis'].pk}/followed-up/",
                             lambda s: {"note": "Contact gehad."}, MODERATORS),
    "member_sanction": Action("moderation:member_sanction", lambda s: f"/moderation/member/{s.other.username}/measure/",
                              lambda s: {"kind": "warning", "reason": "Blijf vriendelijk."}, MODERATORS),
    "moderator_edit": Action("forum:moderator_edit", lambda s: f"/moderation/post/{s.answer.pk}/edit/",
                             lambda s: {"body": "Ingekort.", "reason": "Geen telefoonnummers."}, MODERATORS),
    "post_measure": Action("moderation:post_measure", lambda s: f"/moderation/post/{s.answer.pk}/measure/",
                           lambda s: {"kind": "warning", "reason": "Blijf bij de feiten."}, MODERATORS),
    "upload_remove": Action("forum:upload_remove", lambda s: f"/settings/images/{s.extra['upload'].pk}/remove/",
                            lambda s: {}, frozenset({"author"})),
    "member_note": Action("moderation:member_note", lambda s: f"/moderation/member/{s.other.username}/note/",
                          lambda s: {"text": "Eerder gewaarschuwd."}, MODERATORS),
    "sanction_lift": Action("moderation:sanction_lift", lambda s: f"/moderation/measure/{s.extra['silence'].pk}/lift/",
                            lambda s: {"reason": "Uitgepraat."}, MODERATORS),
    "topic_watch": Action("forum:topic_watch", lambda s: f"/t/{s.topic.pk}/watch/", lambda s: {"level": "muted"},
                          frozenset(ROLES) - {"anonymous"}),
    "category_watch": Action("forum:category_watch", lambda s: f"/c/{s.topic.category.slug}/watch/", lambda s: {"watch": "1"},
                             frozenset(ROLES) - {"anonymous"}),
    "member_mute": Action("forum:member_mute", lambda s: f"/u/{s.other.username}/mute/", lambda s: {"mute": "1"},
                          frozenset(ROLES) - {"anonymous"}),
    # The signed token is the authority (RFC 8058: the mail provider posts it): whoever holds it may use it.
    "unsubscribe": Action("forum:unsubscribe", lambda s: f"/unsubscribe/{unsubscribe_token(s.people['author'], 'email_on_answer')}/",
                          lambda s: {}, frozenset(ROLES)),
    "markdown_preview": Action("markdownx_markdownify", lambda s: "/markdownx/markdownify/", lambda s: {"content": "**hoi**"},
                               CONFIRMED, changes=False),
    "image_upload": Action("markdownx_upload", lambda s: "/markdownx/upload/", lambda s: {"image": png()}, CONFIRMED,
                           headers=(("HTTP_X_REQUESTED_WITH", "XMLHttpRequest"),)),
    "admin_add_term": Action("admin", lambda s: "/admin/moderation/healthterm/add/",
                             lambda s: {"phrase": "nieuwterm", "kind": "condition", "language": "", "weight": "1", "is_active": "on"},
                             frozenset({"admin"})),
}

# Every other named URL in our URLconfs only reads (GET pages); test_get_never_changes_state covers them.
READ_ONLY = {
    "forum:home", "forum:category", "forum:topic", "forum:post", "forum:post_revisions", "forum:notifications", "forum:profile", "forum:search",
    "moderation:queue", "moderation:item", "moderation:solutions", "forum:member_suggest", "moderation:member",
    "forum:feed_latest", "forum:feed_category", "forum:similar_topics", "forum:topic_short", "forum:uploads",
}


def our_url_names():
    names = set()
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace in ("forum", "moderation"):
            names |= {f"{entry.namespace}:{p.name}" for p in entry.url_patterns if isinstance(p, URLPattern)}
        elif isinstance(entry, URLPattern) and entry.name and entry.name.startswith("markdownx"):
            names.add(entry.name)
    return names


def test_every_url_is_classified_as_changing_state_or_read_only():
    changing = {action.url_name for action in ACTIONS.values()} - {"admin"}
    assert our_url_names() == changing | READ_ONLY


def refused(response):
    if response.status_code in (401, 403, 404, 405):
        return True
    return response.status_code == 302


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("name", ACTIONS)
def test_only_the_allowed_roles_change_state(name, scenario, settings, tmp_path, no_rate_limits):
    settings.MEDIA_ROOT = tmp_path
    action = ACTIONS[name]
    problems = []
    before = snapshot(tmp_path)  # each role starts from it: every attempt is rolled back and its files removed
    for role in ROLES:
        savepoint = transaction.savepoint()
        try:
            client = client_for(scenario.people[role])
            response = client.post(action.url(scenario), action.data(scenario), **dict(action.headers))
            after = snapshot(tmp_path)
            location = response.get("Location", "")
            if role in action.allowed:
                if response.status_code not in (200, 302) or "/accounts/login/" in location or "/2fa/" in location:
                    problems.append(f"{role}: allowed but got {response.status_code} {location}")
                elif action.changes and before == after:
                    problems.append(f"{role}: allowed but nothing changed ({response.status_code} {location})")
            else:
                if not refused(response):
                    problems.append(f"{role}: should be refused, got {response.status_code}")
                if before != after:
                    changed = [key for key in before if before[key] != after[key]]
                    problems.append(f"{role}: refused but changed {changed}")
        finally:
            transaction.savepoint_rollback(savepoint)
            for path in tmp_path.rglob("*"):
                if path.is_file():
                    path.unlink()
    assert problems == []


def test_javascript_requests_get_401_or_403_not_a_redirect(scenario):
    post = scenario.own_answer
    for role, expected in (("anonymous", 401), ("unconfirmed", 403), ("author", 403)):
        client = client_for(scenario.people[role])
        for url, data in ((f"/p/{post.pk}/vote/", {"value": "1"}), (f"/p/{post.pk}/react/", {"kind": "like"})):
            if role == "author" and url.endswith("/react/"):
                continue
            response = client.post(url, data, HTTP_X_REQUESTED_WITH="fetch")
            assert response.status_code == expected, (role, url)
            assert "error" in response.json()


def read_urls(scenario):
    s = scenario
    return [
        "/", f"/c/{s.topic.category.slug}/", f"/c/{s.topic.category.slug}/new/", "/new/", f"/t/{s.topic.pk}/", f"/t/{s.proposed.pk}/",
        f"/t/{s.solved.pk}/", f"/t/{s.topic.pk}/answer/", f"/p/{s.own_answer.pk}/edit/", f"/p/{s.own_answer.pk}/delete/",
        f"/p/{s.own_answer.pk}/revisions/", f"/p/{s.own_answer.pk}/vote/", f"/p/{s.own_answer.pk}/react/", "/notifications/",
        f"/notifications/{s.notification.pk}/open/", "/notifications/clear/", f"/u/{s.people['author'].username}/", "/settings/",
        "/search/?q=week", "/language/", "/moderation/", f"/moderation/item/{s.item.pk}/", f"/moderation/item/{s.item.pk}/claim/",
        f"/moderation/item/{s.item.pk}/decide/", "/moderation/bulk/",
        "/moderation/solutions/", f"/moderation/solutions/{s.proposed.pk}/", f"/moderation/flag/{s.answer.pk}/",
        *(f"/moderation/topic/{t.pk}/{a}/" for t, a in ((s.topic, "propose"), (s.proposed, "withdraw"), (s.solved, "request_reopen"),
                                                       (s.solved, "reopen"), (s.topic, "mark_solved"))),
        f"/moderation/member/{s.other.username}/", f"/moderation/member/{s.other.username}/measure/",
        f"/moderation/measure/{s.extra['silence'].pk}/lift/", f"/moderation/post/{s.answer.pk}/edit/",
        f"/moderation/member/{s.other.username}/note/", f"/moderation/post/{s.answer.pk}/measure/",
        "/settings/images/", f"/settings/images/{s.extra['upload'].pk}/remove/",
        "/markdownx/markdownify/", "/markdownx/upload/", "/admin/", "/admin/moderation/healthterm/add/",
        f"/admin/forum/post/{s.held.pk}/change/", f"/admin/forum/post/{s.held.pk}/delete/",
    ]


def test_get_never_changes_state(scenario, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    problems = []
    before = snapshot(tmp_path)  # the state before each GET: the one after the previous GET
    for role in ROLES:
        client = client_for(scenario.people[role])
        for url in read_urls(scenario):
            response = client.get(url)
            if response.status_code >= 500:
                problems.append(f"{role} GET {url}: {response.status_code}")
            after = snapshot(tmp_path)
            if after != before:
                problems.append(f"{role} GET {url} changed state")
                before = after
    assert problems == []


def test_claiming_a_queue_item_is_a_post_for_moderators_only(scenario):
    """Opening an item shows it (GET changes nothing); the page then claims it with a POST."""
    for role in ROLES:
        savepoint = transaction.savepoint()
        try:
            client = client_for(scenario.people[role])
            client.get(f"/moderation/item/{scenario.item.pk}/")
            scenario.item.refresh_from_db()
            assert scenario.item.claimed_by_id is None, role
            client.post(f"/moderation/item/{scenario.item.pk}/claim/")
            scenario.item.refresh_from_db()
            assert (scenario.item.claimed_by_id is not None) == (role in MODERATORS), role
        finally:
            transaction.savepoint_rollback(savepoint)
