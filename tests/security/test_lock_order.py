"""Every pair of services that can meet on one post, at once, on PostgreSQL: no deadlock, no error.

Before, services locked topic, post and review item in different orders: an author's edit racing
votes, reactions, flags or an approval on the same post gave 8–39 HTTP 500s in 88 requests.
Now every service locks topic → post → review item (forum.locks). Each pair runs in 8 threads
(4 + 4) that start together; a refusal (already decided, not published, …) is an answer, an
exception of any other kind is a failure.
"""

import itertools

import pytest
from django.db.models import Sum

from forum import services
from forum.models import Post, ReactionKind, Topic, Visibility, Vote
from moderation import services as moderation_services
from moderation import solutions
from moderation.models import HoldReason, ReviewItem, ReviewStatus
from tests.security.conftest import bulk_members, postgres_only, run_together

pytestmark = [*postgres_only, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SERVICES = ("edit", "vote", "react", "flag", "approve", "reject", "sign_off", "delete")
REFUSALS = (moderation_services.ModerationError, solutions.SolutionError)
THREADS_PER_SERVICE = 4


@pytest.fixture
def scene(no_rate_limits, settings, category):
    """A published answer that is the topic's proposed solution and also has a pending review item,
    so every one of the services can act on it."""
    settings.MODERATION_FLAG_THRESHOLD = 3
    starter, writer = bulk_members(2, prefix="scene")
    topic = services.topic_create(actor=starter, category=category, title="Hoe kom ik de winter door?", body="Tips?")
    answer = services.answer_post(actor=writer, topic=topic, body="Elke dag even naar buiten helpt mij.")
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    item = ReviewItem.objects.create(post=answer, reason=HoldReason.MANUAL)
    members = bulk_members(THREADS_PER_SERVICE * 2, prefix="actor")
    moderators = bulk_members(THREADS_PER_SERVICE * 2, prefix="mod", moderators=True)
    return {"topic": topic, "answer": answer, "writer": writer, "item": item, "members": members, "moderators": moderators}


def action(name, scene, n):
    answer, topic, item = scene["answer"], scene["topic"], scene["item"]
    member, moderator = scene["members"][n], scene["moderators"][n]
    if name == "edit":
        return lambda: services.post_edit(actor=scene["writer"], post=answer, body=f"Elke dag even naar buiten helpt mij, versie {n}.")
    if name == "vote":
        return lambda: services.vote_cast(actor=member, post=answer, value=Vote.UP)
    if name == "react":
        return lambda: services.reaction_toggle(actor=member, post=answer, kind=ReactionKind.HUG)
    if name == "flag":
        return lambda: moderation_services.flag_create(actor=member, post=answer, reason="spam")
    if name == "approve":
        return lambda: moderation_services.review_approve(actor=moderator, item=item, note="")
    if name == "reject":
        return lambda: moderation_services.review_reject(actor=moderator, item=item, reason="Graag een bron.")
    if name == "sign_off":
        return lambda: solutions.solution_sign_off(actor=moderator, topic=topic)
    return lambda: services.post_delete(actor=scene["writer"], post=answer)


def _run(call):
    try:
        call()
    except REFUSALS:
        return "refused"
    return "done"


@pytest.mark.parametrize("first,second", list(itertools.combinations(SERVICES, 2)))
def test_two_services_on_one_post_at_once_never_fail(scene, first, second):
    # Members for the first service are 0–3, for the second 4–7, so a vote and a flag never come from one member.
    jobs = [action(first, scene, n) for n in range(THREADS_PER_SERVICE)]
    jobs += [action(second, scene, THREADS_PER_SERVICE + n) for n in range(THREADS_PER_SERVICE)]
    results, errors, wave = run_together(_run, jobs, wave=len(jobs))
    print(f"\nlock order {first} + {second}: threads={wave}, errors={len(errors)}, done={results.count('done')}")
    assert errors == [], [repr(error) for error in errors]

    answer = Post.objects.get(pk=scene["answer"].pk)
    topic = Topic.objects.get(pk=scene["topic"].pk)
    assert answer.score == (Vote.objects.filter(post=answer).aggregate(total=Sum("value"))["total"] or 0)
    visible = answer.visibility == Visibility.PUBLISHED and not answer.is_deleted
    assert topic.answer_count == (1 if visible else 0)
    assert ReviewItem.objects.filter(post=answer, status=ReviewStatus.PENDING).count() <= 1


@pytest.mark.parametrize("slow_step", ["render", "assess"])
def test_a_slow_edit_does_not_hold_up_a_vote_elsewhere_in_the_topic(no_rate_limits, category, monkeypatch, slow_step):
    """Rendering and assessing happen before the edit locks rows; before, a 20 kB edit held the topic's lock for seconds."""
    import threading
    import time

    starter, writer, voter = bulk_members(3, prefix="slow")
    topic = services.topic_create(actor=starter, category=category, title="Hoe slaap ik beter?", body="Tips?")
    edited = services.answer_post(actor=writer, topic=topic, body="Eerste versie.")
    other = services.answer_post(actor=starter, topic=topic, body="Een ander antwoord.")
    started = threading.Event()
    if slow_step == "render":
        real = services.render_post

        def slow(text):
            started.set()
            time.sleep(1.5)
            return real(text)

        monkeypatch.setattr(services, "render_post", slow)
    else:
        real = moderation_services.assess_post_text

        def slow(**kwargs):
            started.set()
            time.sleep(1.5)
            return real(**kwargs)

        monkeypatch.setattr(moderation_services, "assess_post_text", slow)
    timings = {}

    def edit(_):
        services.post_edit(actor=writer, post=edited, body="Tweede versie, lang.")

    def vote(_):
        started.wait(10)
        time.sleep(0.2)  # the edit is inside its slow step now
        begin = time.monotonic()
        services.vote_cast(actor=voter, post=other, value=Vote.UP)
        timings["vote"] = time.monotonic() - begin

    results, errors, _ = run_together(lambda job: job(None), [edit, vote], wave=2)
    print(f"\nslow {slow_step}: the vote took {timings.get('vote', 0) * 1000:.0f} ms")
    assert errors == []
    assert timings["vote"] < 0.5
