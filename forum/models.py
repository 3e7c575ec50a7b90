"""The forum's data: members, categories, topics, posts and what members do to posts.

A topic's question and its answers are both `Post` rows (the question has
`is_question=True`), so votes, reactions, flags, revisions and moderation work
the same way on both. State changes happen in forum/services.py and
moderation/services.py only.
"""

import functools

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import get_resolver, reverse
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forum.usernames import username_skeleton, validate_not_confusable, validate_not_reserved


class User(AbstractUser):
    """A member. The public display name is the username (`display_name`: a closed account's follows the reader's language)."""

    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    email_on_answer = models.BooleanField(_("email me about new answers on my topics"), default=True)
    email_on_reaction = models.BooleanField(_("email me about votes and reactions"), default=False)
    email_on_moderation = models.BooleanField(_("email me about moderation decisions"), default=True)
    email_queue_digest = models.BooleanField(
        _("moderators: email me a digest of items that wait too long"), default=False
    )
    email_on_watched = models.BooleanField(_("email me about new posts in topics and categories I watch"), default=True)
    email_on_mention = models.BooleanField(_("email me when someone mentions or quotes me"), default=True)
    watch_participated = models.BooleanField(_("watch topics I start or answer"), default=True)
    digest_frequency = models.CharField(
        _("mail for watched topics and categories"), max_length=10, default="immediate",
        choices=[("immediate", _("At once")), ("daily", _("A daily digest")), ("weekly", _("A weekly digest"))],
    )
    digest_sent_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)
    # Privacy (privacy/): the notice version last consented to, cached with the member's row
    # (forum.auth) so the consent gate costs no query; the consent history is privacy.Consent.
    consent_version = models.PositiveIntegerField(_("privacy notice version consented to"), null=True, blank=True)
    hide_activity = models.BooleanField(_("hide my activity from others"), default=False)
    show_health_activity = models.BooleanField(
        _("show my topics in health categories on my profile to visitors who are not logged in"), default=False
    )
    closed_at = models.DateTimeField(_("account closed"), null=True, blank=True)
    # Moderation sanctions in force (moderation.sanctions keeps them in step with MemberSanction rows),
    # on the member's row so every request and every write can check them without a query.
    silenced_until = models.DateTimeField(_("silenced until"), null=True, blank=True, editable=False)
    suspended_until = models.DateTimeField(_("suspended until"), null=True, blank=True, editable=False)

    # What the name looks like (forum.usernames.username_skeleton), kept beside it so a look-alike of
    # any member's name is found with one indexed query.
    username_skeleton = models.CharField(_("name skeleton"), max_length=150, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def get_absolute_url(self):
        return reverse("forum:profile", args=[self.username])

    def clean(self):
        """A new or changed name may not look like a reserved name or another member's (sign-up goes
        through forum.account_adapter, renames in the admin through here)."""
        super().clean()
        stored = type(self).objects.filter(pk=self.pk).values_list("username", flat=True).first() if self.pk else None
        if self.username and self.username != stored:
            try:
                validate_not_reserved(self.username)
                validate_not_confusable(self.username, exclude_pk=self.pk)
            except ValidationError as error:
                raise ValidationError({"username": error.messages}) from None

    def save(self, *args, **kwargs):
        # A derived column, like a generated one: it must follow the name on every path that saves it.
        self.username_skeleton = username_skeleton(self.username or "")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "username" in update_fields:
            kwargs["update_fields"] = {*update_fields, "username_skeleton"}
        super().save(*args, **kwargs)

    @property
    def display_name(self):
        """The name shown for this member, in the reader's language for a closed account."""
        if self.closed_at is not None:
            return gettext("Former member %(number)d") % {"number": self.pk}
        return self.username


class Category(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)
    is_health = models.BooleanField(
        _("health category"), default=False, help_text=_("Topics here show a notice that the forum is no substitute for a doctor.")
    )
    members_only = models.BooleanField(
        _("members only"), default=False,
        help_text=_("Hidden from visitors who are not logged in, from search for them and from search engines."),
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forum:category", args=[self.slug])


class SolutionState(models.TextChoices):
    OPEN = "open", _("Open")
    PROPOSED = "proposed", _("Solution proposed")
    SOLVED = "solved", _("Solved")
    REOPEN_REQUESTED = "reopen_requested", _("Reopening requested")


class Visibility(models.TextChoices):
    """Where a post stands with moderation. Only PUBLISHED posts are shown to others."""

    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Waiting for a moderator")
    REJECTED = "rejected", _("Rejected")


SLUG_MAX_LENGTH = 60


@functools.cache
def topic_subpaths():
    """The words after t/<id>/ that other forum addresses use: a topic's slug must not be one of them.

    Read from the resolver, not by importing forum.urls: the URLconf imports the views, which import these models.
    """
    _prefix, forum_urls = get_resolver().namespace_dict["forum"]
    words = set()
    for pattern in forum_urls.url_patterns:
        route = str(pattern.pattern)
        if route.startswith("t/<int:pk>/") and route.count("/") == 3 and "<" not in route.split("/")[2]:
            words.add(route.split("/")[2])
    return frozenset(words)


class Topic(models.Model):
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="topics", verbose_name=_("category"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="topics", verbose_name=_("author"))
    title = models.CharField(_("title"), max_length=160)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), auto_now_add=True, db_index=True)
    # Denormalised for fast lists; the services keep them exact with F() updates.
    is_public = models.BooleanField(_("public"), default=False, help_text=_("The question is published and not deleted."))
    is_deleted = models.BooleanField(_("deleted"), default=False)
    # A published post in the topic speaks of suicide or self-harm: the page shows the help line (forum.services).
    crisis = models.BooleanField(_("shows the crisis help line"), default=False)
    answer_count = models.IntegerField(_("answers"), default=0)
    reaction_count = models.IntegerField(_("reactions"), default=0)
    best_answer_score = models.IntegerField(_("best answer score"), null=True, blank=True)
    view_count = models.PositiveIntegerField(_("views"), default=0)
    solution_state = models.CharField(
        _("solution state"), max_length=20, choices=SolutionState.choices, default=SolutionState.OPEN
    )
    proposed_answer = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("proposed answer")
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("proposed by")
    )
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)
    accepted_answer = models.OneToOneField(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="accepted_for", verbose_name=_("accepted answer")
    )
    solved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("signed off by")
    )
    solved_at = models.DateTimeField(_("solved at"), null=True, blank=True)
    # A moderator hid the whole topic (forum.services.topic_hide); undone by topic_unhide.
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("hidden by")
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)
    # Asked anonymously (health categories): others see "Anonymous member" for the starter's posts here.
    is_anonymous = models.BooleanField(_("asked anonymously"), default=False)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = [
            models.Index(fields=["category", "is_public", "-last_activity_at"], name="topic_category_activity"),
            models.Index(fields=["solution_state", "proposed_at"], name="topic_solution_queue"),
        ]
        constraints = [
            # With accepted_answer unique, this means a solved topic has exactly one accepted answer.
            models.CheckConstraint(
                condition=~Q(solution_state__in=["solved", "reopen_requested"]) | Q(accepted_answer__isnull=False),
                name="solved_topic_has_accepted_answer",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forum:topic", args=[self.pk, self.slug])

    @property
    def slug(self):
        """The title in the address (/t/<id>/<slug>/): readable, and what search engines show."""
        slug = slugify(self.title)[:SLUG_MAX_LENGTH].strip("-") or "topic"
        return f"{slug}-topic" if slug in topic_subpaths() else slug

    @property
    def is_solved(self):
        return self.solution_state in (SolutionState.SOLVED, SolutionState.REOPEN_REQUESTED)

    @property
    def starter_name(self):
        """The starter's name as everyone sees it in lists (moderators see who in the queue and on the page)."""
        return gettext("Anonymous member") if self.is_anonymous else self.author.display_name


class Post(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="posts", verbose_name=_("topic"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts", verbose_name=_("author"))
    is_question = models.BooleanField(_("is the question"), default=False)
    body = models.TextField(_("text"))
    body_html = models.TextField(_("rendered text"), editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    # A moderator's edit of a member's post (forum.services.post_edit with moderator_reason): shown to the author.
    moderator_edit_reason = models.CharField(_("reason for the moderator's edit"), max_length=500, blank=True)
    score = models.IntegerField(_("score"), default=0)
    visibility = models.CharField(_("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLISHED)
    assessment = models.JSONField(_("health-claim assessment"), default=dict, blank=True, editable=False)
    moderator_note = models.CharField(_("public moderator note"), max_length=500, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("reviewed by")
    )
    rejection_reason = models.CharField(_("rejection reason"), max_length=500, blank=True)
    is_deleted = models.BooleanField(_("deleted"), default=False)
    # The crisis detector's decision on the text as published (moderation.care), renewed by every edit.
    crisis = models.BooleanField(_("about suicide or self-harm"), default=False, editable=False)
    # Filled on PostgreSQL only (Dutch full-text configuration, GIN-indexed by a migration).
    search_vector = SearchVectorField(null=True, editable=False)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("deleted by")
    )
    # Counts the post's versions: every edit that changes the text makes the next one. A moderator's
    # decision names the revision they saw, so a decision never applies to text they did not see.
    revision = models.PositiveIntegerField(_("revision"), default=1)
    # The starter withdrew their question after others answered: the text is gone (kept in a Revision).
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    # Set when a closing member had their posts' text removed (privacy.services.account_close).
    text_removed_at = models.DateTimeField(_("text removed at the member's request"), null=True, blank=True)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(fields=["topic"], condition=Q(is_question=True), name="one_question_per_topic"),
        ]
        indexes = [
            models.Index(fields=["topic", "is_question", "visibility", "-score", "created_at"], name="post_topic_order"),
            models.Index(fields=["author", "-created_at"], name="post_author_recent"),
            models.Index(fields=["-created_at"], name="post_recent"),
        ]

    def __str__(self):
        return f"{self.topic.title} #{self.pk}"

    def get_absolute_url(self):
        return f"{self.topic.get_absolute_url()}#post-{self.pk}"

    @property
    def is_visible(self):
        return self.visibility == Visibility.PUBLISHED and not self.is_deleted

    @property
    def author_is_hidden(self):
        """The starter asked anonymously: their posts in this topic show no name to others."""
        return self.topic.is_anonymous and self.author_id == self.topic.author_id

    @property
    def author_name(self):
        return gettext("Anonymous member") if self.author_is_hidden else self.author.display_name


class Revision(models.Model):
    """An earlier version of a post, kept whenever it is edited."""

    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="revisions", verbose_name=_("post"))
    title = models.CharField(_("title"), max_length=160, blank=True)
    body = models.TextField(_("text"))
    body_html = models.TextField(_("rendered text"))
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("edited by"))
    created_at = models.DateTimeField(_("replaced at"), auto_now_add=True)
    number = models.PositiveIntegerField(_("revision"), default=0)  # Post.revision while this was the text
    # The moderator's public note the text carried; an edit takes it off the post, the history keeps it.
    moderator_note = models.CharField(_("public moderator note"), max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self):
        return f"{self.post} @ {self.created_at:%Y-%m-%d %H:%M}"


class Vote(models.Model):
    UP = 1
    DOWN = -1
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="votes", verbose_name=_("post"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="votes", verbose_name=_("member"))
    value = models.SmallIntegerField(_("value"), choices=[(UP, "+1"), (DOWN, "-1")])
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="one_vote_per_member_per_post")]

    def __str__(self):
        return f"{self.user} {self.value:+d} → {self.post_id}"


class ReactionKind(models.TextChoices):
    """The supportive set of reactions; README documents it."""

    LIKE = "like", _("Like")
    HEART = "heart", _("Heart")
    THANKS = "thanks", _("Thanks")
    INSIGHTFUL = "insightful", _("Insightful")
    HUG = "hug", _("Hug")


REACTION_EMOJI = {
    ReactionKind.LIKE: "👍",
    ReactionKind.HEART: "❤️",
    ReactionKind.THANKS: "🙏",
    ReactionKind.INSIGHTFUL: "💡",
    ReactionKind.HUG: "🤗",
}


class Reaction(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions", verbose_name=_("post"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions", verbose_name=_("member"))
    kind = models.CharField(_("kind"), max_length=12, choices=ReactionKind.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [models.UniqueConstraint(fields=["post", "user", "kind"], name="one_reaction_kind_per_member_per_post")]
        indexes = [models.Index(fields=["post", "kind"], name="reaction_post_kind")]

    def __str__(self):
        return f"{self.user} {self.kind} → {self.post_id}"


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
