"""django-markdownx's preview and upload endpoints, behind login and a rate limit.

markdownx accepts anonymous requests and trusts the client's content type; here the
preview uses our sanitising renderer (MARKDOWNX_MARKDOWNIFY_FUNCTION) and uploads are
checked from their content with Pillow: only JPEG, PNG and WebP up to 5 MB.
"""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from markdownx.views import ImageUploadView, MarkdownifyView

from forum import ratelimit
from forum.permissions import can_post
from forum.uploads import UploadRefused, check_image


def _refuse_unless_member(request, action):
    if not can_post(request.user):
        return JsonResponse({"error": _("Confirm your email address before you post.")}, status=403)
    try:
        ratelimit.consume(request.user, action)
    except ratelimit.RateLimitExceeded as error:
        return JsonResponse({"error": str(error)}, status=429)
    return None


@login_required
@require_POST
def markdown_preview(request):
    refusal = _refuse_unless_member(request, "markdown_preview")
    return refusal or MarkdownifyView.as_view()(request)


@login_required
@require_POST
def image_upload(request):
    refusal = _refuse_unless_member(request, "upload")
    if refusal:
        return refusal
    upload = request.FILES.get("image")
    try:
        check_image(upload)
    except UploadRefused as error:
        return JsonResponse({"image_code": str(error)}, status=400)
    return ImageUploadView.as_view()(request)
