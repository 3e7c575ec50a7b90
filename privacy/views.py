"""Privacy pages: the notice and house rules, consent, export and closing an account."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from forum.markdown import render_markdown
from privacy import services
from privacy.app_settings import privacy_settings
from privacy.exporting import export_item_count, export_zip
from privacy.forms import CloseAccountForm, ConsentForm
from privacy.models import DataExport, DocumentKind, LegalDocument
from privacy.notices import current_document

EXPORT_SALT = "privacy.export-download"


def _document_page(request, kind):
    document = current_document(kind)
    if document is None:
        raise Http404
    language = translation.get_language()
    versions = LegalDocument.objects.filter(kind=kind, published_at__lte=timezone.now()).only("version", "published_at")
    return render(request, "privacy/document.html", {
        "document": document, "title": document.title(language), "html": render_markdown(document.text(language)),
        "versions": versions,
    })


def privacy_notice(request):
    return _document_page(request, DocumentKind.PRIVACY)


def house_rules(request):
    return _document_page(request, DocumentKind.HOUSE_RULES)


def house_rules_english(request):
    """/house-rules/ is the English address: it shows the English text whatever the visitor's language."""
    with translation.override("en"):
        response = _document_page(request, DocumentKind.HOUSE_RULES)
    response["Content-Language"] = "en"
    return response


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or "/"
    return target if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()) else "/"


@never_cache
@login_required
def consent(request):
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.consent_give(actor=request.user, privacy_notice=True, health_data=True)
        messages.success(request, _("Thank you. Your consent is saved."))
        return redirect(_next(request))
    document = current_document(DocumentKind.PRIVACY)
    return render(request, "privacy/consent.html", {
        "form": form, "document": document, "next": _next(request),
        "first_time": request.user.consent_version is None,
    })


def download_token(export):
    return signing.TimestampSigner(salt=EXPORT_SALT).sign(str(export.pk))


@never_cache
@login_required
def export(request):
    user = request.user
    if request.method == "POST":
        if export_item_count(user) <= privacy_settings.EXPORT_INLINE_MAX_ITEMS:
            response = HttpResponse(export_zip(user), content_type="application/zip")
            response["Content-Disposition"] = f'attachment; filename="forum-export-{timezone.now():%Y-%m-%d}.zip"'
            return response
        services.export_request(actor=user)
        messages.success(request, _("Your export is being prepared. You will get a notification with a download link."))
        return redirect("privacy:export")
    exports = DataExport.objects.filter(user=user).exclude(expires_at__lt=timezone.now())[:5]
    for item in exports:
        item.token = download_token(item) if item.status == DataExport.Status.READY else ""
    return render(request, "privacy/export.html", {"exports": exports})


@never_cache
@login_required
def export_download(request, token):
    """A prepared export, for its own member only, while the signed link has not expired."""
    try:
        export_id = signing.TimestampSigner(salt=EXPORT_SALT).unsign(token, max_age=privacy_settings.EXPORT_DAYS * 24 * 60 * 60)
    except signing.SignatureExpired:
        return _export_gone(request)
    except signing.BadSignature:
        raise Http404 from None
    export = get_object_or_404(DataExport, pk=export_id, user=request.user, status=DataExport.Status.READY)
    path = privacy_settings.EXPORT_ROOT / export.file_name
    if export.expires_at < timezone.now() or not path.exists():
        return _export_gone(request)
    return FileResponse(path.open("rb"), as_attachment=True, filename=f"forum-export-{export.ready_at:%Y-%m-%d}.zip")


def _export_gone(request):
    messages.error(request, _("This download link has expired. You can request a new export."))
    return redirect("privacy:export")


@never_cache
@login_required
@reauthentication_required
def close_account(request):
    form = CloseAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.account_close(actor=request.user, member=request.user, remove_text=form.cleaned_data["remove_text"])
        logout(request)
        messages.success(request, _("Your account is closed. Thank you for taking part."))
        return redirect("forum:home")
    return render(request, "privacy/close.html", {"form": form})
