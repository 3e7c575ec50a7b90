"""The cache register (forum/caching/register.py): docs/ARCHITECTURE.md shows it as it is, each lifetime
is the one its home module uses, and every service that changes what a page shows bumps the version
that page is cached under, so no member sees a stale page."""

import importlib
import inspect
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import cache

from forum import services
from forum.app_settings import forum_settings
from forum.cache_keys import TOPIC_LISTS_VERSION_KEY, topic_version_key
from forum.caching import version_read
from forum.caching.register import REGISTER, register_markdown
from moderation import services as moderation
from moderation import solutions
from moderation.cache_keys import QUEUE_VERSION_KEY
from moderation.models import ReviewItem
from privacy import services as privacy
from tests.conftest import CLAIM_WITH_PUBMED, CLAIM_WITHOUT_SOURCE, PLAIN_ANSWER

ARCHITECTURE = Path(__file__).resolve().parent.parent / "docs" / "ARCHITECTURE.md"


def test_the_architecture_document_shows_the_register_as_it_is():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    start = text.index("<!-- cache register: generated from forum/caching/register.py -->\n")
    shown = text[text.index("\n", start) + 1:text.index("<!-- end of cache register -->")]
    assert shown == register_markdown()


def lifetime_in_code(name):
    if name.startswith("FORUM_"):
        return getattr(forum_settings, name.removeprefix("FORUM_"))
    module, constant = name.rsplit(".", 1)
    return getattr(importlib.import_module(module), constant)


@pytest.mark.parametrize("entry", [entry for entry in REGISTER if entry.lifetime_name], ids=lambda entry: entry.name)
def test_each_lifetime_in_the_register_is_the_one_its_module_uses(entry):
    assert lifetime_in_code(entry.lifetime_name) == entry.lifetime


def test_every_cache_has_a_unique_name_a_key_and_a_reason_to_be_fresh():
    assert len({entry.name for entry in REGISTER}) == len(REGISTER)
    assert all(entry.key and entry.holds and entry.fresh and entry.home for entry in REGISTER)


@pytest.fixture
def scene(db, user_factory, moderator, topic_factory, established_factory, no_rate_limits):
    starter = user_factory("starter")
    topic = topic_factory(author=starter)
    helper = established_factory("helper")
    answer = services.answer_post(actor=helper, topic=topic, body=PLAIN_ANSWER)
    held = services.answer_post(actor=user_factory("claimer"), topic=topic, body=CLAIM_WITHOUT_SOURCE)
    return SimpleNamespace(
        starter=starter, topic=topic, helper=helper, answer=answer, held=held, moderator=moderator,
        member=user_factory("reader"), established=established_factory, item=lambda post: ReviewItem.objects.get(post=post, status="pending"),
    )


def _flagged_three_times(s):
    for _ in range(3):
        moderation.flag_create(actor=s.established(), post=s.answer, reason="spam")


def _proposed(s):
    solutions.solution_propose(actor=s.starter, topic=s.topic, answer=s.answer)


def _approved_then_undone(s):
    moderation.review_approve(actor=s.moderator, item=s.item(s.held))
    version_read(topic_version_key(s.topic.pk))  # the undo alone must bump it again
    moderation.review_undo(actor=s.moderator, item=ReviewItem.objects.get(post=s.held))


def _dismissed(s):
    _flagged_three_times(s)
    moderation.review_dismiss_flags(actor=s.moderator, item=s.item(s.answer))


# What a topic page shows changes: its version must move (forum.cache_keys.topic_changed).
TOPIC_PAGE_CHANGES = {
    "forum.services.answer_post": lambda s: services.answer_post(actor=s.member, topic=s.topic, body=PLAIN_ANSWER),
    "forum.services.post_edit": lambda s: services.post_edit(actor=s.helper, post=s.answer, body=PLAIN_ANSWER + " Nog één tip."),
    "forum.services.post_delete": lambda s: services.post_delete(actor=s.helper, post=s.answer),
    "forum.services.question_withdraw": lambda s: services.question_withdraw(actor=s.starter, post=s.topic.posts.get(is_question=True)),
    "forum.services.topic_hide": lambda s: services.topic_hide(actor=s.moderator, topic=s.topic, reason="Privacy."),
    "forum.services.topic_unhide": lambda s: (
        services.topic_hide(actor=s.moderator, topic=s.topic, reason="Privacy."),
        version_read(topic_version_key(s.topic.pk)),
        services.topic_unhide(actor=s.moderator, topic=s.topic),
    ),
    "forum.services.vote_cast": lambda s: services.vote_cast(actor=s.member, post=s.answer, value=1),
    "forum.services.reaction_toggle": lambda s: services.reaction_toggle(actor=s.member, post=s.answer, kind="heart"),
    "forum.services.topic_admin_change": lambda s: services.topic_admin_change(
        actor=s.moderator, topic=s.topic, title="Een nieuwe titel voor deze vraag", category=s.topic.category,
    ),
    "forum.services.post_admin_change": lambda s: services.post_admin_change(actor=s.moderator, post=s.answer, body=PLAIN_ANSWER + " Aangepast."),
    "forum.services.post_edit (a held answer fixed by its author)": lambda s: services.post_edit(
        actor=s.held.author, post=s.held, body=CLAIM_WITH_PUBMED,
    ),
    "moderation.services.review_approve": lambda s: moderation.review_approve(actor=s.moderator, item=s.item(s.held)),
    "moderation.services.review_reject": lambda s: moderation.review_reject(actor=s.moderator, item=s.item(s.held), reason="Geen bron."),
    "moderation.services.review_undo": _approved_then_undone,
    "moderation.services.review_dismiss_flags": _dismissed,
    "moderation.services.flag_create (hiding an answer)": _flagged_three_times,
    "moderation.solutions.solution_propose": _proposed,
    "moderation.solutions.solution_withdraw": lambda s: (_proposed(s), solutions.solution_withdraw(actor=s.starter, topic=s.topic)),
    "moderation.solutions.solution_sign_off": lambda s: (_proposed(s), solutions.solution_sign_off(actor=s.moderator, topic=s.topic)),
    "privacy.services.account_close": lambda s: privacy.account_close(actor=s.helper, member=s.helper),
}

