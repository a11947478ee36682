"""The staff access review, for the monthly job: printed, and emailed to each administrator once a
month, however often and on however many machines it runs (AccessReportSent is the claim)."""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from staff_access import access_review
from staff_access.models import AccessReportSent
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
        if not administrators:
            self.stderr.write("No active administrator has an email address: nothing was sent.")
            return
        month = timezone.localdate().strftime("%Y-%m")
        attachment = access_review.as_csv(report)
        sent = []
        for administrator in sorted(administrators, key=lambda user: user.email):
            try:
                with transaction.atomic():
                    AccessReportSent.objects.create(recipient=administrator, month=month)
                    message = EmailMessage("Staff access review", text, to=[administrator.email])
                    message.attach("staff-access-review.csv", attachment, "text/csv")
                    message.send()
            except IntegrityError:
                continue  # this month's review has gone to this administrator already
            sent.append(administrator.email)
        if sent:
            self.stdout.write(f"Sent to {', '.join(sent)}.")
        else:
            self.stdout.write(f"Every administrator has had the review for {month} already: nothing sent.")
