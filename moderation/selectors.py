"""Reads for the moderator pages, shaped for a fixed number of queries."""

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from forum.models import Category, Post, SolutionState, Topic, Visibility
from moderation import cache_keys
from moderation.app_settings import moderation_settings
from moderation.models import AuditEntry, Flag, HoldReason, MemberNote, MemberSanction, ReviewItem, ReviewStatus
from moderation.permissions import can_decide_item, can_sign_off_topic, undo_refusal
from moderation.policy import Assessment
from moderation.policy import queue as queue_policy
from moderation.policy.diff import text_diff
from moderation.screening import assessment_text, post_assessment_text

QUEUE_PAGE_SECONDS = 30
QUEUE_PAGE_FORMAT = 4  # part of the cache key: change it with QueueItem, so no old entry is read back


@dataclass
class QueueItem:
    """What the queue shows of one pending item: plain values, cheap to cache and to read back."""

    pk: int
    post_id: int
    reason: str
    claim_types: list
    created_at: datetime
    claimed_by_id: int | None
    claimed_until: datetime | None
    claimed_by_name: str
    title: str
    category_name: str
    author_name: str
    text: str  # the assessed text (a question carries its title), whose start the queue shows
    assessment: dict | None
    author_id: int = 0
    revision: int = 1  # the post revision shown: a bulk decision names it
    priority: bool = False
    note_count: int = 0  # moderators' private notes on the author (moderation.sanctions.member_note_add)
    latest_note: str = ""
    holder_id: int | None = None  # who holds the claim now: set per request, claims expire

    @property
    def reason_label(self):
        return HoldReason(self.reason).label


_QUEUE_COLUMNS = (
    "pk", "post_id", "reason", "claim_types", "created_at", "claimed_by_id", "claimed_until", "claimed_by__username",
    "post__topic__title", "post__topic__category__name", "post__author__username", "post__is_question", "post__body",
    "post__assessment", "post__author_id", "post__revision", "priority", "note_count", "latest_note",
)
LATEST_NOTE_CHARS = 200


def _with_author_notes(items):
    """Each item with its author's note count and latest note, as subqueries of the page's one query
    (the queue shows them beside the item; adding a note bumps the queue's version)."""
    notes = MemberNote.objects.filter(member=OuterRef("post__author"))
    return items.annotate(
        note_count=Coalesce(Subquery(notes.order_by().values("member").annotate(n=Count("pk")).values("n")[:1]), 0),
        latest_note=Subquery(notes.order_by("-created_at", "-pk").values("text")[:1]),
    )


def queue_page(filters, page_number):
    """Pending items, oldest first, filtered by reason, category and claim type (lane); and how
    many topics wait for sign-off. Returns (page of QueueItem, solution count).

    A page, its item count and the sign-off count are cached together under the queue's version
    (moderation.cache_keys): a new, claimed or decided item, an edited held post or a renamed
    category shows on the next request. What changes without touching those (a topic's new
    title, a topic moved to another category) can take QUEUE_PAGE_SECONDS to show in the list;
    the item's own page always reads the database.
    """
    category = filters.get("category")
    try:
        number = max(1, int(page_number))
    except (TypeError, ValueError):
        number = 1
    filter_key = f"{filters.get('reason') or ''}:{category.pk if category else ''}:{filters.get('lane') or ''}"
    key = f"moderation-queue-page:{QUEUE_PAGE_FORMAT}:{cache_keys.queue_version()}:{filter_key}:{number}"
    entry = cache.get(key)
    if entry is None:
        items = _filtered(ReviewItem.objects.filter(status=ReviewStatus.PENDING), filters)
        ordered = _with_author_notes(items).order_by("-priority", "created_at", "pk")
        paginator = Paginator(ordered.values_list(*_QUEUE_COLUMNS), moderation_settings.QUEUE_PAGE_SIZE)
        paginator.count = items.count()  # without the joins the page's columns need
        page = paginator.get_page(number)
        entry = {
            "count": page.paginator.count,
            "number": page.number,
            "items": [_queue_item(*row) for row in page.object_list],
            "solutions": solution_queue().count(),
        }
        cache.set(key, entry, QUEUE_PAGE_SECONDS)
    paginator = Paginator((), moderation_settings.QUEUE_PAGE_SIZE)
    paginator.count = entry["count"]
    now = timezone.now()
    for item in entry["items"]:
        item.holder_id = queue_policy.claim_holder(item.claimed_by_id, item.claimed_until, now)
    return Page(entry["items"], entry["number"], paginator), entry["solutions"]


