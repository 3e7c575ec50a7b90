"""What happens around the posts: notifications, watches and mutes, mentions, rate-limit windows and
the search vocabulary."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from forum.models.core import Category, Post, Topic


class NotificationKind(models.TextChoices):
    NEW_ANSWER = "new_answer", _("New answer on your topic")
    REACTIONS = "reactions", _("Votes and reactions on your post")
    POST_HELD = "post_held", _("Your post is waiting for a moderator")
    POST_APPROVED = "post_approved", _("Your post was approved")
    POST_REJECTED = "post_rejected", _("Your post was rejected")
    FLAG_OUTCOME = "flag_outcome", _("Outcome of your flag")
    SOLUTION_PROPOSED = "solution_proposed", _("A solution was proposed")
    SOLUTION_ACCEPTED = "solution_accepted", _("Your answer was accepted")
    SOLUTION_DECLINED = "solution_declined", _("The proposed solution was declined")
    TOPIC_SOLVED = "topic_solved", _("Your topic is solved")
    TOPIC_REOPENED = "topic_reopened", _("A topic was reopened")
    ACCEPTED_ANSWER_CHANGED = "accepted_answer_changed", _("An accepted answer changed")
    WATCHED_POST = "watched_post", _("New post in a topic you watch")
    WATCHED_TOPIC = "watched_topic", _("New topic in a category you watch")
    MENTION = "mention", _("You were mentioned")
    QUOTE = "quote", _("You were quoted")
    DECISION_WITHDRAWN = "decision_withdrawn", _("A moderator's decision was withdrawn")
    CARE_ALERT = "care_alert", _("A post may be a cry for help")
    EXPORT_READY = "export_ready", _("Your data export is ready")
    MEMBER_WARNED = "member_warned", _("A moderator warned you")
    MEMBER_SILENCED = "member_silenced", _("A moderator silenced you")
    MEMBER_SUSPENDED = "member_suspended", _("A moderator suspended your account")
    SANCTION_LIFTED = "sanction_lifted", _("A moderator lifted a measure")
    MODERATOR_EDITED = "moderator_edited", _("A moderator edited your post")


class Notification(models.Model):
    """An in-app notice. Text is built at display time from kind and params, so it follows the reader's language.

    Votes and reactions on one post are aggregated into one unread notice whose count grows.
    "Clear all" sets `cleared_at`; rows are kept.
    """

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient"))
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("actor"))
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("topic"))
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("post"))
    count = models.PositiveIntegerField(_("count"), default=1)
    reason = models.TextField(_("reason"), blank=True)
    is_read = models.BooleanField(_("read"), default=False)
    cleared_at = models.DateTimeField(_("cleared at"), null=True, blank=True)
    # The decision this told of was undone: the notice stays, marked withdrawn.
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "cleared_at", "is_read"], name="notification_inbox")]

    def __str__(self):
        return f"{self.recipient}: {self.get_kind_display()}"


class WatchLevel(models.TextChoices):
    WATCHING = "watching", _("Watching")
    NORMAL = "normal", _("Normal")
    MUTED = "muted", _("Muted")


class TopicWatch(models.Model):
    """A member's level in one topic and their reading position (when they last saw it).

    No row means "normal" and never visited. Written by forum/watching.py only.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="topic_watches", verbose_name=_("member"))
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="watches", verbose_name=_("topic"))
    level = models.CharField(_("level"), max_length=10, choices=WatchLevel.choices, default=WatchLevel.NORMAL)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True)

    class Meta:
        verbose_name = _("topic watch")
        verbose_name_plural = _("topic watches")
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_watch_per_member_per_topic")]
        indexes = [models.Index(fields=["topic", "level"], name="topic_watch_level")]

    def __str__(self):
        return f"{self.user} {self.level} {self.topic_id}"


class CategoryWatch(models.Model):
    """A member is told of every new topic in a category."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="category_watches", verbose_name=_("member"))
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="watches", verbose_name=_("category"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("category watch")
        verbose_name_plural = _("category watches")
        constraints = [models.UniqueConstraint(fields=["user", "category"], name="one_watch_per_member_per_category")]

    def __str__(self):
        return f"{self.user} → {self.category}"


class MemberMute(models.Model):
    """A member hears nothing of what another member does (mentions, quotes, answers)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mutes", verbose_name=_("member"))
    muted = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("muted member"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("muted member")
        verbose_name_plural = _("muted members")
        constraints = [models.UniqueConstraint(fields=["user", "muted"], name="one_mute_per_pair")]

    def __str__(self):
        return f"{self.user} mutes {self.muted}"


class PostMention(models.Model):
    """Who a post mentioned or quoted and was told so: an edit that keeps a mention tells no one again."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions", verbose_name=_("post"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("member"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="one_mention_per_member_per_post")]

    def __str__(self):
        return f"{self.post_id} @{self.user}"


class RateLimitWindow(models.Model):
    """One member's count of one action in their current window (forum.ratelimit).

    The window starts at the member's first action and ends `period` seconds later, whatever
    the clock says; one row per member and action, reused when the window has passed.
    """

    bucket = models.CharField(_("bucket"), max_length=120, primary_key=True)
    count = models.PositiveIntegerField(_("count"), default=0)
    expires_at = models.FloatField(_("window ends (Unix time)"))

    class Meta:
        verbose_name = _("rate-limit window")
        verbose_name_plural = _("rate-limit windows")

    def __str__(self):
        return f"{self.bucket}: {self.count}"


class SearchWord(models.Model):
    """A word seen in a published post (lower case, no accents): what "did you mean" suggests from."""

    word = models.CharField(_("word"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word
