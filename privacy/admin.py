from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from privacy import services
from privacy.models import Consent, DataExport, LegalDocument


@admin.register(LegalDocument)
class LegalDocumentAdmin(admin.ModelAdmin):
    """Admins write a new version; a published version is never edited, so members' consents keep meaning what they said."""

    list_display = ("kind", "version", "title_nl", "published_at", "summary_of_changes")
    list_filter = ("kind",)
    fields = ("kind", "version", "title_nl", "text_nl", "title_en", "text_en", "summary_of_changes", "published_at")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.published_at is not None and obj.published_at <= timezone.now():
            return self.fields
        return ("version", "kind") if obj is not None else ("version",)

    def save_model(self, request, obj, form, change):
        services.document_publish(actor=request.user, document=obj)

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Consent)
class ConsentAdmin(ReadOnlyAdmin):
    list_display = ("user", "notice_version", "privacy_notice", "health_data", "given_at")
    list_filter = ("notice_version",)
    search_fields = ("user__username",)


@admin.register(DataExport)
class DataExportAdmin(ReadOnlyAdmin):
    list_display = ("user", "status", "created_at", "ready_at", "expires_at")
    list_filter = ("status",)


class CloseAccountsForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason (kept in the audit log)"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    remove_text = forms.BooleanField(label=gettext_lazy("Also remove the text of their posts"), required=False)


@admin.action(description=gettext_lazy("Close and anonymise the selected accounts"), permissions=["change"])
def close_accounts(modeladmin, request, queryset):
    """The admin's way to close accounts: the same service as /account/close/, with a reason in the audit log."""
    form = CloseAccountsForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        members = [member for member in queryset if member.closed_at is None and member.pk != request.user.pk]
        for member in members:
            services.account_close(
                actor=request.user, member=member, remove_text=form.cleaned_data["remove_text"], reason=form.cleaned_data["reason"]
            )
        modeladmin.message_user(request, _("Accounts closed and anonymised: %(count)d.") % {"count": len(members)}, messages.SUCCESS)
        return None
    return TemplateResponse(request, "privacy/admin_close_accounts.html", {
        **modeladmin.admin_site.each_context(request), "form": form, "members": queryset, "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME, "title": _("Close and anonymise accounts"),
    })
