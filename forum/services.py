"""Every state change in the forum. One service is one transaction; no other code writes these models.

Moderation screens a post inside the same transaction (moderation.services.post_screen returns whether
it is published or held; `_screen` writes that onto the post), so a post is never visible for a moment
before it is held; what follows from the decision is forum/visibility.py's, whoever made it.
"""

import difflib

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import cache_keys, ratelimit, watching
from forum.locks import lock_rows
from forum.mentions import render_post
from forum.models import NotificationKind, Post, Reaction, Revision, Topic, Visibility, Vote
from forum.notifications import notify, notify_reaction
from forum.search import post_index
from forum.validators import clean_text
from forum.visibility import post_visibility_changed, topic_refresh_counters
from moderation import services as moderation_services
from moderation.audit import audit
from moderation.models import AuditAction
from moderation.solutions import accepted_answer_changed


def _lock_topic(topic_id):
    return lock_rows(topic_id=topic_id)[0]


def _lock_post(post):
    """The post's topic, then the post (forum.locks): every service takes them in this order."""
    return lock_rows(topic_id=post.topic_id, post_id=post.pk)[1]


def _assess(*, title, body, is_question, html):
    """Assessed before any row is locked: a slow text must not hold up others' votes in the topic."""
    return moderation_services.assess_post_text(title=title, body=body, is_question=is_question, html=html)


def _screen(post, actor, *, is_edit, assessment=None, hold=True):
    """Moderation decides (published or held); the post is written here, and the caller then runs the
    one follow-up for what readers see (forum.visibility.post_visibility_changed)."""
    decision = moderation_services.post_screen(post=post, actor=actor, is_edit=is_edit, assessment=assessment, hold=hold)
    post.assessment, post.crisis = decision.assessment, decision.crisis
    update = ["assessment", "crisis"]
    if decision.visibility != post.visibility:
        post.visibility = decision.visibility
        update.append("visibility")
    if decision.clear_rejection:
        post.rejection_reason = ""
        update.append("rejection_reason")
    post.save(update_fields=update)


@transaction.atomic
def topic_create(*, actor, category, title, body, anonymous=False):
    """Open a topic: the question is assessed like an answer and may be held for a moderator.

    `anonymous` (health categories only): others see "Anonymous member" for the starter's posts in
    it; moderators still see who, and the starter keeps the starter's rights.
    """
    if anonymous and not category.is_health:
        raise ValueError("Only questions in health categories can be asked anonymously.")
    ratelimit.consume(actor, "topic")
    body, title = clean_text(body), clean_text(title).strip()
    body_html = render_post(body)
    assessment = _assess(title=title, body=body, is_question=True, html=body_html)
    topic = Topic.objects.create(category=category, author=actor, title=title, is_anonymous=anonymous)
    question = Post.objects.create(topic=topic, author=actor, is_question=True, body=body, body_html=body_html)
    _screen(question, actor, is_edit=False, assessment=assessment)
    watching.watch_after_posting(actor=actor, topic=topic)
    post_visibility_changed(post=question, actor=actor, before=None)
    topic.refresh_from_db()
    return topic


@transaction.atomic
def answer_post(*, actor, topic, body):
    """Answer a topic. Held answers are stored but shown only to their author and moderators."""
    ratelimit.consume(actor, "answer")
    body = clean_text(body)
    body_html = render_post(body)
    assessment = _assess(title=topic.title, body=body, is_question=False, html=body_html)
    topic = _lock_topic(topic.pk)
    answer = Post.objects.create(topic=topic, author=actor, body=body, body_html=body_html)
    _screen(answer, actor, is_edit=False, assessment=assessment)
    watching.watch_after_posting(actor=actor, topic=topic)
    post_visibility_changed(post=answer, actor=actor, before=None)
    return answer


