from django.contrib import admin

from moderation.canned import canned_reason_save
from moderation.models import AuditEntry, CannedReason, CareAlert, Flag, HealthTerm, ReviewItem, SourceDomain
from moderation.services import rules_changed


class RuleAdmin(admin.ModelAdmin):
    """Terms and domains are data admins edit; every change is audited and reaches all workers."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        verb = "changed" if change else "added"
        rules_changed(actor=request.user, description=f"{obj._meta.verbose_name} {verb}: {obj}")

    def delete_model(self, request, obj):
        rules_changed(actor=request.user, description=f"{obj._meta.verbose_name} deleted: {obj}")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(HealthTerm)
class HealthTermAdmin(RuleAdmin):
    list_display = ("phrase", "kind", "language", "weight", "is_active")
    list_filter = ("kind", "language", "is_active")
    list_editable = ("weight", "is_active")
    search_fields = ("phrase",)


@admin.register(SourceDomain)
class SourceDomainAdmin(RuleAdmin):
    list_display = ("domain", "kind", "note")
    list_filter = ("kind",)
    search_fields = ("domain", "note")


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReviewItem)
class ReviewItemAdmin(ReadOnlyAdmin):
    """Decisions are made in the queue at /moderation/, where they are audited."""

    list_display = ("pk", "post", "reason", "status", "created_at", "claimed_by", "decided_by", "decided_at")
    list_filter = ("status", "reason")
    search_fields = ("post__body", "post__author__username")


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdmin):
    list_display = ("post", "flagger", "reason", "outcome", "created_at")
    list_filter = ("reason", "outcome")
    search_fields = ("flagger__username", "text")


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "actor", "action", "object_repr", "status_before", "status_after", "reason")
    list_filter = ("action",)
    search_fields = ("object_repr", "reason", "actor__username")
    date_hierarchy = "created_at"


@admin.register(CareAlert)
class CareAlertAdmin(ReadOnlyAdmin):
    """Crisis alerts are followed up in the queue's care lane at /moderation/, where it is audited."""

    list_display = ("created_at", "topic", "post", "about_someone_else", "followed_up_at", "followed_up_by")
    list_filter = ("about_someone_else",)
    date_hierarchy = "created_at"


@admin.register(CannedReason)
class CannedReasonAdmin(admin.ModelAdmin):
    """Saved through moderation.canned (an audit row with the old and new text); switched off, never deleted."""

    list_display = ("title", "kind", "is_active", "use_count")
    list_filter = ("kind", "is_active")
    search_fields = ("title", "text_nl", "text_en")

    def save_model(self, request, obj, form, change):
        canned_reason_save(actor=request.user, reason=obj)

    def has_delete_permission(self, request, obj=None):
        return False
