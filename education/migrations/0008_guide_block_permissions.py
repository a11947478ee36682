"""Editors and clinical reviewers may add, change and remove the guide's building blocks.

Each block is a plugin model of its own, and django CMS asks for that model's permissions before it
offers the plugin in the editor; without these rows only superusers could use the blocks.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BLOCKS = ["keyfacts", "treatmentsteps", "carecard", "questionanswer", "glossaryterm", "checklist"]
BLOCK_PERMISSIONS = [f"{action}_{model}" for model in BLOCKS for action in ("view", "add", "change", "delete")]
ROLES = ("Editor", "Clinical reviewer")


def _permissions(apps):
    app_config = apps.get_app_config("education")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="education", codename__in=BLOCK_PERMISSIONS)


def grant(apps, schema_editor):
    permissions = list(_permissions(apps))
    assert len(permissions) == len(BLOCK_PERMISSIONS)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    permissions = list(_permissions(apps))
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("education", "0007_review_role_permissions")]

    operations = [migrations.RunPython(grant, revoke)]
