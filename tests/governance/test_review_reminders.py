"""The daily `review_reminders` command: the right reviewer, the right pages, never twice a day."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.support.factories import make_page, make_reviewed_page, make_user

pytestmark = pytest.mark.django_db


def remind():
    call_command("review_reminders", stdout=io.StringIO())


def mail_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_each_reviewer_is_emailed_only_their_pages_that_are_due_or_overdue():
    today = timezone.localdate()
    asha = make_user("Clinical reviewer", username="asha")
    ben = make_user("Clinical reviewer", username="ben")
    cara = make_user("Clinical reviewer", username="cara")
    make_reviewed_page("Overdue page", reviewer=asha, reviewed_on=today - datetime.timedelta(days=400))
    make_reviewed_page(
        "Due soon page",
        reviewer=ben,
        reviewed_on=today - datetime.timedelta(days=350),
        next_review_due=today + datetime.timedelta(days=15),
    )
    make_reviewed_page("Current page", reviewer=cara, reviewed_on=today)

    remind()

    (to_asha,) = mail_to("asha@clinic.example")
    assert to_asha.subject == "1 patient guide page needs a clinical review"
    assert "Overdue page: next review was due on" in to_asha.body
    assert "Due soon page" not in to_asha.body
    (to_ben,) = mail_to("ben@clinic.example")
    assert "Due soon page: next review is due on" in to_ben.body
    assert "/staff/reviews/" in to_ben.body
    assert mail_to("cara@clinic.example") == []


def test_running_again_the_same_day_sends_nothing_new():
    asha = make_user("Clinical reviewer", username="asha")
    make_reviewed_page(
        "Overdue page", reviewer=asha, reviewed_on=timezone.localdate() - datetime.timedelta(days=400)
    )
    remind()
    remind()
    assert len(mail.outbox) == 1

    make_reviewed_page(
        "Second overdue page", reviewer=asha, reviewed_on=timezone.localdate() - datetime.timedelta(days=500)
    )
    remind()
    assert len(mail.outbox) == 2
    assert "Second overdue page" in mail.outbox[1].body
    assert "- Overdue page" not in mail.outbox[1].body


def test_pages_never_reviewed_or_without_a_reachable_reviewer_go_to_every_active_reviewer():
    gone = make_user("Clinical reviewer", username="gone", is_active=False)
    make_user("Clinical reviewer", username="asha")
    make_user("Clinical reviewer", username="ben")
    make_user("Editor", username="eddie")
    make_page("Example page")  # published without a review
    make_reviewed_page(
        "Orphan page", reviewer=gone, reviewed_on=timezone.localdate() - datetime.timedelta(days=400)
    )

    remind()

    assert sorted(message.to[0] for message in mail.outbox) == ["asha@clinic.example", "ben@clinic.example"]
    for message in mail.outbox:
        assert "Example page: published without a clinical review" in message.body
        assert "Orphan page" in message.body


def test_the_email_counts_pages_in_words_dates_them_plainly_and_links_to_the_portal_address(settings):
    settings.PORTAL_BASE_URL = "https://guide.clinic.example"
    today = timezone.localdate()
    asha = make_user("Clinical reviewer", username="asha")
    for title, days in (("First page", 400), ("Second page", 500)):
        make_reviewed_page(title, reviewer=asha, reviewed_on=today - datetime.timedelta(days=days))

    remind()

    (message,) = mail_to("asha@clinic.example")
    assert message.subject == "2 patient guide pages need a clinical review"
    assert "These pages of the patient guide need a clinical review:" in message.body
    due = today - datetime.timedelta(days=400) + datetime.timedelta(days=365)
    assert f"First page: next review was due on {due.day} {due:%B %Y}" in message.body  # no leading zero
    assert "Review them from the dashboard: https://guide.clinic.example/staff/reviews/" in message.body
    assert "&#x27;" not in message.body and "&amp;" not in message.body  # plain text, not HTML-escaped
