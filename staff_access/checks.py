from django.core.checks import Error, Tags, register
from django.db import DatabaseError

from .demo_accounts import DEMO_USERNAMES


@register(Tags.security, deploy=True)
def no_demo_accounts(app_configs=None, **kwargs):
    """A production site must not hold the demo accounts whose passwords a terminal printed."""
    from django.contrib.auth import get_user_model

    try:
        found = sorted(
            get_user_model().objects.filter(username__in=DEMO_USERNAMES).values_list("username", flat=True)
        )
    except DatabaseError:  # no database yet: nothing to find
        return []
    if not found:
        return []
    return [
        Error(
            f"The local demo accounts exist in this database: {', '.join(found)}. Their passwords were "
            "printed when they were made; they cannot sign in with DEBUG off, but must not stay.",
            hint="Run `manage.py remove_demo_accounts`.",
            id="staff_access.E001",
        )
    ]
