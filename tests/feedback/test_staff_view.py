"""Staff read what patients said: on the review dashboard, in each page's history, in the reminder email."""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command

from feedback.models import PageFeedback
from tests.support.factories import (
    PatientClient,
    make_draft_edit,
    make_reviewed_page,
    make_superuser,
    make_user,
    staff_client,
)

pytestmark = pytest.mark.django_db

SAME_SITE = {"headers": {"Origin": "http://testserver"}}


def patient_says(page, useful, reason="", comment=""):
    """A patient answers under the page through the real form, and adds details to a No."""
    data = {"page": page.pk, "language": "en", "useful": "yes" if useful else "no"}
    response = PatientClient().post("/feedback/", data, **SAME_SITE)
    assert response.status_code == 200
    if reason:
        token = re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)
        sent = PatientClient().post(
            "/feedback/what-was-wrong/", {"token": token, "reason": reason, "comment": comment}, **SAME_SITE
        )
        assert sent.status_code == 200


def dashboard_row(html: str, title: str) -> str:
    rows = re.findall(r"<tr data-page=.*?</tr>", html, re.S)
    (row,) = [row for row in rows if f">{title}</a>" in row]
    return row


@pytest.fixture
def page_with_two_versions_of_feedback():
    page = make_reviewed_page("Your infusion day")
    patient_says(page, True)
    patient_says(page, False, "hard-to-understand", "Too many long words.")
    make_draft_edit(page, "<p>Shorter words now.</p>", make_user("Editor")).publish(make_superuser("pub"))
    patient_says(page, True)
    patient_says(page, True)
    patient_says(page, False, "seems-wrong", "It says 40 minutes but mine took an hour.")
    return page


def test_the_dashboard_shows_yes_and_no_for_the_published_version_and_all_versions_with_the_latest_reasons(
    page_with_two_versions_of_feedback,
):
    html = staff_client(make_user("Clinical reviewer")).get("/staff/reviews/").content.decode()
    row = dashboard_row(html, "Your infusion day")
    assert "This version: 2 yes, 1 no" in row
    assert "All versions: 3 yes, 2 no" in row
    assert "Something on the page seems wrong" in row
    assert "“It says 40 minutes but mine took an hour.”" in row
    assert "“Too many long words.”" in row
    assert row.index("mine took an hour") < row.index("Too many long words")  # newest first


def test_a_page_without_answers_says_so_on_the_dashboard():
    make_reviewed_page("Quiet page")
    html = staff_client(make_user("Editor")).get("/staff/reviews/").content.decode()
    assert "No answers yet" in dashboard_row(html, "Quiet page")


def test_the_page_history_shows_the_feedback_each_version_got(page_with_two_versions_of_feedback):
    page = page_with_two_versions_of_feedback
    html = staff_client(make_user("Editor")).get(f"/staff/reviews/pages/{page.pk}/history/").content.decode()
    first = re.search(r'data-testid="version-1">.*?</section>', html, re.S).group(0)
    second = re.search(r'data-testid="version-2">.*?</section>', html, re.S).group(0)
    assert "Patient feedback while published: 1 yes, 1 no" in first
    assert "Too many long words." in first and "40 minutes" not in first
    assert "Patient feedback while published: 2 yes, 1 no" in second
    assert "It says 40 minutes but mine took an hour." in second


def remind():
    call_command("review_reminders", stdout=io.StringIO())


def test_a_something_seems_wrong_report_is_emailed_to_the_pages_reviewer_once_even_with_nothing_due():
    asha = make_user("Clinical reviewer", username="asha")
    make_user("Clinical reviewer", username="ben")
    page = make_reviewed_page("Your infusion day", reviewer=asha)  # reviewed today: nothing due
    patient_says(page, False, "seems-wrong", "The fasting time is 6 hours here but 8 in my letter.")
    patient_says(page, False, "hard-to-understand", "Long words.")

    remind()

    (message,) = mail.outbox
    assert message.to == ["asha@clinic.example"]
    assert message.subject == "A patient says something seems wrong on a patient guide page"
    assert "Patients said something seems wrong on these pages" in message.body
    assert "- Your infusion day (en, version 1)" in message.body
    assert '"The fasting time is 6 hours here but 8 in my letter."' in message.body
    assert "Long words." not in message.body  # only "seems wrong" reports are sent on

    remind()  # the same report is not sent twice
    assert len(mail.outbox) == 1
    patient_says(page, False, "seems-wrong", "")
    remind()
    assert len(mail.outbox) == 2
    assert "no comment given" in mail.outbox[1].body
    assert "fasting time" not in mail.outbox[1].body
    assert PageFeedback.objects.filter(reviewer_told_at__isnull=True, reason="seems-wrong").count() == 0
