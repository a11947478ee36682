"""`manage.py review_reminders`: daily, from cron or the shipped timer (governance/reminders.py)."""

from django.core.management.base import BaseCommand

from governance.reminders import send_review_reminders


class Command(BaseCommand):
    help = "Email reviewers the pages overdue for clinical review or due within 30 days (once a day)."

    def handle(self, *args, **options):
        summary = send_review_reminders()
        self.stdout.write(
            f"Review reminders: {summary.emails_sent} email(s) sent, {summary.pages_needing_review} "
            f"page(s) need review, {summary.patient_reports} patient report(s) of something wrong."
        )
