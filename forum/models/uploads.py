"""Images members upload for their posts (written by forum.uploads only)."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.utils.translation import gettext_lazy as _


class Upload(models.Model):
    """An image a member uploaded for a post (forum.uploads). Who uploaded it is recorded from the
    request, never from the client; docs/PRIVACY.md says what happens to it when the account closes."""

    uploader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="uploads", verbose_name=_("uploaded by"))
    file = models.CharField(_("stored file"), max_length=255, unique=True)
    content_type = models.CharField(_("type"), max_length=32)
    size = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("uploaded image")
        verbose_name_plural = _("uploaded images")
        indexes = [models.Index(fields=["uploader", "created_at"], name="upload_uploader_order")]

    def __str__(self):
        return self.file

    @property
    def url(self):
        return default_storage.url(self.file)
