"""Administrators write the call to action's words in each language."""

from django.db import migrations

from staff_access.roles import sync_roles_migration


class Migration(migrations.Migration):
    dependencies = [
        ("staff_access", "0004_administrators_invite_staff"),
        ("clinic", "0003_call_to_action_wording"),
    ]

    operations = [migrations.RunPython(sync_roles_migration, migrations.RunPython.noop)]
