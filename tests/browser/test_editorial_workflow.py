"""One real edit through the CMS in Chromium: an editor changes a sentence in the frontend editor
and cannot publish it; a clinical reviewer publishes it; a patient then reads the new sentence.
"""

import datetime
import re

import pytest
from django.utils import timezone
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version
from playwright.sync_api import expect

from governance.models import DraftEdit
from tests.support.factories import make_page, make_reviewed_page, make_user

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "a-long-test-password-1"


def replace_in_editor(page, old: str, new: str) -> None:
    """Select `old` inside the inline text editor and type `new` over it, as a person would."""
    editable = page.locator("[contenteditable=true]", has_text=old).first
    editable.click()
    found = page.evaluate(
        """([old]) => {
          const root = [...document.querySelectorAll('[contenteditable=true]')]
            .find(element => element.textContent.includes(old));
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent.indexOf(old);
            if (at >= 0) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + old.length);
              getSelection().removeAllRanges();
              getSelection().addRange(range);
              return true;
            }
          }
          return false;
        }""",
        [old],
    )
    assert found, f"{old!r} is not in the editor"
    page.keyboard.type(new)


def test_an_edit_goes_from_editor_to_reviewer_to_patient(live_server, desktop_browser):
    today = timezone.localdate()
    infusion = make_reviewed_page(
        "Your infusion day", body="<p>Your ketamine infusion takes about 40 minutes.</p>"
    )
    # Two more pages, so the dashboard shows what needs attention.
    make_reviewed_page("After your first course", reviewed_on=today - datetime.timedelta(days=400))
    make_page("Risks and side effects")
    make_user("Editor", username="eddie", first_name="Eddie", last_name="Editor", password=PASSWORD)
    make_user(
        "Clinical reviewer", username="rhea", first_name="Rhea", last_name="Reviewer", password=PASSWORD
    )
    url = live_server.url + infusion.get_absolute_url()

    # The editor opens a new draft from the toolbar and changes one sentence in the text editor.
    editor = desktop_browser()
    log_in(editor, live_server.url, "eddie", PASSWORD)
    editor.goto(url)
    editor.get_by_role("link", name="New draft").click()
    editor.wait_for_url(re.compile(r"/edit/"))
    with editor.expect_response(lambda r: "edit-plugin" in r.url and r.request.method == "POST") as saved:
        replace_in_editor(editor, "40 minutes", "45 minutes")
        # Leaving the text saves it. Click well away from it: the editor's floating toolbar and the CMS
        # toolbar can cover the heading just above the text.
        editor.locator(".provider-cta h2").click()
    assert saved.value.ok
    draft = Version.objects.get(state=DRAFT)
    assert [edit.user.username for edit in DraftEdit.objects.filter(content_id=draft.object_id)] == ["eddie"]

    # Publishing is refused, with the reason, and nothing changes.
    editor.get_by_role("link", name="Publish", exact=True).click()
    refusal = editor.locator(".cms-messages")
    expect(refusal).to_contain_text("Only a clinical reviewer can publish pages")
    # The CMS slides its message in below the toolbar: wait until it is there to photograph it.
    editor.wait_for_function("document.querySelector('.cms-messages').getBoundingClientRect().top >= 40")
    screenshot(editor, "publish-refused-editor")
    assert Version.objects.get(pk=draft.pk).state == DRAFT

    # The reviewer opens the draft from the toolbar and publishes it.
    reviewer = desktop_browser()
    log_in(reviewer, live_server.url, "rhea", PASSWORD)
    reviewer.goto(f"{live_server.url}/staff/reviews/")
    expect(reviewer.get_by_test_id("review-dashboard")).to_contain_text("Draft awaiting review")
    screenshot(reviewer, "review-dashboard")
    reviewer.goto(url)
    reviewer.get_by_role("link", name="Edit", exact=True).click()
    reviewer.wait_for_url(re.compile(r"/edit/"))
    expect(reviewer.locator("[contenteditable=true]", has_text="45 minutes").first).to_be_visible()
    reviewer.get_by_role("link", name="Publish", exact=True).click()
    expect(reviewer.locator(".cms-messages")).to_contain_text("Version published")

    # A patient now reads the new sentence, with the review footer.
    patient = desktop_browser()
    patient.goto(url)
    expect(patient.locator("main")).to_contain_text("about 45 minutes")
    expect(patient.get_by_test_id("review-footer")).to_contain_text("Page last reviewed:")
    assert "40 minutes" not in patient.locator("main").inner_text()
