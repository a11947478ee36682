"""The review dashboard and page history staff use to see where every page stands."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from tests.support.factories import (
    make_draft_edit,
    make_page,
    make_reviewed_page,
    make_user,
    staff_client,
)

pytestmark = pytest.mark.django_db

DASHBOARD = "/staff/reviews/"


def row_of(html: str, title: str) -> str:
    rows = re.findall(r"<tr data-page=.*?</tr>", html, re.S)
    matching = [row for row in rows if f">{title}</a>" in row]
    assert len(matching) == 1, f"{title} not listed once"
    return matching[0]


def test_the_dashboard_needs_a_login_and_the_dashboard_permission():
    assert Client().get(DASHBOARD).status_code == 302
    assert staff_client(make_user("Administrator")).get(DASHBOARD).status_code == 403
    assert staff_client(make_user("Editor")).get(DASHBOARD).status_code == 200
    assert staff_client(make_user("Clinical reviewer")).get(DASHBOARD).status_code == 200


def test_the_dashboard_lists_every_page_with_its_status_reviewer_dates_and_grade():
    today = timezone.localdate()
    editor = make_user("Editor", first_name="Eddie", last_name="Editor")
    make_reviewed_page("Overdue page", reviewed_on=today - datetime.timedelta(days=400))
    make_reviewed_page(
        "Due soon page",
        reviewed_on=today - datetime.timedelta(days=340),
        next_review_due=today + datetime.timedelta(days=10),
    )
    current = make_reviewed_page("Current page", reviewed_on=today)
    make_draft_edit(current, "<p>A change waiting for a reviewer.</p>", editor)
    make_page("Example page")  # published without a review, like the demo guide
    make_page("Unpublished page", published=False)

    html = staff_client(make_user("Clinical reviewer")).get(DASHBOARD).content.decode()

    assert "3 pages need a clinical review" in html
    overdue = row_of(html, "Overdue page")
    assert "Overdue for review" in overdue
    assert "Dr Asha Patel" in overdue
    assert (today - datetime.timedelta(days=35)).strftime("%-d %B %Y") in overdue  # its due date
    assert "Due for review within 30 days" in row_of(html, "Due soon page")
    current_row = row_of(html, "Current page")
    assert "Draft awaiting review" in current_row
    assert "Overdue" not in current_row and "within 30 days" not in current_row
    assert "Eddie Editor" in current_row  # who last changed the draft
    # Pages published without any review (the demo's examples) are one line, not red rows.
    assert "1 example page needs its first clinical review" in html
    assert ">Example page</a>" in html[html.index('data-testid="first-reviews"') : html.index("</details>")]
    assert not re.search(r"<tr data-page=[^>]*>\s*<th[^>]*><a[^>]*>Example page<", html)
    assert "Not published" in row_of(html, "Unpublished page")
    # Drafts waiting for a reviewer first, then the most urgent.
    assert html.index(">Current page<") < html.index(">Overdue page<") < html.index(">Due soon page<")


def test_each_row_links_to_the_pages_edit_view_and_history():
    page = make_reviewed_page("Your infusion day")
    row = row_of(staff_client(make_user("Editor")).get(DASHBOARD).content.decode(), "Your infusion day")
    edit_url = re.search(r'<a href="([^"]+)">Edit</a>', row).group(1)
    assert "/edit/" in edit_url
    assert f"/staff/reviews/pages/{page.pk}/history/" in row


def test_the_dashboard_shows_the_reading_grade_and_marks_hard_pages():
    make_reviewed_page(
        "Plain page",
        "<p>Eat a light meal. Do not drink. Bring a friend. Rest after.</p>"
        "<p>Wear loose clothes. Tell us how you feel. Ask us if you are not sure.</p>",
    )
    make_reviewed_page(
        "Hard page",
        "<p>Pharmacological interventions necessitate comprehensive multidisciplinary "
        "evaluation, considering contraindications, concomitant medications and "
        "individualised cardiovascular risk stratification before administration. Subsequent "
        "pharmacokinetic considerations additionally necessitate individualised monitoring.</p>",
    )
    html = staff_client(make_user("Editor")).get(DASHBOARD).content.decode()
    assert "(above 8)" not in row_of(html, "Plain page")
    assert "(above 8)" in row_of(html, "Hard page")


def test_the_page_history_shows_who_created_changed_reviewed_and_published_each_version():
    editor = make_user("Editor", first_name="Eddie", last_name="Editor")
    reviewer = make_user("Clinical reviewer", first_name="Rhea", last_name="Reviewer")
    page = make_reviewed_page("Your infusion day")
    draft = make_draft_edit(page, "<p>New words.</p>", editor)
    draft.publish(reviewer)

    html = staff_client(make_user("Editor")).get(f"/staff/reviews/pages/{page.pk}/history/").content.decode()

    version_2 = re.search(r'data-testid="version-2".*?</section>', html, re.S).group(0)
    assert "Version 2: Published" in version_2
    assert "Created by" in version_2 and "(as a copy of an earlier version)" in version_2
    assert "Changed by Eddie Editor: 1 change" in version_2
    assert "Published by Rhea Reviewer" in version_2
    assert "Clinical review: Dr Asha Patel, Consultant psychiatrist" in version_2
    version_1 = re.search(r'data-testid="version-1".*?</section>', html, re.S).group(0)
    assert "Version 1: Unpublished" in version_1
    assert "Unpublished by Rhea Reviewer" in version_1
    assert "Compare, preview or revert versions" in html


def test_the_cms_version_list_opens_for_editors():
    page = make_reviewed_page("Your infusion day")
    html = staff_client(make_user("Editor")).get(f"/staff/reviews/pages/{page.pk}/history/").content.decode()
    versions_url = re.search(r'<a href="([^"]+)">Compare, preview or revert versions</a>', html).group(1)
    assert staff_client(make_user("Editor")).get(versions_url.replace("&amp;", "&")).status_code == 200


def test_an_unknown_page_history_is_not_found():
    assert staff_client(make_user("Editor")).get("/staff/reviews/pages/999999/history/").status_code == 404


def test_a_page_with_almost_no_text_says_too_short_to_grade_instead_of_a_negative_grade():
    make_reviewed_page("Nearly empty page", "<p>Rest. Eat.</p>")
    html = staff_client(make_user("Editor")).get(DASHBOARD).content.decode()
    row = row_of(html, "Nearly empty page")
    assert "too short to grade" in row
    assert not re.search(r">-\d", row)