# What the moderators' queue shows changes: the queue version must move (moderation.cache_keys.queue_changed).
QUEUE_CHANGES = {
    "forum.services.answer_post (held)": lambda s: services.answer_post(actor=s.member, topic=s.topic, body=CLAIM_WITHOUT_SOURCE),
    "forum.services.topic_create (held)": lambda s: services.topic_create(
        actor=s.member, category=s.topic.category, title="Geneest psilocybine een burn-out?", body=CLAIM_WITHOUT_SOURCE,
    ),
    "moderation.services.post_screen (an edit that needs a source)": lambda s: services.post_edit(
        actor=s.helper, post=s.answer, body=CLAIM_WITHOUT_SOURCE,
    ),
    "moderation.services.flag_create": lambda s: moderation.flag_create(actor=s.member, post=s.answer, reason="spam"),
    "moderation.services.review_claim": lambda s: moderation.review_claim(actor=s.moderator, item=s.item(s.held)),
    "moderation.services.review_approve": lambda s: moderation.review_approve(actor=s.moderator, item=s.item(s.held)),
    "moderation.services.review_reject": lambda s: moderation.review_reject(actor=s.moderator, item=s.item(s.held), reason="Geen bron."),
    "moderation.solutions.solution_propose": _proposed,
}

# Services that change nothing a cached page shows, and why.
NOT_ON_A_CACHED_PAGE = {
    "forum.services.user_set_language": "a member's own setting; pages are cached per language, not per member",
    "forum.services.user_update_preferences": "a member's own settings page, never cached",
    "moderation.services.rules_changed": "the rules' version lives in the database (moderation/rules.py)",
    "moderation.services.review_bulk": "one review_approve or review_reject per item",
}


# What a category list shows changes: the topic lists' version must move (forum.cache_keys.topic_lists_changed).
TOPIC_LIST_CHANGES = {
    **TOPIC_PAGE_CHANGES,
    "forum.services.topic_create": lambda s: services.topic_create(
        actor=s.member, category=s.topic.category, title="Hoe kom ik de winter door?", body=PLAIN_ANSWER,
    ),
}


def service_names(module, prefix):
    return {
        f"{prefix}.{name}" for name, function in vars(module).items()
        if inspect.isfunction(function) and function.__module__.startswith(prefix) and not name.startswith(("_", "check_"))
        and "actor" in inspect.signature(function).parameters
    }


def test_every_service_is_checked_for_the_version_it_must_bump():
    listed = {name.split(" ")[0] for name in [*TOPIC_PAGE_CHANGES, *QUEUE_CHANGES, *NOT_ON_A_CACHED_PAGE]}
    for module, prefix in ((services, "forum.services"), (moderation, "moderation.services")):
        assert service_names(module, prefix) - listed == set()


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(TOPIC_PAGE_CHANGES))
def test_a_service_that_changes_a_topic_page_bumps_its_version(name, scene):
    key = topic_version_key(scene.topic.pk)
    before = version_read(key)
    TOPIC_PAGE_CHANGES[name](scene)
    assert cache.get(key) != before


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(QUEUE_CHANGES))
def test_a_service_that_changes_the_queue_bumps_its_version(name, scene):
    before = version_read(QUEUE_VERSION_KEY)
    QUEUE_CHANGES[name](scene)
    assert cache.get(QUEUE_VERSION_KEY) != before


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(TOPIC_LIST_CHANGES))
def test_a_service_that_changes_a_topic_makes_the_category_lists_stale(name, scene):
    before = version_read(TOPIC_LISTS_VERSION_KEY)
    TOPIC_LIST_CHANGES[name](scene)
    assert cache.get(TOPIC_LISTS_VERSION_KEY) != before