def _queue_item(pk, post_id, reason, claim_types, created_at, claimed_by_id, claimed_until, claimed_by_name, title,
                category_name, author_name, is_question, body, assessment, author_id, revision, priority, note_count,
                latest_note):
    return QueueItem(
        pk=pk, post_id=post_id, reason=reason, claim_types=claim_types, created_at=created_at, claimed_by_id=claimed_by_id,
        claimed_until=claimed_until, claimed_by_name=claimed_by_name or "", title=title, category_name=category_name,
        author_name=author_name, text=_shown_text(assessment, title, body, is_question), assessment=assessment,
        author_id=author_id, revision=revision, priority=priority, note_count=note_count,
        latest_note=(latest_note or "")[:LATEST_NOTE_CHARS],
    )


def _shown_text(assessment, title, body, is_question):
    """The text the assessment's match offsets refer to: the visible text it stored, or (older
    assessments) the Markdown source with the title in front."""
    stored = assessment.get("text") if isinstance(assessment, dict) else None
    return stored or assessment_text(title=title, body=body, is_question=is_question)


def _filtered(items, filters):
    if filters.get("reason"):
        items = items.filter(reason=filters["reason"])
    if filters.get("category"):
        items = items.filter(post__topic__category=filters["category"])
    if filters.get("lane"):
        items = items.filter(claim_types__contains=[filters["lane"]]) if _json_contains() else items.filter(
            claim_types__icontains=f'"{filters["lane"]}"'
        )
    return items


def _json_contains():
    return connection.vendor == "postgresql"


def _marked(text, start, end, phrases):
    """text[start:end], escaped, with the phrases that lie wholly inside it in <mark>."""
    parts, position = [], start
    for p_start, p_end, rule in phrases:
        if p_start < position or p_end > end:
            continue
        parts.append(escape(text[position:p_start]))
        parts.append(f'<mark title="{escape(rule)}">{escape(text[p_start:p_end])}</mark>')
        position = p_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def highlighted_text(text, assessment):
    """The post's Markdown source, escaped, with the phrases that made it a claim in <mark>
    and the sentences the learned detector flagged in <mark class="flagged"> around them."""
    if assessment is None:
        return escape(text)
    phrases = sorted({(m.start, m.end, m.rule) for m in assessment.matched if 0 <= m.start < m.end <= len(text)})
    sentences = sorted({(f.start, f.end, f.score) for f in assessment.flagged if 0 <= f.start < f.end <= len(text)})
    parts, position = [], 0
    for start, end, score in sentences:
        if start < position:
            continue
        parts.append(_marked(text, position, start, phrases))
        title = _("The model flagged this sentence (score %(score).2f)") % {"score": score}
        parts.append(f'<mark class="flagged" title="{escape(title)}">{_marked(text, start, end, phrases)}</mark>')
        position = end
    parts.append(_marked(text, position, len(text), phrases))
    return mark_safe("".join(parts))


def author_history(author):
    posts = Post.objects.filter(author=author).aggregate(
        total=Count("pk"),
        published=Count("pk", filter=Q(visibility=Visibility.PUBLISHED, is_deleted=False)),
        rejected=Count("pk", filter=Q(visibility=Visibility.REJECTED)),
    )
    posts["earlier_rejections"] = ReviewItem.objects.filter(post__author=author, status=ReviewStatus.REJECTED).count()
    return posts


def revision_text(post, number):
    """The assessed text (a question with its title) of revision `number` of the post, or None if not kept."""
    if number == post.revision:
        return post_assessment_text(post)
    revision = post.revisions.filter(number=number).exclude(number=0).first() if number else None
    if revision is None:
        return None
    return assessment_text(title=revision.title or post.topic.title, body=revision.body, is_question=post.is_question)


