"""Moderation data: the editable health-claim rules, review items, flags and the audit log."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from moderation.policy import SourceKind, Term, TermKind


class HealthTerm(models.Model):
    """A phrase the health-claim detector looks for. A trailing * matches any continuation."""

    phrase = models.CharField(_("phrase"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=[(k.value, k.value) for k in TermKind])
    language = models.CharField(
        _("language"), max_length=2, blank=True, choices=[("nl", _("Dutch")), ("en", _("English"))],
        help_text=_("Leave empty for both languages."),
    )
    weight = models.FloatField(_("weight"), default=1.0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["kind", "language", "phrase"]
        verbose_name = _("health term")
        verbose_name_plural = _("health terms")
        constraints = [models.UniqueConstraint(fields=["phrase", "kind", "language"], name="unique_health_term")]

    def __str__(self):
        return f"{self.phrase} ({self.kind})"

    def clean(self):
        """Admins type these; refuse what the policy cannot use, with its own explanation."""
        try:
            Term(phrase=self.phrase, kind=self.kind, language=self.language, weight=self.weight)
        except ValueError as error:
            raise ValidationError({"phrase": str(error)}) from None


class SourceDomain(models.Model):
    """A web domain and how far a link to it counts as a source. Subdomains are included."""

    domain = models.CharField(_("domain"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=[(k.value, k.value) for k in SourceKind])
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["kind", "domain"]
        verbose_name = _("source domain")
        verbose_name_plural = _("source domains")

    def __str__(self):
        return f"{self.domain} ({self.kind})"


class HoldReason(models.TextChoices):
    DETECTOR = "detector", _("Health claim without a qualifying source")
    FLAGS = "flags", _("Flagged by members")
    MANUAL = "manual", _("Held by a moderator")
    RESUBMITTED = "resubmitted", _("Resubmitted after rejection")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    DISMISSED = "dismissed", _("Flags dismissed")
    WITHDRAWN = "withdrawn", _("Resolved by the author")


class ReviewItem(models.Model):
    """One post waiting for a moderator's decision. At most one pending item per post."""

    post = models.ForeignKey("forum.Post", on_delete=models.PROTECT, related_name="review_items", verbose_name=_("post"))
    reason = models.CharField(_("reason"), max_length=12, choices=HoldReason.choices)
    status = models.CharField(_("status"), max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)
    claim_types = models.JSONField(_("claim types"), default=list, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("claimed by")
    )
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    # For a resubmission: the revision a moderator rejected, which the item page diffs against.
    base_revision = models.PositiveIntegerField(_("rejected revision"), null=True, blank=True)
    decided_revision = models.PositiveIntegerField(_("decided revision"), null=True, blank=True)
    # A flagged question: handled first, while the topic stays online.
    priority = models.BooleanField(_("priority"), default=False)
    # What the decision changed, so that undo restores exactly that (moderation.services.review_undo).
    undo_state = models.JSONField(_("state before the decision"), default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("review item")
        verbose_name_plural = _("review items")
        permissions = [
            ("review_posts", _("Can decide on held and flagged posts")),
            ("sign_off_solutions", _("Can sign off and reopen solved topics")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["post"], condition=Q(status="pending"), name="one_pending_review_per_post"),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="review_queue_order")]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.post_id}"


class FlagReason(models.TextChoices):
    NO_SOURCE = "no_source", _("Health claim without a source")
    MISINFORMATION = "misinformation", _("Misinformation")
    SPAM = "spam", _("Spam")
    OFFENSIVE = "offensive", _("Offensive")
    OTHER = "other", _("Other")


