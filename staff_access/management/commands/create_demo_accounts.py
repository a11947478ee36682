"""Local demo accounts, one per staff role, each with a fresh random password printed once."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from staff_access.roles import DEMO_ACCOUNTS


class Command(BaseCommand):
    help = "Create or reset the local demo staff accounts (refused unless DEBUG is on)."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Give existing demo accounts new passwords.")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Demo accounts are only for local development: they are never created with DEBUG off."
            )
        User = get_user_model()
        lines = []
        for username, role, first_name, last_name, email in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(username=username)
            # Names and addresses follow the table even for existing accounts; passwords only on --reset.
            user.first_name, user.last_name, user.email = first_name, last_name, email
            if not created and not options["reset"]:
                user.save(update_fields=["first_name", "last_name", "email"])
                lines.append(
                    f"    {role:<18} {username:<16} (exists; its password was printed when it was made)"
                )
                continue
            password = secrets.token_urlsafe(15)
            user.set_password(password)
            user.is_staff = True
            user.is_active = True
            user.is_superuser = False
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            lines.append(f"    {role:<18} {username:<16} {password}")
        self.stdout.write(
            "Local demo accounts (each password is shown only when it is set; nothing stores it):"
        )
        self.stdout.write("\n".join(lines))
        self.stdout.write(
            "Forgotten a password? Run: .venv/bin/python manage.py create_demo_accounts --reset"
        )
