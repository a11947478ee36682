"""Administrators see (and dismiss) purges of the frontend caches that failed."""

from django.db import migrations

from staff_access.roles import sync_roles_migration


class Migration(migrations.Migration):
    dependencies = [
        ("staff_access", "0001_roles"),
        ("frontend_cache", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles_migration, migrations.RunPython.noop)]
