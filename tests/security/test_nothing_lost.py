"""Nothing is lost: no code path hard-deletes topics, posts, revisions, flags, review items or audit rows.

Three layers: the source has no delete call except the reviewed ones below; the schema
protects history (PROTECT, never CASCADE, into and out of it); the admin cannot delete it.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import ProtectedError

from forum import services
from forum.models import Post, Revision, Topic
from moderation.models import AuditEntry, Flag, ReviewItem

ROOT = Path(settings.BASE_DIR)
HISTORY = (Topic, Post, Revision, Flag, ReviewItem, AuditEntry)

# Every delete call in our code, reviewed: (file, function, what is deleted). None of it is history.
REVIEWED_DELETES = {
    ("forum/services.py", "vote_cast", "existing"),  # a retracted vote
    ("forum/services.py", "reaction_toggle", "Reaction.objects.filter(post=post, user=actor, kind=kind)"),  # a reaction taken back
    ("forum/watching.py", "category_watch_set", "CategoryWatch.objects.filter(user=actor, category=category)"),  # stop watching
    ("forum/watching.py", "member_mute_set", "MemberMute.objects.filter(user=actor, muted=member)"),  # hear a member again
    ("forum/admin.py", "delete_model", "super()"),  # a category without topics (its topics protect it)
    ("forum/admin.py", "delete_queryset", "super()"),  # the same, several at once
    ("moderation/admin.py", "delete_model", "super()"),  # a health term or source domain; the change is audited
    ("moderation/admin.py", "delete_queryset", "self"),  # the same, one by one
    # The file of an image its uploader removed, or that a closing account no longer needs; the row stays.
    ("forum/uploads.py", "_remove", "default_storage"),
}


DELETE_METHODS = ("delete", "_raw_delete", "delete_model", "delete_queryset")


def delete_calls():
    """(file, enclosing function, receiver) for every delete call on something other than the cache."""
    found = set()
    for package in ("forum", "moderation", "config"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for function in [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]:
                for node in ast.walk(function):
                    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in DELETE_METHODS:
                        receiver = ast.unparse(node.func.value)
                        if receiver != "cache":
                            found.add((path.relative_to(ROOT).as_posix(), function.name, receiver))
            source = path.read_text(encoding="utf-8").upper()
            assert "DELETE FROM" not in source and "TRUNCATE" not in source, path
    return found


def test_every_delete_in_the_code_is_reviewed_and_none_touches_history():
    assert delete_calls() == REVIEWED_DELETES


@pytest.mark.parametrize("model", HISTORY, ids=lambda m: m.__name__)
def test_history_is_protected_in_the_schema(model):
    """No foreign key from or to a history row cascades: deleting a member or a post cannot take history with it."""
    cascading = [
        f"{model.__name__}.{f.name}" for f in model._meta.get_fields()
        if isinstance(f, models.ForeignKey | models.OneToOneField) and f.remote_field.on_delete is models.CASCADE
    ]
    cascading += [
        f"{rel.related_model.__name__}.{rel.field.name}" for rel in model._meta.related_objects
        if rel.on_delete is models.CASCADE and rel.related_model in HISTORY
    ]
    assert cascading == []


@pytest.mark.django_db
def test_the_audit_log_refuses_updates_and_deletes(moderator, topic):
    from moderation.audit import audit
    from moderation.models import AuditAction

    entry = audit(actor=moderator, action=AuditAction.NOTE_ADDED, topic=topic, reason="x")
    for attempt in (entry.delete, AuditEntry.objects.all().delete, lambda: AuditEntry.objects.update(reason="y"), entry.save):
        with pytest.raises(TypeError):
            attempt()
    assert AuditEntry.objects.filter(pk=entry.pk, reason="x").exists()


@pytest.mark.django_db
def test_deleting_a_member_with_posts_is_refused(member, topic_factory):
    topic = topic_factory(author=member)
    with pytest.raises(ProtectedError):
        member.delete()
    assert Topic.objects.filter(pk=topic.pk).exists() and Post.objects.filter(topic=topic).exists()


@pytest.mark.django_db
def test_deleting_a_post_keeps_it_and_its_history(member, topic, moderator):
    answer = services.answer_post(actor=member, topic=topic, body="Eerste versie.")
    services.post_edit(actor=member, post=answer, body="Tweede versie.")
    services.post_delete(actor=moderator, post=answer)
    answer.refresh_from_db()
    assert answer.is_deleted and answer.deleted_by == moderator
    assert Revision.objects.filter(post=answer, body="Eerste versie.").exists()
    assert AuditEntry.objects.filter(post=answer, action="post_deleted").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("model", HISTORY, ids=lambda m: m.__name__)
def test_the_admin_cannot_delete_history(model, admin_factory, rf):
    admin_user = admin_factory()
    request = rf.get("/admin/")
    request.user = admin_user
    model_admin = admin.site._registry[model]
    assert not model_admin.has_delete_permission(request)
    assert "delete_selected" not in model_admin.get_actions(request)


@pytest.mark.django_db
def test_the_admin_delete_pages_refuse_and_keep_the_rows(client, admin_factory, topic, member):
    answer = services.answer_post(actor=member, topic=topic, body="Een antwoord.")
    client.force_login(admin_factory())
    for url in (f"/admin/forum/post/{answer.pk}/delete/", f"/admin/forum/topic/{topic.pk}/delete/"):
        assert client.get(url).status_code == 403
        assert client.post(url, {"post": "yes"}).status_code == 403
    response = client.post("/admin/forum/post/", {"action": "delete_selected", "_selected_action": [answer.pk], "post": "yes"})
    assert response.status_code in (200, 302)
    response = client.post(f"/admin/forum/user/{member.pk}/delete/", {"post": "yes"})
    assert response.status_code in (200, 302, 403)
    assert Post.objects.filter(pk=answer.pk).exists() and Topic.objects.filter(pk=topic.pk).exists()
