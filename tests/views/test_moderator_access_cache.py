"""Moderator rights and TOTP are cached per member, and forgotten the moment they change."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum import services
from forum.models import Visibility
from moderation.models import ReviewItem
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderators():
    return Group.objects.get(name="Moderators")


@pytest.fixture
def held(member, topic):
    return services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)


@pytest.fixture
def seen_queue(client, moderator, memory_cache):
    """The moderator has opened the queue once, so their rights are in the cache."""
    client.force_login(moderator)
    assert client.get("/moderation/").status_code == 200
    return client


def test_a_repeat_queue_request_asks_no_permission_or_totp_tables(seen_queue):
    with CaptureQueriesContext(connection) as queries:
        assert seen_queue.get("/moderation/").status_code == 200
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert "auth_permission" not in tables and "mfa_authenticator" not in tables


def test_a_moderator_removed_from_the_group_is_refused_at_once(seen_queue, moderator, moderators, held):
    moderator.groups.remove(moderators)
    assert seen_queue.get("/moderation/").status_code == 403
    item = ReviewItem.objects.get(post=held)
    assert seen_queue.post(f"/moderation/item/{item.pk}/decide/", {"decision": "approve"}).status_code == 403
    held.refresh_from_db()
    assert held.visibility == Visibility.PENDING


def test_removal_from_the_groups_side_is_seen_at_once(seen_queue, moderator, moderators):
    moderators.user_set.remove(moderator)
    assert seen_queue.get("/moderation/").status_code == 403


def test_clearing_the_group_is_seen_at_once(seen_queue, moderators):
    moderators.user_set.clear()
    assert seen_queue.get("/moderation/").status_code == 403


def test_a_group_losing_the_review_permission_is_seen_at_once(seen_queue, moderators):
    moderators.permissions.remove(Permission.objects.get(codename="review_posts"))
    assert seen_queue.get("/moderation/").status_code == 403


def test_a_deleted_group_takes_its_rights_with_it(seen_queue, moderators):
    moderators.delete()
    assert seen_queue.get("/moderation/").status_code == 403


def test_a_member_added_to_the_group_is_a_moderator_at_once(client, member, moderators, memory_cache):
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.conftest import TOTP_SECRET

    client.force_login(member)
    assert client.get("/moderation/").status_code == 403
    TOTP.activate(member, TOTP_SECRET)
    member.groups.add(moderators)
    assert client.get("/moderation/").status_code == 200


def test_removing_totp_sends_the_moderator_to_set_it_up_again_at_once(seen_queue, moderator):
    Authenticator.objects.filter(user=moderator, type=Authenticator.Type.TOTP).delete()
    response = seen_queue.get("/moderation/")
    assert response.status_code == 302 and "/accounts/2fa/totp/activate" in response["Location"]


def test_a_superuser_who_is_demoted_is_refused_at_once(client, admin_user, memory_cache):
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.conftest import TOTP_SECRET

    TOTP.activate(admin_user, TOTP_SECRET)
    client.force_login(admin_user)
    assert client.get("/moderation/").status_code == 200
    admin_user.is_superuser = False
    admin_user.save(update_fields=["is_superuser"])
    assert client.get("/moderation/").status_code == 403
