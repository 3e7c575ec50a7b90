"""The forum's core rows: members, categories, topics, posts, their revisions, votes and reactions."""

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
        return member_name(self.pk, self.username, self.closed_at)


def member_name(pk, username, closed_at):
    """User.display_name from the three columns: for lists that read them as plain values (forum.topic_lists.TopicListItem)."""
    if closed_at is not None:
        return gettext("Former member %(number)d") % {"number": pk}
    return username


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


@functools.lru_cache(maxsize=8192)  # slugify (Unicode normalisation, two regexes) per row was a fifth of a list's rows
def topic_slug(title):
    """Topic.slug from the title alone: for lists that read topics as plain values (forum.topic_lists.TopicListItem)."""
    slug = slugify(title)[:SLUG_MAX_LENGTH].strip("-") or "topic"
    return f"{slug}-topic" if slug in topic_subpaths() else slug


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
        return topic_slug(self.title)

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
