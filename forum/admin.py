from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from forum import cache_keys, services
from forum.models import Category, Notification, Post, Reaction, Revision, Topic, Upload, User, Vote
from privacy.admin import close_accounts


class NoDeleteAdmin(admin.ModelAdmin):
    """Posts, revisions and their history are never hard-deleted: moderators may need them."""

    def has_delete_permission(self, request, obj=None):
        return False


class RecordAdmin(NoDeleteAdmin):
    """Records of what members did (votes, reactions, notices): to look at, never to add, change or delete.
    Deleting one would leave scores and counts wrong; the services are the only writers."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(User)
class MemberAdmin(UserAdmin):
    """Deleting a member would cascade their votes and leave scores wrong: accounts are closed, not deleted."""

    list_display = ("username", "email", "is_staff", "is_active", "preferred_language", "date_joined")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups", "preferred_language")
    fieldsets = UserAdmin.fieldsets + (
        (_("Forum"), {"fields": ("preferred_language", "email_on_answer", "email_on_reaction", "email_on_moderation", "email_queue_digest")}),
        (_("Privacy"), {"fields": ("hide_activity", "show_health_activity", "consent_version", "closed_at")}),
    )
    readonly_fields = ("consent_version", "closed_at")
    actions = (close_accounts,)  # closing anonymises through privacy.services.account_close

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "username" in form.changed_data:  # the lists name each topic's starter
            cache_keys.topic_lists_changed()


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position", "is_health", "members_only")
    list_editable = ("position", "is_health", "members_only")
    list_filter = ("is_health", "members_only")
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        cache_keys.topic_lists_changed()  # a category's page shows it above its list (name, description, who may see it)
        if change and "members_only" in form.changed_data:  # cached anonymous topic pages must follow at once
            for topic_id in Topic.objects.filter(category=obj).values_list("pk", flat=True).iterator():
                cache_keys.topic_changed(topic_id)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        cache_keys.topic_lists_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        cache_keys.topic_lists_changed()


@admin.register(Topic)
class TopicAdmin(NoDeleteAdmin):
    """Only the title and category can be changed here, and both through forum.services (revision,
    assessment, audit row, cache versions). Topics are opened on the site, where they are screened."""

    list_display = ("title", "category", "author", "solution_state", "is_public", "is_deleted", "answer_count", "view_count", "last_activity_at")
    list_filter = ("category", "solution_state", "is_public", "is_deleted")
    search_fields = ("title", "author__username")
    fields = ("title", "category", "author", "solution_state", "is_public", "is_deleted", "answer_count", "reaction_count",
              "best_answer_score", "view_count", "proposed_answer", "accepted_answer", "solved_by", "solved_at", "created_at")
    readonly_fields = tuple(name for name in fields if name not in ("title", "category"))

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        services.topic_admin_change(actor=request.user, topic=obj, title=form.cleaned_data["title"], category=form.cleaned_data["category"])


@admin.register(Post)
class PostAdmin(NoDeleteAdmin):
    """Only the text can be changed here, through forum.services.post_admin_change: a revision, a new
    assessment (it may be held), an audit row and fresh cached pages, as for a member's edit."""

    list_display = ("pk", "topic", "author", "is_question", "visibility", "score", "is_deleted", "created_at")
    list_filter = ("visibility", "is_question", "is_deleted", "topic__category")
    search_fields = ("body", "author__username", "topic__title")
    fields = ("topic", "author", "is_question", "body", "body_html", "score", "visibility", "assessment", "reviewed_by", "created_at",
              "edited_at", "is_deleted", "deleted_at", "deleted_by", "moderator_note", "rejection_reason")
    readonly_fields = tuple(name for name in fields if name != "body")

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        services.post_admin_change(actor=request.user, post=obj, body=form.cleaned_data["body"])


@admin.register(Revision)
class RevisionAdmin(NoDeleteAdmin):
    list_display = ("post", "edited_by", "created_at")
    search_fields = ("body", "title")
    readonly_fields = ("post", "title", "body", "body_html", "edited_by", "created_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Vote)
class VoteAdmin(RecordAdmin):
    list_display = ("post", "user", "value", "created_at")
    list_filter = ("value",)
    search_fields = ("user__username",)
    raw_id_fields = ("post", "user")
    readonly_fields = ("post", "user", "value", "created_at")


@admin.register(Reaction)
class ReactionAdmin(RecordAdmin):
    list_display = ("post", "user", "kind", "created_at")
    list_filter = ("kind",)
    search_fields = ("user__username",)
    raw_id_fields = ("post", "user")
    readonly_fields = ("post", "user", "kind", "created_at")


@admin.register(Notification)
class NotificationAdmin(RecordAdmin):
    list_display = ("recipient", "kind", "count", "is_read", "cleared_at", "updated_at")
    list_filter = ("kind", "is_read")
    search_fields = ("recipient__username",)
    raw_id_fields = ("recipient", "actor", "topic", "post")


@admin.register(Upload)
class UploadAdmin(RecordAdmin):
    """Who uploaded which image, for moderators and admins; only the uploader removes one (forum.uploads)."""

    list_display = ("file", "uploader", "content_type", "size", "created_at", "removed_at")
    list_filter = ("content_type",)
    search_fields = ("uploader__username", "file")
    readonly_fields = ("file", "uploader", "content_type", "size", "created_at", "removed_at")
