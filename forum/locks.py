"""The one order in which services lock rows: topic → post → review item.

Two transactions that lock the same rows in different orders can each hold one and wait for
the other: PostgreSQL then aborts one with a deadlock error, which reached members as HTTP 500.
Every service that locks more than one of these rows takes them through `lock_rows`, one
statement per row in this order (a single SELECT … FOR UPDATE over a join locks its rows in
whatever order the plan visits them). Nothing slow happens under these locks: services render
and assess the text before they call it.

The locks are FOR NO KEY UPDATE: services never change a key, and a stronger lock would make every
insert that refers to the row (an audit entry, a notification, a vote: their foreign-key checks take
FOR KEY SHARE) queue behind the waiters for it; with 20 moderators approving one item at once
that queue closed a deadlock through rows written after commit.
"""

from forum.models import Post, Topic


def lock_rows(*, topic_id, post_id=None, item_id=None):
    """Lock the topic, then the post, then the review item; returns (topic, post or None, item or None).

    The post comes with its author (not locked: two members acting on each other's posts would
    deadlock on those rows) and `post.topic` is the locked topic.
    """
    topic = Topic.objects.select_for_update(no_key=True).get(pk=topic_id)
    post = None
    if post_id is not None:
        post = Post.objects.select_for_update(of=("self",), no_key=True).select_related("author").get(pk=post_id)
        post.topic = topic
    item = None
    if item_id is not None:
        # Imported here: forum's models must not import moderation's at load time (moderation imports forum).
        from moderation.models import ReviewItem

        item = ReviewItem.objects.select_for_update(of=("self",), no_key=True).select_related("post__author", "post__topic").get(pk=item_id)
        if post is not None:
            item.post = post
    return topic, post, item
