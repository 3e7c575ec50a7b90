"""Checks on uploaded images, from their content and never from the client's claim."""

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

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
