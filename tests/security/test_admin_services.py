"""Django admin goes through the services: an audit row, a new assessment and fresh cached pages; records can't be deleted.

Before, renaming a topic or editing a post in admin wrote no audit row, was not assessed and left
cached pages stale; votes, reactions and notifications could be hard-deleted, and deleting a
member cascaded their votes and left scores wrong.
"""

import pytest

from forum import services
from forum.models import Notification, Post, Reaction, ReactionKind, Revision, Topic, Visibility, Vote
from moderation.models import AuditAction, AuditEntry, ReviewItem, ReviewStatus
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}


@pytest.fixture
def admin_client(client, admin_factory):
    client.force_login(admin_factory("chief"))
    return client


def test_renaming_a_topic_in_admin_is_audited_kept_as_a_revision_and_shown_at_once(admin_client, topic, category_factory):
    anonymous = admin_client.__class__()
    assert topic.title in anonymous.get(topic.get_absolute_url(), **BROWSER).content.decode()  # now cached
    elsewhere = category_factory("Elders")
    response = admin_client.post(f"/admin/forum/topic/{topic.pk}/change/", {"title": "Een betere titel voor deze vraag", "category": elsewhere.pk})
    assert response.status_code == 302, response.content.decode()[:2000]
    topic.refresh_from_db()
    assert topic.title == "Een betere titel voor deze vraag" and topic.category_id == elsewhere.pk
    entry = AuditEntry.objects.get(action=AuditAction.CHANGED_IN_ADMIN, topic=topic)
    assert entry.actor.username == "chief" and entry.reason == "title, category"
    assert Revision.objects.filter(post__topic=topic, title="Hoe plan ik mijn week met weinig energie?").exists()
    assert "Een betere titel voor deze vraag" in anonymous.get(topic.get_absolute_url(), **BROWSER).content.decode()


def test_a_post_edited_in_admin_is_assessed_again_and_held_when_it_makes_an_unsourced_claim(admin_client, answer_factory):
    answer = answer_factory()
    response = admin_client.post(f"/admin/forum/post/{answer.pk}/change/", {"body": CLAIM_WITHOUT_SOURCE})
    assert response.status_code == 302, response.content.decode()[:2000]
    answer.refresh_from_db()
    assert answer.body == CLAIM_WITHOUT_SOURCE and answer.visibility == Visibility.PENDING
    assert ReviewItem.objects.filter(post=answer, status=ReviewStatus.PENDING).exists()
    assert AuditEntry.objects.filter(action=AuditAction.CHANGED_IN_ADMIN, post=answer, reason="body").exists()
    assert Revision.objects.filter(post=answer).count() == 1


def test_topics_and_posts_cannot_be_added_in_admin_past_the_screen(admin_client):
    assert admin_client.get("/admin/forum/topic/add/").status_code == 403
    assert admin_client.get("/admin/forum/post/add/").status_code == 403


def test_votes_reactions_notifications_revisions_and_audit_rows_cannot_be_deleted_in_admin(admin_client, user_factory, answer_factory):
    answer = answer_factory()
    voter = user_factory()
    services.vote_cast(actor=voter, post=answer, value=Vote.UP)
    services.reaction_toggle(actor=voter, post=answer, kind=ReactionKind.LIKE)
    services.post_edit(actor=answer.author, post=answer, body="Een nieuwe versie van het antwoord.")
    services.post_delete(actor=answer.author, post=answer_factory())  # an audit row
    records = {
        "forum/vote": Vote.objects.get(post=answer), "forum/reaction": Reaction.objects.get(post=answer),
        "forum/notification": Notification.objects.filter(recipient=answer.author).first(),
        "forum/revision": Revision.objects.get(post=answer), "moderation/auditentry": AuditEntry.objects.first(),
    }
    for model, record in records.items():
        assert record is not None, model
        assert admin_client.get(f"/admin/{model}/{record.pk}/delete/").status_code == 403, model
        assert admin_client.post(f"/admin/{model}/{record.pk}/delete/", {"post": "yes"}).status_code == 403, model
        changelist = admin_client.get(f"/admin/{model}/").content.decode()
        assert 'value="delete_selected"' not in changelist, model
    assert Vote.objects.filter(post=answer).count() == 1 and Post.objects.get(pk=answer.pk).score == 1


def test_deleting_a_member_is_not_offered_in_admin(admin_client, user_factory, answer_factory):
    member = user_factory()
    services.vote_cast(actor=member, post=answer_factory(), value=Vote.UP)
    assert admin_client.get(f"/admin/forum/user/{member.pk}/delete/").status_code == 403
    assert admin_client.post(f"/admin/forum/user/{member.pk}/delete/", {"post": "yes"}).status_code == 403
    assert 'value="delete_selected"' not in admin_client.get("/admin/forum/user/").content.decode()
    assert Vote.objects.filter(user=member).count() == 1
    assert Topic.objects.exists()


def test_admin_shows_who_uploaded_an_image_and_cannot_change_or_delete_it(admin_client, member):
    from forum.models import Upload

    upload = Upload.objects.create(uploader=member, file="uploads/a.png", content_type="image/png", size=10)
    assert member.username in admin_client.get("/admin/forum/upload/").content.decode()
    assert admin_client.post(f"/admin/forum/upload/{upload.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin_client.post(f"/admin/forum/upload/{upload.pk}/change/", {"uploader": admin_client.session["_auth_user_id"]}).status_code == 403
    assert Upload.objects.get(pk=upload.pk).uploader == member
