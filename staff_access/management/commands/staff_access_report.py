"""The staff access review, for cron: printed, and emailed to the administrators."""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.template.loader import render_to_string

from staff_access import access_review
from staff_access.roles import ADMINISTRATOR


class Command(BaseCommand):
    help = "Print the staff access review and email it (with a CSV) to every active administrator."

    def add_arguments(self, parser):
        parser.add_argument("--no-email", action="store_true", help="Only print it.")

    def handle(self, *args, **options):
        report = access_review.rows()
        text = render_to_string("staff_access/email/access_review.txt", {"rows": report})
        self.stdout.write(text)
        if options["no_email"]:
            return
        administrators = (
            get_user_model()
            .objects.filter(Q(groups__name=ADMINISTRATOR) | Q(is_superuser=True), is_active=True)
            .exclude(email="")
            .distinct()
        )
        recipients = sorted(user.email for user in administrators)
        if not recipients:
            self.stderr.write("No active administrator has an email address: nothing was sent.")
            return
        message = EmailMessage("Staff access review", text, to=recipients)
        message.attach("staff-access-review.csv", access_review.as_csv(report), "text/csv")
        message.send()
        self.stdout.write(f"Sent to {', '.join(recipients)}.")
