"""Uploaded images: checks from their content (never from the client's claim), and the services that
store and remove them. Every upload records its uploader (forum.models.Upload); only they can remove it."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from markdownx.forms import ImageForm
from PIL import Image, UnidentifiedImageError

from forum.models import Post, Upload

# The detected format decides the stored file's extension and type, never the client's file name.
ALLOWED_FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}
# Resizing an image of 1 × 20000 px to fit 1600 px leaves zero pixels on one side: refused up front.
MAX_ASPECT_RATIO = 20
# A small file can hold a huge image (a 258 KB PNG of 9000 × 9000 px takes seconds and 100+ MB
# to resize), so the pixel count is capped as well as the file size.
MAX_PIXELS = 25_000_000


class UploadRefused(Exception):
    pass


def check_image(upload):
    """Refuse what is not a reasonable JPEG, PNG or WebP; give it the extension and type of what it is."""
    if upload is None:
        raise UploadRefused(_("Choose an image to upload."))
    if upload.size > settings.MARKDOWNX_UPLOAD_MAX_SIZE:
        raise UploadRefused(_("Images can be at most 5 MB."))
    try:
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise UploadRefused(_("Only JPEG, PNG and WebP images can be uploaded.")) from None
    finally:
        upload.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise UploadRefused(_("Only JPEG, PNG and WebP images can be uploaded."))
    if width * height > MAX_PIXELS:
        raise UploadRefused(_("Images can be at most 25 megapixels (for example 5000 × 5000)."))
    if min(width, height) < 1 or max(width, height) / min(width, height) > MAX_ASPECT_RATIO:
        raise UploadRefused(_("This image is too long and narrow. Crop it to at most 20 times as long as it is wide."))
    extension, content_type = ALLOWED_FORMATS[image_format]
    upload.name = f"image.{extension}"
    upload.content_type = content_type


@transaction.atomic
def upload_save(*, actor, image):
    """Store an image that passed check_image (resized by markdownx) under a fresh name, recorded as the actor's."""
    form = ImageForm(files={"image": image})
    if not form.is_valid():
        raise UploadRefused(_("Only JPEG, PNG and WebP images can be uploaded."))
    prepared = form.save(commit=False)  # (path, image): markdownx picks a unique name and resizes
    name = default_storage.save(prepared.path, prepared.image)
    return Upload.objects.create(uploader=actor, file=name, content_type=image.content_type, size=prepared.image.size)


def _in_a_post(upload):
    return Post.objects.filter(is_deleted=False, body__contains=upload.url).exists()


@transaction.atomic
def upload_remove(*, actor, upload):
    """The uploader takes an image off the forum: the file is deleted, the row keeps that it was there.
    An image still shown in a post stays until the post no longer uses it (moderators may need it)."""
    upload = Upload.objects.select_for_update().get(pk=upload.pk)
    if upload.uploader_id != actor.pk:
        raise UploadRefused(_("You can only remove images you uploaded yourself."))
    if upload.removed_at is not None:
        return upload
    if _in_a_post(upload):
        raise UploadRefused(_("This image is in a post. Edit the post to take it out first."))
    _remove(upload)
    return upload


def _remove(upload):
    upload.removed_at = timezone.now()
    upload.save(update_fields=["removed_at"])
    transaction.on_commit(lambda: default_storage.delete(upload.file))


def uploads_on_close(*, member, remove_text):
    """Closing an account (privacy.services.account_close): images no post uses are removed; with the
    posts' text removed, every image goes. Images in posts that stay remain, under the pseudonym."""
    for upload in Upload.objects.select_for_update().filter(uploader=member, removed_at__isnull=True):
        if remove_text or not _in_a_post(upload):
            _remove(upload)
