"""Email each clinical reviewer the pages that are overdue for review or due within 30 days.

Safe to run from cron as often as you like: every email sent is recorded (ReviewReminder), and a
reviewer is never emailed twice about the same page on the same day. A page's reminder goes to the
account named on its review record; pages with no review record, or whose reviewer account is
inactive or has no email address, go to every active clinical reviewer, so none is forgotten.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from governance.models import ReviewReminder
from governance.review_status import NEVER_REVIEWED, OVERDUE, page_statuses


def active_reviewers():
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__permissions__codename="publish_page",
            groups__permissions__content_type__app_label="cms",
        )
        .exclude(email="")
        .distinct()
    )


def _can_receive(user) -> bool:
    return user is not None and user.is_active and bool(user.email)


def _line(row) -> str:
    if NEVER_REVIEWED in row.statuses:
        return f"- {row.title}: published without a clinical review"
    due = row.published_review.next_review_due
    when = "was due" if OVERDUE in row.statuses else "is due"
    return (
        f"- {row.title}: next review {when} on {due:%-d %B %Y} (last reviewed by {row.review.reviewer_name})"
    )


class Command(BaseCommand):
    help = "Email reviewers the pages overdue for clinical review or due within 30 days (once a day)."

    def handle(self, *args, **options):
        today = timezone.localdate()
        rows = [row for row in page_statuses(today) if row.needs_review]
        reviewers = list(active_reviewers())
        pages_for = {}
        for row in rows:
            account = row.published_review.reviewer_account if row.published_review else None
            recipients = [account] if _can_receive(account) else reviewers
            for recipient in recipients:
                pages_for.setdefault(recipient, []).append(row)
        dashboard = f"https://{Site.objects.get_current().domain}{reverse('governance:review-dashboard')}"
        sent = 0
        for recipient, recipient_rows in pages_for.items():
            already = set(
                ReviewReminder.objects.filter(recipient=recipient, sent_on=today).values_list(
                    "page_id", flat=True
                )
            )
            new_rows = [row for row in recipient_rows if row.page.pk not in already]
            if not new_rows:
                continue
            with transaction.atomic():
                # Recorded first and rolled back if sending fails, so a retry sends it again.
                ReviewReminder.objects.bulk_create(
                    ReviewReminder(recipient=recipient, page=row.page, sent_on=today) for row in new_rows
                )
                count = len(new_rows)
                send_mail(
                    subject=f"{count} patient guide page{'s' if count != 1 else ''} need"
                    f"{'s' if count == 1 else ''} a clinical review",
                    message="\n".join(
                        [
                            f"Hello {recipient.get_full_name() or recipient.get_username()},",
                            "",
                            "These pages of the patient guide need a clinical review:",
                            "",
                            *(_line(row) for row in new_rows),
                            "",
                            f"Review them from the dashboard: {dashboard}",
                        ]
                    ),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    recipient_list=[recipient.email],
                )
            sent += 1
        self.stdout.write(f"Review reminders: {sent} email(s) sent, {len(rows)} page(s) need review.")
