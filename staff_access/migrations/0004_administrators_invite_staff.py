"""Once gave administrators the staff invitations.

Roles are now kept in step with staff_access/roles.py after every migrate (staff_access/handlers.py),
so this migration does nothing; it stays so that existing databases keep a consistent history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("staff_access", "0003_invitation")]

    operations = []
