"""Administrators can unlock a locked-out sign-in and reset a colleague's two-step sign-in (issue 5).

Unlocking is deleting the django-axes access attempt; resetting two-step sign-in is deleting the
lost phone's device, after which the colleague sets up a new one at their next sign-in.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

UNLOCK_AND_RESET = [
    "axes.view_accessattempt", "axes.delete_accessattempt",
    "axes.view_accesslog", "axes.view_accessfailurelog",
    "otp_totp.view_totpdevice", "otp_totp.delete_totpdevice",
    "otp_static.view_staticdevice", "otp_static.delete_staticdevice",
]


def _permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    for dotted in UNLOCK_AND_RESET:
        app_label, codename = dotted.split(".")
        yield Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.get(name="Administrator")
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.get(name="Administrator")
    group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0003_staff_roles"),
        ("axes", "0010_accessattemptexpiration"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
