"""Reads for the moderator pages, shaped for a fixed number of queries."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from forum.models import Post, SolutionState, Topic, Visibility
from moderation.app_settings import moderation_settings
from moderation.models import AuditEntry, Flag, ReviewItem, ReviewStatus
from moderation.policy import Assessment
from moderation.policy import queue as queue_policy
from moderation.services import post_assessment_text

QUEUE_EXCERPT_CHARS = 600


def queue_pending(filters, page_number):
    """Pending items, oldest first, filtered by reason, category and claim type (lane)."""
    items = (
        ReviewItem.objects.filter(status=ReviewStatus.PENDING)
        .select_related("post__topic__category", "post__author", "claimed_by")
        .order_by("created_at", "pk")
    )
    if filters.get("reason"):
        items = items.filter(reason=filters["reason"])
    if filters.get("category"):
        items = items.filter(post__topic__category=filters["category"])
    if filters.get("lane"):
        items = items.filter(claim_types__contains=[filters["lane"]]) if _json_contains() else items.filter(
            claim_types__icontains=f'"{filters["lane"]}"'
        )
    page = Paginator(items, moderation_settings.QUEUE_PAGE_SIZE).get_page(page_number)
    now = timezone.now()
    for item in page.object_list:
        item.holder_id = queue_policy.claim_holder(item.claimed_by_id, item.claimed_until, now)
        item.assessment = Assessment.from_dict(item.post.assessment) if item.post.assessment else None
        text = post_assessment_text(item.post)
        # The queue shows the start of each post; cutting the text before marking it up is much
        # cheaper than truncating the HTML afterwards.
        item.highlighted = highlighted_text(text[:QUEUE_EXCERPT_CHARS], item.assessment)
        item.is_shortened = len(text) > QUEUE_EXCERPT_CHARS
    return page


def _json_contains():
    from django.db import connection

    return connection.vendor == "postgresql"


def highlighted_text(text, assessment):
    """The post's Markdown source, escaped, with the phrases that made it a claim in <mark>."""
    if assessment is None:
        return escape(text)
    spans = sorted({(m.start, m.end, m.rule) for m in assessment.matched})
    parts, position = [], 0
    for start, end, rule in spans:
        if start < position or end > len(text):
            continue
        parts.append(escape(text[position:start]))
        parts.append(f'<mark title="{escape(rule)}">{escape(text[start:end])}</mark>')
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def author_history(author):
    posts = Post.objects.filter(author=author).aggregate(
        total=Count("pk"),
        published=Count("pk", filter=Q(visibility=Visibility.PUBLISHED, is_deleted=False)),
        rejected=Count("pk", filter=Q(visibility=Visibility.REJECTED)),
    )
    posts["earlier_rejections"] = ReviewItem.objects.filter(post__author=author, status=ReviewStatus.REJECTED).count()
    return posts


def review_item_context(item, viewer):
    item = ReviewItem.objects.select_related("post__topic__category", "post__author", "claimed_by", "decided_by").get(pk=item.pk)
    assessment = Assessment.from_dict(item.post.assessment) if item.post.assessment else None
    now = timezone.now()
    return {
        "item": item,
        "post": item.post,
        "assessment": assessment,
        "highlighted": highlighted_text(post_assessment_text(item.post), assessment),
        "holder_id": queue_policy.claim_holder(item.claimed_by_id, item.claimed_until, now),
        "history": author_history(item.post.author),
        "flags": Flag.objects.filter(post=item.post).select_related("flagger"),
        "audit": AuditEntry.objects.filter(post=item.post).select_related("actor"),
        "can_undo": item.status != ReviewStatus.PENDING and queue_policy.can_undo(item.decided_at, now),
    }


def solution_queue():
    """Topics waiting for sign-off or for a decision on reopening, oldest first."""
    return (
        Topic.objects.filter(solution_state__in=[SolutionState.PROPOSED, SolutionState.REOPEN_REQUESTED])
        .select_related("category", "author", "proposed_answer__author", "accepted_answer__author")
        .order_by("proposed_at", "pk")
    )


def solution_context(topic, form):
    answer = topic.proposed_answer or topic.accepted_answer
    assessment = Assessment.from_dict(answer.assessment) if answer and answer.assessment else None
    return {
        "topic": topic,
        "answer": answer,
        "assessment": assessment,
        "form": form,
        "needs_override": bool(topic.category.is_health and assessment and assessment.needs_review),
        "audit": AuditEntry.objects.filter(topic=topic).select_related("actor")[:20],
    }