def changes_since(post, number):
    """What changed in the post since revision `number`, as moderation.policy.diff lines ([] if nothing, None if unknown)."""
    old = revision_text(post, number)
    return None if old is None else text_diff(old, post_assessment_text(post))


def review_item_context(item, viewer, *, seen_revision=None):
    """Everything the item page shows. `seen_revision`: the revision a refused decision named, to diff against."""
    item = ReviewItem.objects.select_related("post__topic__category", "post__author", "claimed_by", "decided_by").get(pk=item.pk)
    assessment = Assessment.from_dict(item.post.assessment) if item.post.assessment else None
    now = timezone.now()
    post = item.post
    since = None
    if seen_revision is not None and seen_revision != post.revision:
        since = (seen_revision, changes_since(post, seen_revision))
    elif item.reason == HoldReason.RESUBMITTED and item.base_revision:
        since = (item.base_revision, changes_since(post, item.base_revision))
    return {
        "item": item,
        "post": post,
        "assessment": assessment,
        "highlighted": highlighted_text((assessment.text if assessment else "") or post_assessment_text(post), assessment),
        "holder_id": queue_policy.claim_holder(item.claimed_by_id, item.claimed_until, now),
        "history": author_history(post.author),
        "flags": Flag.objects.filter(post=post).select_related("flagger"),
        "audit": AuditEntry.objects.filter(post=post).select_related("actor"),
        "author_notes": list(MemberNote.objects.filter(member=post.author).select_related("author")[:3]),
        "can_decide": can_decide_item(viewer, item),
        "can_undo": can_decide_item(viewer, item) and undo_refusal(item, now) is None,
        "changes": since,
        "refused": seen_revision is not None,
    }


def category_choices():
    """(pk, name) of every category, for the queue's filter: one small query."""
    return list(Category.objects.values_list("pk", "name"))


def solution_queue():
    """Topics waiting for sign-off or for a decision on reopening, oldest first."""
    return (
        Topic.objects.filter(solution_state__in=[SolutionState.PROPOSED, SolutionState.REOPEN_REQUESTED])
        .select_related("category", "author", "proposed_answer__author", "accepted_answer__author")
        .order_by("proposed_at", "pk")
    )


def solution_context(topic, form, viewer=None, *, seen_revision=None):
    answer = topic.proposed_answer or topic.accepted_answer
    assessment = Assessment.from_dict(answer.assessment) if answer and answer.assessment else None
    changes = None
    if answer is not None and seen_revision is not None and seen_revision != answer.revision:
        changes = (seen_revision, changes_since(answer, seen_revision))
    return {
        "changes": changes,
        "can_decide": viewer is not None and can_sign_off_topic(viewer, topic, answer),
        "topic": topic,
        "answer": answer,
        "assessment": assessment,
        "form": form,
        "needs_override": bool(topic.category.is_health and assessment and assessment.needs_review),
        "audit": AuditEntry.objects.filter(topic=topic).select_related("actor")[:20],
    }


def member_moderation_page(member, *, limit=20):
    """Everything a moderator's page about a member shows, in a fixed number of queries whatever their history."""
    posts = list(Post.objects.filter(author=member).select_related("topic").order_by("-created_at")[:limit])
    figures = Post.objects.filter(author=member, is_deleted=False).aggregate(
        published=Count("pk", filter=Q(visibility=Visibility.PUBLISHED)),
        accepted=Count("pk", filter=Q(accepted_for__isnull=False)),
    )
    return {
        "member": member,
        "posts": posts,
        "figures": figures,
        "flags_made": list(Flag.objects.filter(flagger=member).select_related("post__topic").order_by("-created_at")[:limit]),
        "flags_received": list(Flag.objects.filter(post__author=member).select_related("post__topic", "flagger").order_by("-created_at")[:limit]),
        "decisions": list(ReviewItem.objects.filter(post__author=member, decided_at__isnull=False)
                          .select_related("post__topic", "decided_by").order_by("-decided_at")[:limit]),
        "sanctions": list(MemberSanction.objects.filter(member=member).select_related("created_by", "lifted_by", "post__topic")[:50]),
        "notes": list(MemberNote.objects.filter(member=member).select_related("author")[:50]),
    }
