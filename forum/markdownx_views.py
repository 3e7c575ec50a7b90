"""django-markdownx's preview and upload endpoints, behind login and a rate limit.

markdownx accepts anonymous requests and trusts the client's content type; here the
preview cleans, limits and renders text exactly as saving a post does (our sanitising
renderer, also MARKDOWNX_MARKDOWNIFY_FUNCTION) and uploads are checked from their
content with Pillow: only JPEG, PNG and WebP up to 5 MB.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from PIL import Image

from forum import ratelimit
from forum.forms import MarkdownField
from forum.markdown import render_markdown
from forum.permissions import check_post
from forum.uploads import UploadRefused, check_image, upload_save


def _refuse_unless_member(request, action):
    try:
        check_post(request.viewer)
    except PermissionDenied as error:
        return JsonResponse({"error": str(error)}, status=403)
    try:
        ratelimit.consume(request.user, action)
    except ratelimit.RateLimitExceeded as error:
        return JsonResponse({"error": str(error)}, status=429)
    return None


@login_required
@require_POST
def markdown_preview(request):
    """The post form's own field cleans and limits the text, so the preview is exactly what will be stored."""
    refusal = _refuse_unless_member(request, "markdown_preview")
    if refusal:
        return refusal
    try:
        text = MarkdownField(required=False).clean(request.POST.get("content", ""))
    except ValidationError as error:
        return HttpResponse(format_html('<p class="error" role="alert">{}</p>', " ".join(error.messages)), status=400)
    return HttpResponse(render_markdown(text))


@login_required
@require_POST
def image_upload(request):
    refusal = _refuse_unless_member(request, "upload")
    if refusal:
        return refusal
    image = request.FILES.get("image")
    try:
        check_image(image)
        upload = upload_save(actor=request.user, image=image)
        return JsonResponse({"image_code": f"![]({upload.url})"})
    except UploadRefused as error:
        return JsonResponse({"image_code": str(error)}, status=400)
    except (OSError, ValueError, ZeroDivisionError, Image.DecompressionBombError):
        # Pillow refused it while resizing: a member's image, not a server error.
        return JsonResponse({"image_code": _("This image could not be processed. Try another file or format.")}, status=400)
