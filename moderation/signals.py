"""Cache invalidation for the moderator pages, and nothing else: no rule lives here.

- A member's cached rights (moderation.permissions) are forgotten when anything they rest on changes.
- The queue's cached counts (moderation.cache_keys) go stale when a review item changes.
- The queue filter's category names, and the queue's pages, go when a category changes.
"""

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from forum.models import Category
from moderation import cache_keys
from moderation.models import ReviewItem
from moderation.permissions import forget_access

User = get_user_model()


def _members_of(group_ids):
    return list(User.objects.filter(groups__in=group_ids).values_list("pk", flat=True).distinct())


def _holders_of(permission_ids):
    """Members who hold these permissions directly or through a group."""
    direct = User.objects.filter(user_permissions__in=permission_ids).values_list("pk", flat=True)
    through_groups = User.objects.filter(groups__permissions__in=permission_ids).values_list("pk", flat=True)
    return set(direct) | set(through_groups)


def user_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """user.groups.add/remove/clear/set, and the same from the group's side (group.user_set)."""
    if action == "pre_clear" and reverse:
        instance._members_before_clear = _members_of([instance.pk])
    elif action in ("post_add", "post_remove"):
        forget_access(pk_set if reverse else [instance.pk])
    elif action == "post_clear":
        forget_access(getattr(instance, "_members_before_clear", []) if reverse else [instance.pk])


def user_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """user.user_permissions changes, and the same from the permission's side."""
    if action == "pre_clear" and reverse:
        instance._holders_before_clear = list(instance.user_set.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove"):
        forget_access(pk_set if reverse else [instance.pk])
    elif action == "post_clear":
        forget_access(getattr(instance, "_holders_before_clear", []) if reverse else [instance.pk])


def group_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A group's permissions change: every member's rights may change."""
    if action.startswith("pre_"):
        if action == "pre_clear":
            groups = [g.pk for g in Group.objects.filter(permissions=instance)] if reverse else [instance.pk]
            instance._members_before_clear = _members_of(groups)
        return
    if action == "post_clear":
        forget_access(getattr(instance, "_members_before_clear", []))
    else:
        forget_access(_members_of(pk_set if reverse else [instance.pk]))


def group_deleted(sender, instance, **kwargs):
    # pre_delete: the memberships are gone (without m2m signals) by post_delete.
    forget_access(_members_of([instance.pk]))


def permission_deleted(sender, instance, **kwargs):
    forget_access(_holders_of([instance.pk]))


def user_saved(sender, instance, update_fields=None, **kwargs):
    """Active and superuser status live on the user row (a login saving last_login changes neither)."""
    if update_fields is None or {"is_active", "is_superuser"} & set(update_fields):
        forget_access([instance.pk])


def user_deleted(sender, instance, **kwargs):
    forget_access([instance.pk])


def authenticator_changed(sender, instance, **kwargs):
    forget_access([instance.user_id])


def review_item_changed(sender, **kwargs):
    cache_keys.queue_changed()


def category_changed(sender, **kwargs):
    cache_keys.queue_changed()  # queue items show their category's name


def connect():
    m2m_changed.connect(user_groups_changed, sender=User.groups.through, dispatch_uid="moderation-access-groups")
    m2m_changed.connect(user_permissions_changed, sender=User.user_permissions.through, dispatch_uid="moderation-access-perms")
    m2m_changed.connect(group_permissions_changed, sender=Group.permissions.through, dispatch_uid="moderation-access-group-perms")
    pre_delete.connect(group_deleted, sender=Group, dispatch_uid="moderation-access-group-deleted")
    pre_delete.connect(permission_deleted, sender=Permission, dispatch_uid="moderation-access-permission-deleted")
    post_save.connect(user_saved, sender=User, dispatch_uid="moderation-access-user-saved")
    post_delete.connect(user_deleted, sender=User, dispatch_uid="moderation-access-user-deleted")
    post_save.connect(authenticator_changed, sender=Authenticator, dispatch_uid="moderation-access-totp-saved")
    post_delete.connect(authenticator_changed, sender=Authenticator, dispatch_uid="moderation-access-totp-deleted")
    post_save.connect(review_item_changed, sender=ReviewItem, dispatch_uid="moderation-queue-item-saved")
    post_delete.connect(review_item_changed, sender=ReviewItem, dispatch_uid="moderation-queue-item-deleted")
    post_save.connect(category_changed, sender=Category, dispatch_uid="moderation-category-saved")
    post_delete.connect(category_changed, sender=Category, dispatch_uid="moderation-category-deleted")
