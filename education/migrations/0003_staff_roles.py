"""The clinic's staff roles, as Django groups with exactly the permissions each role needs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = [
    "cms.view_page", "cms.add_page", "cms.change_page",
    # Page contents and placeholders have no permissions of their own: django CMS checks the page's.
    "cms.use_structure",
    "cms.view_cmsplugin", "cms.add_cmsplugin", "cms.change_cmsplugin", "cms.delete_cmsplugin",
    "djangocms_text.view_text", "djangocms_text.add_text", "djangocms_text.change_text", "djangocms_text.delete_text",
    "djangocms_versioning.view_version", "djangocms_versioning.add_version", "djangocms_versioning.change_version",
]
CLINICAL_REVIEWER = [*EDITOR, "cms.publish_page"]
ADMINISTRATOR = [
    "auth.view_user", "auth.add_user", "auth.change_user",
    "auth.view_group",
    "education.view_providercalltoaction", "education.change_providercalltoaction",
]
ROLES = {"Editor": EDITOR, "Clinical reviewer": CLINICAL_REVIEWER, "Administrator": ADMINISTRATOR}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for dotted in perms:
            app_label, codename = dotted.split(".")
            wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0002_site_call_to_action"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cms", "0045_pageurl_site_unique_path"),
        ("djangocms_text", "0004_remove_old_ckeditor_table"),
        ("djangocms_versioning", "0018_fix_typo"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
