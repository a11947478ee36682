"""Delete the local demo accounts (demo-editor, demo-reviewer, ...), without asking, in any mode."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from staff_access.demo_accounts import DEMO_USERNAMES
from toolkit.security_log import log_event


class Command(BaseCommand):
    help = "Delete the local demo staff accounts of `make run` (for a database that will serve patients)."

    def handle(self, *args, **options):
        demo = get_user_model().objects.filter(username__in=DEMO_USERNAMES)
        removed = sorted(demo.values_list("username", flat=True))
        demo.delete()
        for username in removed:
            log_event("demo_account_removed", user=username)
        self.stdout.write(f"Removed: {', '.join(removed)}." if removed else "No demo accounts here.")
