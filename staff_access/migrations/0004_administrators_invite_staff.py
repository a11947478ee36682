"""Administrators invite staff (and see what became of each invitation)."""

from django.db import migrations

from staff_access.roles import sync_roles


def sync(apps, schema_editor):
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("staff_access", "0003_invitation")]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
