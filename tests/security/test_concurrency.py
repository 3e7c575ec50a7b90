"""Counts stay exact under parallel transactions, on PostgreSQL.

Threads start together at a threading.Barrier, each with its own database connection that
it closes at the end. To leave connections for other clients of the server, threads run in
barrier-synchronised waves of at most 80 (fewer if max_connections is tight): see
SECURITY.md for the sizes used. Rate limits are set out of the way except where they are
what is tested.
"""

import pytest
from django.core.cache import cache
from django.db.models import Count

from forum import services
from forum.models import Notification, NotificationKind, Post, Reaction, ReactionKind, SolutionState, Topic, Vote
from moderation import services as moderation_services
from moderation import solutions
from moderation.models import AuditAction, AuditEntry, Flag, ReviewItem, ReviewStatus
from tests.conftest import CLAIM_WITHOUT_SOURCE
from tests.security.conftest import bulk_members, postgres_only, run_together

pytestmark = [*postgres_only, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REDIS_URL = "redis://127.0.0.1:6379/14"
KINDS = (ReactionKind.LIKE, ReactionKind.HEART, ReactionKind.THANKS)


def report(name, **figures):
    print(f"\nconcurrency {name}: " + ", ".join(f"{key}={value}" for key, value in figures.items()))


@pytest.fixture
def answer(no_rate_limits, user_factory, category):
    starter = user_factory()
    topic = services.topic_create(actor=starter, category=category, title="Hoe plan ik mijn week?", body="Ik zoek tips.")
    return services.answer_post(actor=user_factory(), topic=topic, body="Plan rustmomenten in, dat helpt mij.")


def test_200_members_upvote_one_answer_at_once(answer):
    voters = bulk_members(200, prefix="voter")
    results, errors, wave = run_together(lambda voter: services.vote_cast(actor=voter, post=answer, value=Vote.UP), voters)
    answer.refresh_from_db()
    report("200 voters", wave=wave, errors=len(errors), score=answer.score, rows=Vote.objects.filter(post=answer).count())
    assert errors == []
    assert answer.score == 200
    assert Vote.objects.filter(post=answer, value=Vote.UP).count() == 200
    assert Topic.objects.get(pk=answer.topic_id).best_answer_score == 200
    assert Notification.objects.get(recipient=answer.author, kind=NotificationKind.REACTIONS, post=answer).count == 200


def test_one_member_sends_50_upvotes_at_once(answer, member):
    results, errors, wave = run_together(lambda _: services.vote_cast(actor=member, post=answer, value=Vote.UP), list(range(50)))
    answer.refresh_from_db()
    report("50 votes by one member", wave=wave, errors=len(errors), score=answer.score)
    assert errors == []
    assert Vote.objects.filter(post=answer).count() == 1
    assert answer.score == 1


def test_100_members_react_three_ways_at_once(answer):
    members = bulk_members(100, prefix="reactor")
    jobs = [(member, kind) for member in members for kind in KINDS]
    results, errors, wave = run_together(lambda job: services.reaction_toggle(actor=job[0], post=answer, kind=job[1]), jobs)
    counts = dict(Reaction.objects.filter(post=answer).values_list("kind").annotate(n=Count("pk")))
    topic = Topic.objects.get(pk=answer.topic_id)
    report("100 members x 3 reactions", wave=wave, errors=len(errors), rows=sum(counts.values()), topic_reaction_count=topic.reaction_count)
    assert errors == []
    assert all(added for added, _ in results)
    assert Reaction.objects.filter(post=answer).count() == 300
    assert counts == {kind.value: 100 for kind in KINDS}
    assert topic.reaction_count == 300


def _outcome(call):
    try:
        call()
    except (moderation_services.ModerationError, solutions.SolutionError):
        return "refused"
    return "done"


def test_20_moderators_approve_one_queued_answer_at_once(no_rate_limits, user_factory, topic_factory):
    starter, writer = user_factory(), user_factory()
    topic = topic_factory(author=starter)
    held = services.answer_post(actor=writer, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    item = ReviewItem.objects.get(post=held, status=ReviewStatus.PENDING)
    moderators = bulk_members(20, prefix="mod", moderators=True)
    results, errors, wave = run_together(
        lambda moderator: _outcome(lambda: moderation_services.review_approve(actor=moderator, item=item, note="Klopt.")), moderators
    )
    item.refresh_from_db()
    approvals = AuditEntry.objects.filter(post=held, action=AuditAction.APPROVED)
    report("20 moderators approve", wave=wave, errors=len(errors), done=results.count("done"), audit_rows=approvals.count())
    assert errors == []
    assert results.count("done") == 1 and results.count("refused") == 19
    assert item.status == ReviewStatus.APPROVED and item.decided_by_id in {m.pk for m in moderators}
    assert approvals.count() == 1
    assert Notification.objects.filter(recipient=writer, kind=NotificationKind.POST_APPROVED).count() == 1
    assert Notification.objects.filter(recipient=starter, kind=NotificationKind.NEW_ANSWER, post=held).count() == 1
    assert Post.objects.get(pk=held.pk).visibility == "published"


def test_20_moderators_sign_off_one_solution_at_once(no_rate_limits, user_factory, topic_factory):
    starter, writer = user_factory(), user_factory()
    topic = topic_factory(author=starter)
    answer = services.answer_post(actor=writer, topic=topic, body="Een vast ritme hielp mij.")
    solutions.solution_propose(actor=starter, topic=topic, answer=answer)
    moderators = bulk_members(20, prefix="signer", moderators=True)
    results, errors, wave = run_together(
        lambda moderator: _outcome(lambda: solutions.solution_sign_off(actor=moderator, topic=topic)), moderators
    )
    topic.refresh_from_db()
    report("20 moderators sign off", wave=wave, errors=len(errors), done=results.count("done"),
           audit_rows=AuditEntry.objects.filter(topic=topic, action=AuditAction.SOLUTION_SIGNED_OFF).count())
    assert errors == []
    assert results.count("done") == 1 and results.count("refused") == 19
    assert topic.solution_state == SolutionState.SOLVED and topic.accepted_answer_id == answer.pk
    assert AuditEntry.objects.filter(topic=topic, action=AuditAction.SOLUTION_SIGNED_OFF).count() == 1
    assert Notification.objects.filter(recipient=starter, kind=NotificationKind.TOPIC_SOLVED).count() == 1
    assert Notification.objects.filter(recipient=writer, kind=NotificationKind.SOLUTION_ACCEPTED).count() == 1


def test_the_daily_flag_cap_holds_against_20_flags_at_once(no_rate_limits, settings, user_factory, topic):
    settings.MODERATION_FLAG_DAILY_CAP = 10
    writer, flagger = user_factory(), user_factory()
    posts = [services.answer_post(actor=writer, topic=topic, body=f"Ervaring nummer {n}.") for n in range(20)]

    def flag(post):
        try:
            moderation_services.flag_create(actor=flagger, post=post, reason="spam")
        except moderation_services.FlagError:
            return "capped"
        return "accepted"

    results, errors, wave = run_together(flag, posts)
    report("20 flags, cap 10", wave=wave, errors=len(errors), accepted=results.count("accepted"))
    assert errors == []
    assert results.count("accepted") == 10 and results.count("capped") == 10
    assert Flag.objects.filter(flagger=flagger).count() == 10


def test_a_rate_limit_holds_against_parallel_requests(settings, answer):
    """The database cache's incr is a read then a write; parallel requests of one member must still count one by one."""
    settings.FORUM_RATE_LIMITS = {"reaction": (10, 3600)}
    from forum.ratelimit import RateLimitExceeded

    member = bulk_members(1, prefix="eager")[0]

    def react(kind_index):
        try:
            services.reaction_toggle(actor=member, post=answer, kind=list(ReactionKind)[kind_index % 5])
        except RateLimitExceeded:
            return "limited"
        return "done"

    results, errors, wave = run_together(react, list(range(30)))
    report("30 parallel reactions, limit 10", wave=wave, errors=len(errors), done=results.count("done"))
    assert errors == []
    assert results.count("done") == 10


@pytest.mark.parametrize("backend", ["database cache (F() per view)", "redis (buffered INCR, flushed)"])
def test_parallel_views_are_counted_exactly(settings, topic, backend):
    from django.test import Client

    from forum.viewcount import view_counts_flush

    if backend.startswith("redis"):
        import redis

        try:
            redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
        except redis.RedisError:
            pytest.skip(f"Redis is not reachable at {REDIS_URL}")
        from config.env import cache_config

        settings.CACHES = cache_config(environ={"REDIS_URL": REDIS_URL})
        settings.FORUM_BUFFER_VIEWS = True
        cache.clear()
    visitors = [f"10.0.{n // 256}.{n % 256}" for n in range(300)] + [f"10.0.0.{n}" for n in range(50)]  # 50 visitors come twice
    browser = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
    url = topic.get_absolute_url()

    def visit(address):  # the topic page itself, as every real view is counted
        return Client().get(url, HTTP_USER_AGENT=browser, REMOTE_ADDR=address).status_code

    results, errors, wave = run_together(visit, visitors)
    view_counts_flush()
    topic.refresh_from_db()
    report(f"views via {backend}", wave=wave, errors=len(errors), pages=results.count(200), view_count=topic.view_count)
    assert errors == []
    assert results.count(200) == 350
    assert topic.view_count == 300
    if backend.startswith("redis"):
        cache.clear()


def test_members_acting_on_each_other_s_posts_at_once_do_not_deadlock(no_rate_limits, category):
    """Votes, reactions and flags between the same members in both directions, all at once: no deadlock, exact counts."""
    members = bulk_members(40, prefix="pair")
    topics = [services.topic_create(actor=members[n], category=category, title=f"Vraag nummer {n} hier", body="Tekst.") for n in range(2)]
    answers = [services.answer_post(actor=m, topic=topics[n % 2], body=f"Antwoord {n}.") for n, m in enumerate(members)]
    jobs = [(kind, n) for n in range(40) for kind in ("vote", "react", "flag")]

    def act(job):
        kind, n = job
        if kind == "vote":
            services.vote_cast(actor=members[n], post=answers[(n + 1) % 40], value=Vote.UP)
        elif kind == "react":
            services.reaction_toggle(actor=members[n], post=answers[(n - 1) % 40], kind=ReactionKind.HUG)
        else:
            moderation_services.flag_create(actor=members[n], post=answers[(n + 2) % 40], reason="spam")

    results, errors, wave = run_together(act, jobs)
    report("40 members acting on each other's posts", wave=wave, errors=len(errors), jobs=len(jobs))
    assert errors == []
    assert sorted(Post.objects.filter(pk__in=[a.pk for a in answers]).values_list("score", flat=True)) == [1] * 40
    assert Reaction.objects.filter(post__in=answers).count() == 40 and Flag.objects.count() == 40
