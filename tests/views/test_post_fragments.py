"""A post's cached HTML is rendered from plain data (forum.fragments.post_view) and kept under exactly that
data: it shows what the post itself would show, and any change to what it shows is a new key."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone

from forum import fragments, pagecache, permissions, selectors, services
from forum.models import Post, Topic
from forum.viewer import Viewer
from moderation import services as moderation
from moderation import solutions
from moderation.models import ReviewItem
from tests.conftest import CLAIM_WITH_PUBMED, CLAIM_WITHOUT_SOURCE, PLAIN_ANSWER

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_posts(user_factory, moderator_factory, health_category, topic_factory, no_rate_limits):
    """A topic with a post in every state the template shows differently, seen by its anonymous starter and a moderator."""
    starter = user_factory("starter")
    topic = services.topic_create(actor=starter, category=health_category, title="Moe na corona", body="Wie herkent dit?",
                                  anonymous=True)
    moderator, colleague = moderator_factory("mod"), moderator_factory("colleague")
    sourced = services.answer_post(actor=user_factory("helper"), topic=topic, body=CLAIM_WITH_PUBMED)
    held = services.answer_post(actor=user_factory("claimer"), topic=topic, body=CLAIM_WITHOUT_SOURCE)
    rejected = services.answer_post(actor=user_factory("other"), topic=topic, body=CLAIM_WITHOUT_SOURCE + " Echt waar.")
    moderation.review_reject(actor=moderator, item=ReviewItem.objects.get(post=rejected), reason="Geen bron.")
    noted = services.answer_post(actor=user_factory("noted"), topic=topic, body=CLAIM_WITHOUT_SOURCE + " Zeker.")
    moderation.review_approve(actor=moderator, item=ReviewItem.objects.get(post=noted), note="Klopt volgens de richtlijn.")
    edited = services.answer_post(actor=user_factory("edited"), topic=topic, body=PLAIN_ANSWER)
    services.post_edit(actor=colleague, post=edited, body=PLAIN_ANSWER + " Bel 112.", moderator_reason="Telefoonnummer weg.")
    solutions.solution_propose(actor=starter, topic=topic, answer=sourced)
    solutions.solution_sign_off(actor=colleague, topic=topic, revision=sourced.revision)
    Post.objects.filter(pk=held.pk).update(text_removed_at=timezone.now())
    topic = Topic.objects.get(pk=topic.pk)
    return topic, starter, moderator


@pytest.mark.parametrize("who", ["anonymous", "starter", "moderator"])
def test_each_post_renders_from_its_plain_data_exactly_as_from_the_post_itself(page_posts, who):
    topic, starter, moderator = page_posts
    viewer = Viewer({"starter": starter, "moderator": moderator}.get(who) or AnonymousUser())
    data = selectors.topic_page(selectors.topic_for_page(topic.pk), viewer)
    posts = [data.question, *data.answers]
    assert len(posts) == (6 if who == "moderator" else 4)
    for post in posts:
        from_post = render_to_string(fragments.TEMPLATE, {"post": post, "topic": data.topic, "csrf_token": "t"})
        view = fragments.post_view(post, data.topic)
        from_data = render_to_string(fragments.TEMPLATE, {**fragments.post_context(view), "csrf_token": "t"})
        assert from_data == from_post
        assert post.parts == pagecache.split_into_parts(render_to_string(
            fragments.TEMPLATE, {**fragments.post_context(view), "csrf_token": fragments.CSRF_PLACEHOLDER}
        ))


def test_whatever_a_post_shows_changes_its_key(page_posts):
    topic, starter, _ = page_posts
    data = selectors.topic_page(selectors.topic_for_page(topic.pk), Viewer(starter))
    post = data.answers[0]
    before = fragments.post_view(post, data.topic)
    changes = [
        (post, "body_html", "<p>Anders.</p>"), (post, "edited_at", timezone.now()), (post, "score", post.score + 1),
        (post, "visibility", "pending"), (post, "moderator_note", "Nieuw."), (post, "reviewed_by_id", starter.pk),
        (post, "my_vote", 1), (post, "reaction_buttons", [(*button[:3], button[3] + 1, True) for button in post.reaction_buttons]),
        (post, "can_delete", not post.can_delete), (post, "moderator_tools", True), (post.author, "username", "renamed"),
        (post.author, "closed_at", timezone.now()), (post, "author_id", data.topic.author_id),  # anonymous starter
    ]
    for owner, name, value in changes:
        original = getattr(owner, name)
        setattr(owner, name, value)
        changed = fragments.post_view(post, data.topic)
        assert changed != before, name
        assert fragments._shared_key(("nl", changed)) != fragments._shared_key(("nl", before)), name
        setattr(owner, name, original)
    assert fragments.post_view(post, data.topic) == before
    assert fragments._shared_key(("en", before)) != fragments._shared_key(("nl", before))


def test_a_process_serves_the_posts_it_used_from_its_copies_and_renders_only_what_changed(page_posts, monkeypatch, settings):
    topic, starter, _ = page_posts
    viewer = Viewer(AnonymousUser())
    first = selectors.topic_page(selectors.topic_for_page(topic.pk), viewer)
    cache.clear()  # the shared entries gone: the copies are what is left
    rendered = []
    real_render = fragments.render_to_string
    monkeypatch.setattr(fragments, "render_to_string", lambda *args, **kwargs: rendered.append(args) or real_render(*args, **kwargs))
    again = selectors.topic_page(selectors.topic_for_page(topic.pk), viewer)
    assert rendered == []
    assert [post.parts for post in [again.question, *again.answers]] == [post.parts for post in [first.question, *first.answers]]

    Post.objects.filter(pk=first.answers[0].pk).update(score=first.answers[0].score + 1)
    selectors.topic_page(selectors.topic_for_page(topic.pk), viewer)
    assert len(rendered) == 1

    cache.clear()
    settings.LANGUAGE_CODE = settings.LANGUAGE_CODE  # any setting change (the templates, the URLs) empties the copies
    selectors.topic_page(selectors.topic_for_page(topic.pk), viewer)
    assert len(rendered) == 1 + 1 + len(again.answers)


def test_a_page_takes_each_posts_parts_in_its_hole_and_keeps_the_other_holes():
    post = (b"<article>", pagecache.CSRF_HOLE, b"</article>")
    page = pagecache.split_into_parts(f"<main>{pagecache.hole(pagecache.post_hole_name(7))}</main>{pagecache.CSRF_PLACEHOLDER}")
    assert pagecache.splice(page, {pagecache.post_hole_name(7): post}) == (
        b"<main><article>", pagecache.CSRF_HOLE, b"</article></main>", pagecache.CSRF_HOLE,
    )


@pytest.mark.parametrize("who", ["anonymous", "starter", "moderator"])
def test_rights_asked_once_for_a_page_are_each_posts_own(page_posts, who):
    topic, starter, moderator = page_posts
    viewer = Viewer({"starter": starter, "moderator": moderator}.get(who) or AnonymousUser())
    data = selectors.topic_page(selectors.topic_for_page(topic.pk), viewer)
    page_rights = permissions.PostRights(viewer, data.topic)
    rules = ["may_edit", "may_delete", "may_see_revisions", "may_see_history", "may_flag", "may_moderate", "may_propose"]
    for post in [data.question, *data.answers]:
        for rule in rules:
            assert getattr(page_rights, rule)(post) == getattr(permissions.PostRights(viewer, data.topic), rule)(post), rule