class Flag(models.Model):
    post = models.ForeignKey("forum.Post", on_delete=models.PROTECT, related_name="flags", verbose_name=_("post"))
    flagger = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="flags", verbose_name=_("flagged by"))
    reason = models.CharField(_("reason"), max_length=16, choices=FlagReason.choices)
    text = models.CharField(_("explanation"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [models.UniqueConstraint(fields=["post", "flagger"], name="one_flag_per_member_per_post")]
        indexes = [models.Index(fields=["flagger", "created_at"], name="flag_daily_cap")]

    def __str__(self):
        return f"{self.flagger} → {self.post_id}: {self.reason}"


class AuditAction(models.TextChoices):
    HELD = "held", _("Held by the detector")
    RESUBMITTED = "resubmitted", _("Edited by the author")
    AUTO_PUBLISHED = "auto_published", _("Published after a qualifying source was added")
    FLAGGED = "flagged", _("Flagged")
    HIDDEN_BY_FLAGS = "hidden_by_flags", _("Hidden after flags")
    CLAIMED = "claimed", _("Claimed")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    NOTE_ADDED = "note_added", _("Moderator note added")
    FLAGS_DISMISSED = "flags_dismissed", _("Flags dismissed")
    DECISION_UNDONE = "decision_undone", _("Decision undone")
    POST_DELETED = "post_deleted", _("Post deleted")
    RULE_CHANGED = "rule_changed", _("Rule changed in admin")
    SOLUTION_PROPOSED = "solution_proposed", _("Solution proposed")
    SOLUTION_WITHDRAWN = "solution_withdrawn", _("Proposal withdrawn")
    SOLUTION_SIGNED_OFF = "solution_signed_off", _("Solution signed off")
    SOLUTION_DECLINED = "solution_declined", _("Solution declined")
    REOPEN_REQUESTED = "reopen_requested", _("Reopening requested")
    REOPEN_DECLINED = "reopen_declined", _("Reopening declined")
    TOPIC_REOPENED = "topic_reopened", _("Topic reopened")
    MARKED_SOLVED = "marked_solved", _("Marked solved by a moderator")
    ACCEPTED_ANSWER_CHANGED = "accepted_answer_changed", _("Accepted answer changed")
    CHANGED_IN_ADMIN = "changed_in_admin", _("Changed in admin")
    HEALTH_OVERRIDE = "health_override", _("Health-source rule overridden")
    TOPIC_HIDDEN = "topic_hidden", _("Topic hidden by a moderator")
    TOPIC_UNHIDDEN = "topic_unhidden", _("Topic shown again")
    QUESTION_WITHDRAWN = "question_withdrawn", _("Question withdrawn by the author")
    CARE_ALERT = "care_alert", _("Moderators alerted: the post may be a cry for help")
    CARE_FOLLOWED_UP = "care_followed_up", _("Crisis alert followed up")
    ACCOUNT_CLOSED = "account_closed", _("Account closed and anonymised")
    MEMBER_WARNED = "member_warned", _("Member warned")
    MEMBER_SILENCED = "member_silenced", _("Member silenced")
    MEMBER_SUSPENDED = "member_suspended", _("Member suspended")
    SANCTION_LIFTED = "sanction_lifted", _("Measure lifted")
    MODERATOR_EDITED = "moderator_edited", _("Edited by a moderator")
    MEMBER_NOTE_ADDED = "member_note_added", _("Note on a member added")
    CANNED_REASON_CHANGED = "canned_reason_changed", _("Canned reason added or changed")


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Audit entries are append-only.")

    def delete(self):
        raise TypeError("Audit entries are append-only.")


class AuditEntry(models.Model):
    """An append-only record of a moderation event. Nothing updates or deletes these rows."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("actor")
    )
    action = models.CharField(_("action"), max_length=32, choices=AuditAction.choices)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    post = models.ForeignKey("forum.Post", null=True, blank=True, on_delete=models.PROTECT, related_name="audit_entries", verbose_name=_("post"))
    topic = models.ForeignKey("forum.Topic", null=True, blank=True, on_delete=models.PROTECT, related_name="audit_entries", verbose_name=_("topic"))
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    status_before = models.CharField(_("status before"), max_length=32, blank=True)
    status_after = models.CharField(_("status after"), max_length=32, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Audit entries are append-only.")


class CareAlert(models.Model):
    """A post that speaks of suicide or self-harm, in the queue's care lane until a moderator has
    followed up the topic. One per post: an edit never alerts twice. Rows are kept."""

    post = models.OneToOneField("forum.Post", on_delete=models.PROTECT, related_name="care_alert", verbose_name=_("post"))
    topic = models.ForeignKey("forum.Topic", on_delete=models.PROTECT, related_name="care_alerts", verbose_name=_("topic"))
    about_someone_else = models.BooleanField(_("about someone else"), default=False)
    signals = models.JSONField(_("signals"), default=list, blank=True)
    created_at = models.DateTimeField(_("alerted at"), auto_now_add=True)
    followed_up_at = models.DateTimeField(_("followed up at"), null=True, blank=True)
    followed_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("followed up by")
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("crisis alert")
        verbose_name_plural = _("crisis alerts")
        indexes = [models.Index(fields=["followed_up_at", "created_at"], name="care_lane_order")]

    def __str__(self):
        return f"{self.topic_id}/{self.post_id}"


class RulesVersion(models.Model):
    """One row: the version of the health rules (terms, domains). An admin's change bumps it in the
    same transaction, and every worker rebuilds its compiled rules when it differs (moderation.rules).
    In the database, not the cache, so a cache flush or outage can never leave a worker on old rules."""

    version = models.PositiveBigIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("rules version")
        verbose_name_plural = _("rules versions")

    def __str__(self):
        return str(self.version)


class SanctionKind(models.TextChoices):
    WARNING = "warning", _("Warning")
    SILENCE = "silence", _("Silence")
    SUSPENSION = "suspension", _("Suspension")


class MemberSanction(models.Model):
    """A warning, silence or suspension of a member, with its reason. Kept when lifted (lifted_at)."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sanctions", verbose_name=_("member"))
    kind = models.CharField(_("kind"), max_length=12, choices=SanctionKind.choices)
    reason = models.TextField(_("reason"))
    until = models.DateTimeField(_("until"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("given by"))
    created_at = models.DateTimeField(_("given at"), auto_now_add=True)
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("lifted by")
    )
    lift_reason = models.TextField(_("reason for lifting"), blank=True)
    # The post the measure was taken from (moderation.member_views.post_measure), shown on the member's page.
    post = models.ForeignKey("forum.Post", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("because of post"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("member sanction")
        verbose_name_plural = _("member sanctions")
        indexes = [models.Index(fields=["member", "created_at"], name="sanction_member_order")]

    def __str__(self):
        return f"{self.kind}: {self.member_id}"

    @property
    def in_force(self):
        return self.lifted_at is None and self.kind != SanctionKind.WARNING and self.until is not None and self.until > timezone.now()


class CannedReasonKind(models.TextChoices):
    REJECT = "reject", _("Rejecting a post")
    DECLINE_SOLUTION = "decline_solution", _("Declining a solution")
    PUBLIC_NOTE = "public_note", _("Public note on an approved post")
    MODERATOR_EDIT = "moderator_edit", _("Editing a member's post")


class CannedReason(models.Model):
    """A reason moderators pick instead of typing it out (admins keep the list); the text stays editable."""

    kind = models.CharField(_("kind"), max_length=20, choices=CannedReasonKind.choices)
    title = models.CharField(_("short name"), max_length=80)
    text_nl = models.CharField(_("text (Dutch)"), max_length=500)
    text_en = models.CharField(_("text (English)"), max_length=500)
    is_active = models.BooleanField(_("active"), default=True)
    # How often a decision used it, for the three most used on the decision page.
    use_count = models.PositiveIntegerField(_("times used"), default=0, editable=False)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("canned reason")
        verbose_name_plural = _("canned reasons")

    def __str__(self):
        return self.title

    def text(self, language=None):
        return self.text_en if (language or get_language() or "nl").startswith("en") else self.text_nl


class MemberNote(models.Model):
    """A moderator's private note about a member, for fellow moderators. Never shown to the member on the site."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="moderator_notes", verbose_name=_("member"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("written by"))
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("note on a member")
        verbose_name_plural = _("notes on members")

    def __str__(self):
        return f"{self.member_id}: {self.text[:40]}"


class DecisionExample(models.Model):
    """A moderator's approve/reject decision kept as a labelled example for the claim detector.

    Written by the approve and reject services (moderation.decisions.decision_record); read by
    `manage.py policy_export`. `text` is the assessed text at the time of the decision.
    """

    review_item = models.ForeignKey(ReviewItem, on_delete=models.PROTECT, related_name="decision_examples", verbose_name=_("review item"))
    post = models.ForeignKey("forum.Post", on_delete=models.PROTECT, related_name="decision_examples", verbose_name=_("post"))
    decision = models.CharField(_("decision"), max_length=12, choices=ReviewStatus.choices)
    hold_reason = models.CharField(_("reason held"), max_length=12, choices=HoldReason.choices)
    text = models.TextField(_("assessed text"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    reason = models.TextField(_("moderator's reason"), blank=True)
    assessment = models.JSONField(_("assessment"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("decided by")
    )
    created_at = models.DateTimeField(_("decided at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("decision example")
        verbose_name_plural = _("decision examples")

    def __str__(self):
        return f"{self.decision}: {self.post_id}"
