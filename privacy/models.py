"""Privacy data: the versioned privacy notice and house rules, members' consents, and data exports.

docs/PRIVACY.md lists every piece of personal data the forum stores and how long it is kept.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    PRIVACY = "privacy", _("Privacy notice")
    HOUSE_RULES = "house_rules", _("House rules")


class LegalDocument(models.Model):
    """One version of the privacy notice or the house rules, in Dutch and English (Markdown).

    The current version of a kind is the highest published one (published_at in the past). A new
    privacy notice version asks every member for consent again on their next visit.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    version = models.PositiveIntegerField(_("version"))
    title_nl = models.CharField(_("title (Dutch)"), max_length=160)
    title_en = models.CharField(_("title (English)"), max_length=160)
    text_nl = models.TextField(_("text (Dutch, Markdown)"))
    text_en = models.TextField(_("text (English, Markdown)"))
    summary_of_changes = models.CharField(_("what changed"), max_length=300, blank=True)
    published_at = models.DateTimeField(
        _("published at"), null=True, blank=True, help_text=_("Empty: a draft. From this moment on it is the version members see.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "-version"]
        verbose_name = _("privacy notice or house rules")
        verbose_name_plural = _("privacy notice and house rules")
        constraints = [models.UniqueConstraint(fields=["kind", "version"], name="one_document_per_kind_and_version")]

    def __str__(self):
        return f"{self.get_kind_display()} v{self.version}"

    def title(self, language):
        return self.title_en if language == "en" else self.title_nl

    def text(self, language):
        return self.text_en if language == "en" else self.text_nl


class Consent(models.Model):
    """A member's consent, as given: to the privacy notice of this version, and to the processing of the
    health information they choose to share (GDPR art. 9(2)(a)). Removed when the account is closed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents", verbose_name=_("member"))
    notice_version = models.PositiveIntegerField(_("privacy notice version"))
    privacy_notice = models.BooleanField(_("agreed to the privacy notice"))
    health_data = models.BooleanField(_("agreed to the processing of health information they share"))
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        ordering = ["-given_at", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.user_id} v{self.notice_version} {self.given_at:%Y-%m-%d}"


class DataExport(models.Model):
    """A ZIP of a member's data, built in the background, stored outside the public media folder
    (PRIVACY_EXPORT_ROOT) and downloadable by its member through a signed link until it expires."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports", verbose_name=_("member"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    file_name = models.CharField(_("file"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")

    def __str__(self):
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M} {self.status}"
