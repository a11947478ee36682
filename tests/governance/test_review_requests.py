"""“Ask for review”: an editor's draft reaches every clinical reviewer who may check it, once, and
waits at the top of the dashboard; an editor's toolbar offers it instead of a Publish button.
"""

import pytest
from cms.toolbar.utils import get_object_edit_url
from django.core import mail
from django.urls import reverse

from governance.models import ReviewRequest
from tests.support.factories import (
    edit_draft,
    make_draft_edit,
    make_page,
    make_reviewed_page,
    make_user,
    page_content,
    record_review,
    staff_client,
)

pytestmark = pytest.mark.django_db

NEW = "<p>The infusion takes about 45 minutes.</p>"


def ask_url(draft) -> str:
    return reverse("governance:ask-for-review", args=[draft.object_id])


@pytest.fixture
def editor():
    return make_user("Editor", first_name="Eli", last_name="Editor")


@pytest.fixture
def rhea():
    return make_user("Clinical reviewer", first_name="Rhea", last_name="Reviewer")


@pytest.fixture
def draft(editor, rhea):
    make_page("Another page")  # published without a review, like the seed's examples
    return make_draft_edit(make_reviewed_page("Your infusion day", reviewer=rhea), NEW, editor)


def test_asking_emails_each_reviewer_who_can_check_the_draft_once(editor, rhea, draft):
    sam = make_user("Clinical reviewer", first_name="Sam", last_name="Reviewer")
    make_user("Clinical reviewer", email="")  # no address
    make_user("Clinical reviewer", is_active=False)  # left the clinic
    edit_draft(draft, "<p>Sam's wording.</p>", sam)  # changed it: cannot review it
    client = staff_client(editor)
    mail.outbox.clear()

    page = client.get(ask_url(draft)).content.decode()
    assert "It will go to: Rhea Reviewer." in page
    response = client.post(ask_url(draft), {"note": "I changed the time of the infusion."}, follow=True)

    assert "Rhea Reviewer got an email about this draft" in response.content.decode()
    assert [message.to for message in mail.outbox] == [[rhea.email]]
    email = mail.outbox[0]
    assert email.subject == "Please review the draft of “Your infusion day”"
    assert "Eli Editor asks you to review" in email.body
    assert "I changed the time of the infusion." in email.body
    assert get_object_edit_url(draft.content, language="en") in email.body

    again = client.post(ask_url(draft), {"note": "Again"}, follow=True).content.decode()
    assert "nobody was emailed again" in again
    assert len(mail.outbox) == 1
    assert ReviewRequest.objects.get().reviewers_emailed == 1


def test_a_waiting_draft_comes_first_on_the_dashboard_until_its_review_is_recorded(editor, rhea, draft):
    reviewer = rhea
    dashboard_url = reverse("governance:review-dashboard")
    staff_client(editor).post(ask_url(draft), {"note": ""})

    html = staff_client(reviewer).get(dashboard_url).content.decode()
    assert 'data-testid="drafts-waiting"' in html
    assert "Your infusion day</a>: waiting for review since" in html
    table = html[html.index('data-testid="review-dashboard"') :]
    body = table[table.index("<tbody>") :]
    first_row = body[: body.index("</tr>")]
    assert "Waiting for review since" in first_row and "Your infusion day" in first_row
    # The unreviewed example page is one line above the table, not a red row in it.
    assert "1 example page needs its first clinical review" in html
    assert "Another page" not in table

    record_review(draft, reviewer)
    assert "Waiting for review since" not in staff_client(reviewer).get(dashboard_url).content.decode()


def test_a_draft_with_no_reviewer_to_reach_says_so(editor, rhea, draft):
    edit_draft(draft, "<p>Her wording.</p>", rhea)  # the only reviewer changed it
    mail.outbox.clear()
    client = staff_client(editor)

    assert 'data-testid="nobody-to-reach"' in client.get(ask_url(draft)).content.decode()
    response = client.post(ask_url(draft), {}, follow=True).content.decode()
    assert "No clinical reviewer can be emailed about this draft" in response
    assert mail.outbox == []
    assert ReviewRequest.objects.get().reviewers_emailed == 0
    dashboard = client.get(reverse("governance:review-dashboard")).content.decode()
    assert "No reviewer to reach" in dashboard


def test_only_a_draft_can_be_sent_for_review_and_only_by_staff_who_edit(editor):
    published = page_content(make_reviewed_page())
    assert (
        staff_client(editor).get(reverse("governance:ask-for-review", args=[published.pk])).status_code == 404
    )
    assert staff_client(editor).get(reverse("governance:ask-for-review", args=[99999])).status_code == 404
    draft = make_draft_edit(make_reviewed_page("Second"), NEW, editor)
    assert staff_client(make_user("Care coordinator")).post(ask_url(draft), {}).status_code == 403
    assert not ReviewRequest.objects.exists()


def test_the_editors_toolbar_offers_ask_for_review_and_no_publish_button(editor, draft):
    edit_url = get_object_edit_url(draft.content, language="en")

    html = staff_client(editor).get(edit_url).content.decode()
    assert "Ask for review" in html and ask_url(draft) in html
    assert "cms-versioning-js-publish-btn" not in html

    reviewer = make_user("Clinical reviewer")
    html = staff_client(reviewer).get(edit_url).content.decode()
    assert "cms-versioning-js-publish-btn" in html
    assert "governance-ask-for-review" not in html  # a reviewer who did not change it publishes it
    edit_draft(draft, "<p>The reviewer's own change.</p>", reviewer)
    html = staff_client(reviewer).get(edit_url).content.decode()
    assert "governance-ask-for-review" in html  # now they need a colleague, too
    assert "Record the clinical review" in html and "Record the clinical review…" not in html
