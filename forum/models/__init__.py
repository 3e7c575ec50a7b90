"""The forum's data: members, categories, topics, posts and what members do to posts.

A topic's question and its answers are both `Post` rows (the question has
`is_question=True`), so votes, reactions, flags, revisions and moderation work
the same way on both. State changes happen in forum/services.py and
moderation/services only.

forum/models/core.py holds the members, categories, topics and posts; forum/models/activity.py what
happens around them (notifications, watches, mutes, mentions, rate-limit windows, search words);
forum/models/uploads.py the images members upload.
"""

from forum.models.activity import (
    CategoryWatch,
    MemberMute,
    Notification,
    NotificationKind,
    PostMention,
    RateLimitWindow,
    SearchWord,
    TopicWatch,
    WatchLevel,
)
from forum.models.core import (
    REACTION_EMOJI,
    SLUG_MAX_LENGTH,
    Category,
    Post,
    Reaction,
    ReactionKind,
    Revision,
    SolutionState,
    Topic,
    User,
    Visibility,
    Vote,
    topic_subpaths,
)
from forum.models.uploads import Upload

__all__ = [
    "Category",
    "CategoryWatch",
    "MemberMute",
    "Notification",
    "NotificationKind",
    "Post",
    "PostMention",
    "REACTION_EMOJI",
    "RateLimitWindow",
    "Reaction",
    "ReactionKind",
    "Revision",
    "SLUG_MAX_LENGTH",
    "SearchWord",
    "SolutionState",
    "Topic",
    "TopicWatch",
    "Upload",
    "User",
    "Visibility",
    "Vote",
    "WatchLevel",
    "topic_subpaths",
]