@transaction.atomic
def post_edit(*, actor, post, body, title=None, moderator_reason=None):
    """Edit a post, keeping the previous version as a revision, and assess it again.

    `moderator_reason`: a moderator edits a member's post (removing a phone number, a dangerous
    sentence). The reason is required and shown to the author, who is notified; the audit entry
    holds the diff; the text is assessed but the edit never holds the post.
    """
    by_moderator = moderator_reason is not None
    if by_moderator and not moderator_reason.strip():
        raise PostError(_("Give the author a reason for your edit."))
    ratelimit.consume(actor, "edit")
    body = clean_text(body)
    body_html = render_post(body)
    asked_title = clean_text(title).strip() if (title is not None and post.is_question) else None
    assessed_title = asked_title if asked_title is not None else Topic.objects.values_list("title", flat=True).get(pk=post.topic_id)
    assessment = _assess(title=assessed_title, body=body, is_question=post.is_question, html=body_html)
    post = _lock_post(post)
    topic = post.topic
    new_title = asked_title if asked_title is not None else topic.title
    if body == post.body and new_title == topic.title:
        return post
    if new_title != assessed_title:  # the title changed while the text was assessed: assess what will be stored
        assessment = None
    Revision.objects.create(
        post=post, title=topic.title if post.is_question else "", body=post.body, body_html=post.body_html, edited_by=actor,
        number=post.revision, moderator_note=post.moderator_note,
    )
    now = timezone.now()
    old_body = post.body
    post.body = body
    post.body_html = body_html
    post.edited_at = now
    post.revision += 1
    # A moderator's label and note were given for the text they saw, not for this one (the Revision keeps the note).
    post.moderator_note = ""
    post.reviewed_by = None
    post.moderator_edit_reason = moderator_reason.strip()[:500] if by_moderator else post.moderator_edit_reason
    post.save(update_fields=["body", "body_html", "edited_at", "revision", "moderator_note", "reviewed_by", "moderator_edit_reason"])
    if post.is_question and new_title != topic.title:
        topic.title = new_title
        topic.edited_at = now
        topic.save(update_fields=["title", "edited_at"])
    before = post.visibility
    _screen(post, actor, is_edit=True, assessment=assessment, hold=not by_moderator)
    if by_moderator:
        _moderator_edited(actor, post, old_body, moderator_reason.strip())
    if post.is_visible and before == Visibility.PUBLISHED:  # one just published is announced whole (forum.visibility)
        watching.post_edited(post)
    # First, so an accepted answer whose edit holds it leaves the solution as "edited", not "hidden".
    accepted_answer_changed(topic=topic, post=post, actor=actor, change="edited")
    post_visibility_changed(post=post, actor=actor, before=before)
    return post


class PostError(Exception):
    """A refused change to a post; the message is for the member."""


def _moderator_edited(actor, post, old_body, reason):
    diff = "\n".join(difflib.unified_diff(old_body.splitlines(), post.body.splitlines(), "before", "after", lineterm=""))
    audit(actor=actor, action=AuditAction.MODERATOR_EDITED, post=post, reason=f"{reason}\n\n{diff}",
          status_before=str(post.revision - 1), status_after=str(post.revision))
    notify(recipient=post.author, kind=NotificationKind.MODERATOR_EDITED, actor=actor, topic=post.topic, post=post, reason=reason)


def others_answered(question):
    """Whether anyone but the starter has answered (published or not): then the topic holds others' words."""
    return Post.objects.filter(topic_id=question.topic_id, is_question=False, is_deleted=False).exclude(
        author_id=question.author_id
    ).exists()


@transaction.atomic
def post_delete(*, actor, post):
    """Soft delete: hidden from everyone but moderators, kept with its history.

    A question is deleted only while nobody else has answered: deleting it takes the whole topic,
    and with it other members' words. After that the starter withdraws it (question_withdraw)
    and a moderator hides the topic with a reason (topic_hide).
    """
    post = _lock_post(post)
    topic = post.topic
    if post.is_deleted:
        return post
    if post.is_question and others_answered(post):
        raise PostError(_("Others have answered this question, so it cannot be deleted: withdraw it instead and their answers stay."))
    post.is_deleted = True
    post.deleted_at = timezone.now()
    post.deleted_by = actor
    post.save(update_fields=["is_deleted", "deleted_at", "deleted_by"])
    if post.is_question:
        Topic.objects.filter(pk=topic.pk).update(is_deleted=True, is_public=False)
    audit(actor=actor, action=AuditAction.POST_DELETED, post=post, status_before="visible", status_after="deleted")
    accepted_answer_changed(topic=topic, post=post, actor=actor, change="deleted")
    topic_refresh_counters(topic.pk)
    return post


@transaction.atomic
def question_withdraw(*, actor, post):
    """The starter takes their question back after others answered: its text goes (shown as "removed by
    the author"; the original is kept as a revision that moderators can read), the answers stay."""
    post = _lock_post(post)
    topic = post.topic
    if not post.is_question or post.withdrawn_at is not None or post.is_deleted:
        raise PostError(_("Only a question that is still shown can be withdrawn."))
    now = timezone.now()
    Revision.objects.create(
        post=post, title=topic.title, body=post.body, body_html=post.body_html, edited_by=actor, number=post.revision,
        moderator_note=post.moderator_note,
    )
    post.body = post.body_html = post.moderator_note = ""
    post.withdrawn_at = post.edited_at = now
    post.revision += 1
    post.reviewed_by = None
    post.save(update_fields=["body", "body_html", "moderator_note", "withdrawn_at", "edited_at", "revision", "reviewed_by"])
    audit(actor=actor, action=AuditAction.QUESTION_WITHDRAWN, post=post, status_before="shown", status_after="withdrawn")
    topic_refresh_counters(topic.pk)
    post_index(post.pk)
    return post


@transaction.atomic
def topic_hide(*, actor, topic, reason):
    """A moderator takes a whole topic offline, with a reason; topic_unhide undoes it."""
    if not reason.strip():
        raise PostError(_("Give a reason for hiding the topic."))
    topic = lock_rows(topic_id=topic.pk)[0]
    if topic.hidden_at is not None:
        raise PostError(_("This topic is already hidden."))
    topic.hidden_at, topic.hidden_by, topic.hidden_reason = timezone.now(), actor, reason.strip()
    topic.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    audit(actor=actor, action=AuditAction.TOPIC_HIDDEN, topic=topic, reason=reason.strip(), status_before="public", status_after="hidden")
    topic_refresh_counters(topic.pk)
    return topic


