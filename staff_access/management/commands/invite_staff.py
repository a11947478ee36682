"""Invite a member of staff from the command line (for clinics that script it)."""

from django.core.management.base import BaseCommand, CommandError

from staff_access import invitations
from staff_access.roles import ROLE_SLUGS


class Command(BaseCommand):
    help = "Create a staff account with a role and email its owner a single-use invitation link."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--role", action="append", required=True, choices=sorted(ROLE_SLUGS))
        parser.add_argument("--name", default="", help="Full name, as colleagues should see it.")

    def handle(self, *args, **options):
        roles = [ROLE_SLUGS[slug] for slug in options["role"]]
        try:
            invitation = invitations.invite(options["email"], name=options["name"], roles=roles)
        except invitations.InvitationError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Invited {invitation.user.get_full_name() or invitation.email} as {', '.join(roles)}; "
            f"the email went to {invitation.email} and the link works until "
            f"{invitation.expires_at:%Y-%m-%d %H:%M %Z}."
        )
