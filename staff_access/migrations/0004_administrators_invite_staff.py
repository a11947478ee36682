"""Administrators invite staff (and see what became of each invitation)."""

from django.db import migrations

from staff_access.roles import sync_roles_migration


class Migration(migrations.Migration):
    dependencies = [("staff_access", "0003_invitation")]

    operations = [migrations.RunPython(sync_roles_migration, migrations.RunPython.noop)]
