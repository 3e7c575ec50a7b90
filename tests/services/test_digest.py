from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from forum import services
from moderation.digest import queue_digest_enqueue
from moderation.models import ReviewItem
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db


def test_digest_goes_to_moderators_who_opted_in_and_lists_old_items_only(moderator_factory, member, topic):
    keen, quiet = moderator_factory("keen"), moderator_factory("quiet")
    services.user_update_preferences(actor=keen, email_queue_digest=True)
    old = services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    ReviewItem.objects.filter(post=old).update(created_at=timezone.now() - timedelta(hours=30))
    services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE + " nieuw")
    assert queue_digest_enqueue() == 1
    assert [m.to for m in mail.outbox] == [[keen.email]]
    assert topic.title in mail.outbox[0].body
    assert mail.outbox[0].body.count(topic.title) == 1
    assert quiet.email not in str([m.to for m in mail.outbox])