@transaction.atomic
def topic_unhide(*, actor, topic):
    topic = lock_rows(topic_id=topic.pk)[0]
    if topic.hidden_at is None:
        raise PostError(_("This topic is not hidden."))
    reason = topic.hidden_reason
    topic.hidden_at, topic.hidden_by, topic.hidden_reason = None, None, ""
    topic.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    audit(actor=actor, action=AuditAction.TOPIC_UNHIDDEN, topic=topic, reason=reason, status_before="hidden", status_after="public")
    topic_refresh_counters(topic.pk)
    return topic


@transaction.atomic
def vote_cast(*, actor, post, value):
    """Set the member's vote on a post to +1, -1 or 0 (retract). Exact under concurrent votes.

    The topic and post rows are locked (forum.locks order), so concurrent votes on one post queue
    up and each reads the vote it replaces; the score moves by F() deltas.
    """
    if value not in (Vote.UP, Vote.DOWN, 0):
        raise ValueError("A vote is +1, -1 or 0.")
    ratelimit.consume(actor, "vote")
    post = _lock_post(post)
    existing = Vote.objects.filter(post=post, user=actor).first()
    old = existing.value if existing else 0
    if value == old:
        return post.score
    if existing and value == 0:
        existing.delete()
    elif existing:
        existing.value = value
        existing.save(update_fields=["value"])
    else:
        Vote.objects.create(post=post, user=actor, value=value)
    Post.objects.filter(pk=post.pk).update(score=F("score") + (value - old))
    if not post.is_question:
        best = Post.objects.filter(
            topic_id=post.topic_id, is_question=False, visibility=Visibility.PUBLISHED, is_deleted=False
        ).aggregate(best=Max("score"))["best"]
        Topic.objects.filter(pk=post.topic_id).update(best_answer_score=best)
    if value != 0:
        notify_reaction(recipient=post.author, actor=actor, post=post)
    cache_keys.topic_changed(post.topic_id, stale_ok=True)  # a score a moment late harms no one
    return Post.objects.values_list("score", flat=True).get(pk=post.pk)


@transaction.atomic
def reaction_toggle(*, actor, post, kind):
    """Add the member's reaction of this kind, or take it back. Returns (added, count of this kind)."""
    ratelimit.consume(actor, "reaction")
    post = _lock_post(post)
    deleted, _ = Reaction.objects.filter(post=post, user=actor, kind=kind).delete()
    added = not deleted
    if added:
        Reaction.objects.create(post=post, user=actor, kind=kind)
        notify_reaction(recipient=post.author, actor=actor, post=post)
    Topic.objects.filter(pk=post.topic_id).update(reaction_count=F("reaction_count") + (1 if added else -1))
    cache_keys.topic_changed(post.topic_id, stale_ok=True)  # a count a moment late harms no one
    return added, Reaction.objects.filter(post=post, kind=kind).count()


def user_set_language(*, actor, language):
    actor.preferred_language = language
    actor.save(update_fields=["preferred_language"])


def user_update_preferences(*, actor, **preferences):
    for name, value in preferences.items():
        setattr(actor, name, value)
    actor.save(update_fields=list(preferences))


def _audit_admin_change(actor, *, topic, post, changes):
    audit(actor=actor, action=AuditAction.CHANGED_IN_ADMIN, topic=topic, post=post, reason=", ".join(changes))


@transaction.atomic
def topic_admin_change(*, actor, topic, title, category):
    """A topic changed in Django admin: a new title goes through post_edit (revision, assessment, cache
    versions) like a member's edit, a move to another category is saved under the topic's lock; both audited."""
    question = Post.objects.get(topic_id=topic.pk, is_question=True)
    current = Topic.objects.values("title", "category_id").get(pk=topic.pk)
    changes = []
    if clean_text(title).strip() != current["title"]:
        post_edit(actor=actor, post=question, body=question.body, title=title)
        changes.append("title")
    locked = _lock_topic(topic.pk)
    if category.pk != locked.category_id:
        locked.category = category
        locked.save(update_fields=["category"])
        changes.append("category")
    if changes:
        _audit_admin_change(actor, topic=locked, post=question, changes=changes)
        cache_keys.topic_changed(topic.pk)
    return locked


@transaction.atomic
def post_admin_change(*, actor, post, body):
    """A post's text changed in Django admin: the same path as a member's edit (revision, assessment,
    cache versions), and an audit row saying who did it there."""
    if clean_text(body) == Post.objects.values_list("body", flat=True).get(pk=post.pk):
        return post
    post = post_edit(actor=actor, post=post, body=body)
    _audit_admin_change(actor, topic=post.topic, post=post, changes=["body"])
    return post
