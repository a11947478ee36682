"""Review reminders: each clinical reviewer is emailed the pages overdue for review or due within
30 days.

Safe to run as often as you like, and on several machines at once: every email is recorded
(ReviewReminder, unique per reviewer, page and day) in the transaction that queues it, so a reviewer
is never emailed twice about the same page on the same day. A page's reminder goes to the account named
on its review record; pages with no review record, or whose reviewer account is inactive or has no
email address, go to every active clinical reviewer, so none is forgotten.

Patients' "something seems wrong" reports (page feedback) are listed once each, in the first run
after they were sent, to the reviewer of that page in that language (same fallback), even when
nothing else is due: a report is news, not a schedule.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from feedback.summary import mark_told, reports_to_tell

from .models import ClinicalReview, ReviewReminder
from .review_status import NEVER_REVIEWED, OVERDUE, page_statuses
from .translations import out_of_date_translations


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


def _recipients(account, reviewers) -> list:
    """The reviewer named on a record, or every active reviewer when that account cannot be reached."""
    if account is not None and account.is_active and account.email:
        return [account]
    return reviewers


def _page(row) -> dict:
    """What the email says about one page (templates/governance/email/review_reminder_body.txt)."""
    review = row.published_review
    return {
        "title": row.title,
        "never_reviewed": NEVER_REVIEWED in row.statuses,
        "overdue": OVERDUE in row.statuses,
        "due": review.next_review_due if review else None,
        "reviewer_name": row.review.reviewer_name if row.review else "",
    }


@dataclass
class RunSummary:
    emails_sent: int
    pages_needing_review: int
    patient_reports: int


def send_review_reminders() -> RunSummary:
    today = timezone.localdate()
    statuses = page_statuses(today)
    rows = [row for row in statuses if row.needs_review]
    reviewers = list(active_reviewers())
    pages_for = {}
    for row in rows:
        account = row.published_review.reviewer_account if row.published_review else None
        for recipient in _recipients(account, reviewers):
            pages_for.setdefault(recipient, []).append(row)
    # Translations whose English page was published again since they were made.
    stale_for = {}
    for stale in out_of_date_translations():
        review = ClinicalReview.objects.filter(extended_object=stale.translation).first()
        account = review.reviewer_account if review else None
        for recipient in _recipients(account, reviewers):
            stale_for.setdefault(recipient, []).append(stale)
    # Patients' "something seems wrong" reports, to the reviewer of the page in that language.
    reviewer_of = {
        (row.page.pk, row.language): row.published_review.reviewer_account
        for row in statuses
        if row.published_review
    }
    reports = reports_to_tell()
    reports_for = {}
    for report in reports:
        account = reviewer_of.get((report.page_id, report.language))
        for recipient in _recipients(account, reviewers):
            reports_for.setdefault(recipient, []).append(report)
    dashboard = settings.PORTAL_BASE_URL + reverse("governance:review-dashboard")
    sent = 0
    for recipient in {**pages_for, **stale_for, **reports_for}:
        already = set(
            ReviewReminder.objects.filter(recipient=recipient, sent_on=today).values_list(
                "page_id", flat=True
            )
        )
        new_rows = [row for row in pages_for.get(recipient, []) if row.page.pk not in already]
        new_stale = [item for item in stale_for.get(recipient, []) if item.translation.page_id not in already]
        new_reports = reports_for.get(recipient, [])
        if not new_rows and not new_stale and not new_reports:
            continue
        try:
            with transaction.atomic():
                # Recorded first and rolled back if sending fails, so a retry sends it again.
                reminded = (
                    {row.page.pk for row in new_rows}
                    | {item.translation.page_id for item in new_stale}
                    | {report.page_id for report in new_reports}
                ) - already
                ReviewReminder.objects.bulk_create(
                    ReviewReminder(recipient=recipient, page_id=page_id, sent_on=today)
                    for page_id in reminded
                )
                context = {
                    "name": recipient.get_full_name() or recipient.get_username(),
                    "pages": [_page(row) for row in new_rows],
                    "count": len(new_rows),
                    "translations": new_stale,
                    "reports": new_reports,
                    "dashboard_url": dashboard,
                }
                send_mail(
                    # One line: a newline in a subject is refused by Django.
                    subject=" ".join(
                        render_to_string("governance/email/review_reminder_subject.txt", context).split()
                    ),
                    message=render_to_string("governance/email/review_reminder_body.txt", context),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    recipient_list=[recipient.email],
                )
        except IntegrityError:
            # Another run at the same moment (a second machine, a retried cron job) recorded this
            # person's reminder first, and sends it: the unique record is the claim.
            continue
        sent += 1
    # Told once: every recipient of this run has them now (a failed send stops the run first).
    mark_told(reports)
    return RunSummary(sent, len(rows), len(reports))
