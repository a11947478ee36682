"""A Care coordinator role issues reading packs and reads reading records; clinicians define the
packs and may issue them too; the check-your-understanding block joins the guide's blocks."""

from django.db import migrations

from staff_access.roles import sync_roles_migration


class Migration(migrations.Migration):
    dependencies = [
        ("staff_access", "0005_administrators_word_the_call_to_action"),
        ("reading_packs", "0001_initial"),
        ("education", "0002_check_question"),
    ]

    operations = [migrations.RunPython(sync_roles_migration, migrations.RunPython.noop)]
