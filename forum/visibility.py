"""The one follow-up for "a post became visible or hidden", called by forum's and moderation's services.

Moderation decides (it screens a post, approves, rejects, hides one by flags); forum publishes: every
service that may have changed a post's visibility calls `post_visibility_changed` once, inside its
transaction, and whatever readers see follows from it: the topic's counters and place in the lists,
the notices to watchers, the search index, a solution that lost its answer and the pages' cache versions.
"""

from django.db.models import Case, Count, Exists, Max, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from forum import cache_keys, watching
from forum.models import Post, Reaction, Topic, Visibility
from forum.search import post_index
from moderation.solutions import accepted_answer_changed


def topic_refresh_counters(topic_id):
    """Recompute a topic's denormalised counts from the posts, in one UPDATE. Callers hold the topic's row lock."""
    shown = {"visibility": Visibility.PUBLISHED, "is_deleted": False}
    answers = Post.objects.filter(topic_id=topic_id, is_question=False, **shown).order_by().values("topic_id")
    reactions = Reaction.objects.filter(post__topic_id=topic_id, post__visibility=Visibility.PUBLISHED, post__is_deleted=False)
    Topic.objects.filter(pk=topic_id).update(
        answer_count=Coalesce(Subquery(answers.annotate(n=Count("pk")).values("n")), 0),
        best_answer_score=Subquery(answers.annotate(best=Max("score")).values("best")),
        reaction_count=Coalesce(Subquery(reactions.order_by().values("post__topic_id").annotate(n=Count("pk")).values("n")), 0),
        is_public=Case(When(Q(is_deleted=True) | Q(hidden_at__isnull=False), then=Value(False)),
                       default=Exists(Post.objects.filter(topic_id=topic_id, is_question=True, **shown))),
        # Readers see the crisis help line while a published post in the topic speaks of suicide or self-harm.
        crisis=Exists(Post.objects.filter(topic_id=topic_id, crisis=True, **shown)),
    )
    cache_keys.topic_changed(topic_id)


def post_visibility_changed(*, post, actor, before, by_flags=False):
    """Everything that follows from a post's visibility, after the service set it. Runs in the caller's transaction.

    `before`: the post's visibility before the service ran, None for a post just written.
    An answer that readers see for the first time moves its topic up the lists, however it got
    there (at once, approved by a moderator, or fixed by its author), and its readers are told.
    A post no longer shown leaves the solution it was part of.
    `by_flags`: the post was hidden while a moderator looks at flags on it, or shown again when they
    were dismissed: nothing new was said, so the topic keeps its place and its solution ("under review").
    """
    shown = post.visibility == Visibility.PUBLISHED
    if shown and before != Visibility.PUBLISHED:
        if not post.is_question and not by_flags:
            Topic.objects.filter(pk=post.topic_id).update(last_activity_at=timezone.now())
        watching.post_published(post)
    if not shown and before is not None and not by_flags:
        accepted_answer_changed(topic=post.topic, post=post, actor=actor, change="hidden")
    topic_refresh_counters(post.topic_id)
    post_index(post.pk)
