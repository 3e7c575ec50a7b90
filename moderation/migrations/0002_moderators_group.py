"""The Moderators group: making someone a moderator is adding them to it in admin."""

from django.db import migrations

MODERATOR_PERMISSIONS = [
    ("moderation", "reviewitem", "review_posts", "Can decide on held and flagged posts"),
    ("moderation", "reviewitem", "sign_off_solutions", "Can sign off and reopen solved topics"),
    ("moderation", "reviewitem", "view_reviewitem", "Can view review item"),
    ("moderation", "flag", "view_flag", "Can view flag"),
    ("moderation", "auditentry", "view_auditentry", "Can view audit entry"),
]


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name="Moderators")
    for app_label, model, codename, name in MODERATOR_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})
        group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Moderators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
