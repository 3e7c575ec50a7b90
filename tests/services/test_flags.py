"""Flags: one per member per post, a daily cap, and a threshold that hides and queues."""

import pytest

from forum.models import Notification, Visibility
from moderation import services as moderation
from moderation.models import AuditEntry, Flag, ReviewItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer(answer_factory):
    return answer_factory()


def test_one_flag_per_member_per_post(member, answer):
    moderation.flag_create(actor=member, post=answer, reason="spam")
    with pytest.raises(moderation.FlagError):
        moderation.flag_create(actor=member, post=answer, reason="spam")
    assert Flag.objects.filter(post=answer).count() == 1


def test_other_needs_an_explanation(member, answer):
    with pytest.raises(moderation.FlagError):
        moderation.flag_create(actor=member, post=answer, reason="other", text="")


def test_three_distinct_flaggers_hide_and_queue_the_post(established_factory, answer, topic):
    flaggers = [established_factory() for _ in range(3)]
    for flagger in flaggers[:2]:
        moderation.flag_create(actor=flagger, post=answer, reason="misinformation")
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED
    moderation.flag_create(actor=flaggers[2], post=answer, reason="misinformation")
    answer.refresh_from_db()
    topic.refresh_from_db()
    assert answer.visibility == Visibility.PENDING and topic.answer_count == 0
    assert ReviewItem.objects.get(post=answer, status="pending").reason == "flags"
    assert AuditEntry.objects.filter(post=answer, action="hidden_by_flags").exists()


def test_dismissing_flags_shows_the_post_again_and_tells_the_flaggers(established_factory, moderator, answer):
    flaggers = [established_factory() for _ in range(3)]
    for flagger in flaggers:
        moderation.flag_create(actor=flagger, post=answer, reason="spam")
    moderation.review_dismiss_flags(actor=moderator, item=ReviewItem.objects.get(post=answer, status="pending"))
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED
    assert Notification.objects.filter(kind="flag_outcome").count() == 3
    assert set(Flag.objects.filter(post=answer).values_list("outcome", flat=True)) == {"dismissed"}


def test_daily_cap_is_enforced(settings, member, answer_factory, no_rate_limits):
    settings.MODERATION_FLAG_DAILY_CAP = 2
    posts = [answer_factory() for _ in range(3)]
    moderation.flag_create(actor=member, post=posts[0], reason="spam")
    moderation.flag_create(actor=member, post=posts[1], reason="spam")
    with pytest.raises(moderation.FlagError, match="limit|limiet"):
        moderation.flag_create(actor=member, post=posts[2], reason="spam")
