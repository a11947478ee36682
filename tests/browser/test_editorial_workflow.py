"""Real edits through the CMS in Chromium.

- An editor changes a sentence, has no Publish button, and asks for review: the reviewer's email is
  in the outbox; the reviewer records a review of the new text and publishes it; a patient reads it.
- The sequence that once got through: reviewer A edits a published page, reviewer B publishes it the
  same day without recording a review. It is refused; the history names both people.
"""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version
from playwright.sync_api import expect

from governance.models import ClinicalReview, DraftEdit
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


def edit_sentence(page, url: str, old: str, new: str) -> None:
    """Open a new draft from the toolbar and change one sentence in the text editor."""
    page.goto(url)
    page.get_by_role("link", name="New draft").click()
    page.wait_for_url(re.compile(r"/edit/"))
    with page.expect_response(lambda r: "edit-plugin" in r.url and r.request.method == "POST") as saved:
        replace_in_editor(page, old, new)
        # Leaving the text saves it. Click well away from it: the editor's floating toolbar and the CMS
        # toolbar can cover the heading just above the text.
        page.locator(".provider-cta h2").click()
    assert saved.value.ok


def record_review_in_the_admin(page, live_server_url: str, draft) -> None:
    """The form "Record the clinical review" opens from the toolbar, filled in and saved."""
    review = ClinicalReview.objects.get(extended_object_id=draft.object_id)
    page.goto(live_server_url + reverse("admin:governance_clinicalreview_change", args=[review.pk]))
    page.fill("#id_reviewer_title", "Consultant psychiatrist")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")


def assert_toolbar_items_do_not_overlap(page) -> None:
    """At 1280 px the right side of the CMS toolbar (buttons, the grade, warnings) covers no menu."""
    page.wait_for_timeout(300)  # the CMS fits its menus to the width after the page has loaded
    edges = page.evaluate(
        """() => {
          const boxes = selector => [...document.querySelectorAll(selector)]
            .map(element => element.getBoundingClientRect()).filter(box => box.width > 0);
          const left = boxes('.cms-toolbar-left > .cms-toolbar-item:not(.cms-toolbar-item-navigation), '
            + '.cms-toolbar-left .cms-toolbar-item-navigation > li');
          const right = boxes('.cms-toolbar-right > .cms-toolbar-item');
          return {
            left: Math.max(...left.map(box => box.right)),
            right: Math.min(...right.map(box => box.left)),
          };
        }"""
    )
    assert edges["left"] <= edges["right"], edges
    for menu in ("Page", "Clinical review"):
        expect(page.locator(".cms-toolbar-left").get_by_text(menu, exact=True).first).to_be_visible()


def click_publish(page, url: str) -> None:
    page.goto(url)
    page.get_by_role("link", name="Edit", exact=True).click()
    page.wait_for_url(re.compile(r"/edit/"))
    page.get_by_role("link", name="Publish", exact=True).click()


def test_an_editor_asks_for_review_and_a_reviewer_checks_and_publishes(live_server, desktop_browser):
    today = timezone.localdate()
    infusion = make_reviewed_page(
        "Your infusion day", body="<p>Your ketamine infusion takes about 40 minutes.</p>"
    )
    # Two more pages, so the dashboard shows what needs attention.
    make_reviewed_page("After your first course", reviewed_on=today - datetime.timedelta(days=400))
    make_page("Risks and side effects")
    make_user("Editor", username="eddie", first_name="Eddie", last_name="Editor", password=PASSWORD)
    rhea = make_user(
        "Clinical reviewer", username="rhea", first_name="Rhea", last_name="Reviewer", password=PASSWORD
    )
    url = live_server.url + infusion.get_absolute_url()

    editor = desktop_browser()
    log_in(editor, live_server.url, "eddie", PASSWORD)
    edit_sentence(editor, url, "40 minutes", "45 minutes")
    draft = Version.objects.get(state=DRAFT)
    assert [edit.user.username for edit in DraftEdit.objects.filter(content_id=draft.object_id)] == ["eddie"]

    # No Publish button for an editor: "Ask for review" instead.
    expect(editor.get_by_role("link", name="Publish", exact=True)).to_have_count(0)
    ask = editor.locator(".cms-toolbar").get_by_role("link", name="Ask for review", exact=True)
    expect(ask).to_be_visible()
    assert_toolbar_items_do_not_overlap(editor)
    screenshot(editor, "toolbar-editor-draft-1280")
    mail.outbox.clear()
    ask.click()
    expect(editor.get_by_test_id("ask-for-review")).to_contain_text("It will go to:")
    screenshot(editor, "ask-for-review-1280")
    editor.fill("#id_note", "The infusion now takes 45 minutes.")
    editor.get_by_role("button", name="Ask for review").click()
    expect(editor.locator(".messagelist")).to_contain_text("got an email about this draft")
    expect(editor.get_by_test_id("ask-for-review")).to_contain_text("Waiting for review since")
    screenshot(editor, "ask-for-review-sent-1280")
    email = next(message for message in mail.outbox if message.to == [rhea.email])
    assert "“Your infusion day”" in email.subject
    assert "The infusion now takes 45 minutes." in email.body

    # The reviewer finds it at the top of the dashboard.
    reviewer = desktop_browser()
    log_in(reviewer, live_server.url, "rhea", PASSWORD)
    reviewer.goto(f"{live_server.url}/staff/reviews/")
    expect(reviewer.get_by_test_id("drafts-waiting")).to_contain_text("Your infusion day")
    expect(reviewer.get_by_test_id("first-reviews")).to_contain_text("1 example page needs its first")
    screenshot(reviewer, "review-dashboard")

    # Publishing with the review carried over from the old text is refused, in plain words.
    click_publish(reviewer, url)
    assert_toolbar_items_do_not_overlap(reviewer)
    expect(reviewer.locator(".cms-messages")).to_contain_text("after its clinical review record was made")
    assert Version.objects.get(pk=draft.pk).state == DRAFT

    # The reviewer records a review of the new text, then publishes.
    record_review_in_the_admin(reviewer, live_server.url, draft)
    click_publish(reviewer, url)
    expect(reviewer.locator(".cms-messages")).to_contain_text("Version published")
    screenshot(reviewer, "toolbar-reviewer-published-1280")

    # A patient now reads the new sentence, with the review footer naming the reviewer.
    patient = desktop_browser()
    patient.goto(url)
    expect(patient.locator("main")).to_contain_text("about 45 minutes")
    expect(patient.get_by_test_id("review-footer")).to_contain_text("Rhea Reviewer")
    assert "40 minutes" not in patient.locator("main").inner_text()


def test_a_reviewers_same_day_change_cannot_be_published_without_a_review(live_server, desktop_browser):
    # Named as the demo's two reviewers (whose own accounts sign in only in debug mode).
    make_user(
        "Clinical reviewer", username="reviewer-a", first_name="Demo reviewer", last_name="Rhea",
        password=PASSWORD,
    )  # fmt: skip
    make_user(
        "Clinical reviewer", username="reviewer-b", first_name="Demo reviewer", last_name="Sam",
        password=PASSWORD,
    )  # fmt: skip
    infusion = make_reviewed_page(
        "Your infusion day", body="<p>Your ketamine infusion takes about 40 minutes.</p>"
    )
    url = live_server.url + infusion.get_absolute_url()

    # A (Rhea) edits the published page.
    rhea = desktop_browser()
    log_in(rhea, live_server.url, "reviewer-a", PASSWORD)
    edit_sentence(rhea, url, "40 minutes", "45 minutes")
    draft = Version.objects.get(state=DRAFT)

    # B (Sam) publishes it at once, recording no review: refused, with a message that stays.
    sam = desktop_browser()
    log_in(sam, live_server.url, "reviewer-b", PASSWORD)
    click_publish(sam, url)
    refusal = sam.locator(".cms-messages")
    expect(refusal).to_contain_text("This draft was changed by Demo reviewer Rhea")
    sam.wait_for_function("document.querySelector('.cms-messages').getBoundingClientRect().top >= 40")
    screenshot(sam, "publish-refused-same-day-1280")
    assert Version.objects.get(pk=draft.pk).state == DRAFT

    # Sam records his own review of the new text; the form starts in his name.
    review = ClinicalReview.objects.get(extended_object_id=draft.object_id)
    sam.goto(live_server.url + reverse("admin:governance_clinicalreview_change", args=[review.pk]))
    expect(sam.locator("#id_reviewer_name")).to_have_value("Demo reviewer Sam")
    screenshot(sam, "record-review-form-1280")
    sam.fill("#id_reviewer_title", "Consultant psychiatrist")
    sam.get_by_role("button", name="Save", exact=True).click()
    click_publish(sam, url)
    expect(sam.locator(".cms-messages")).to_contain_text("Version published")

    # The history names both, each by their own name.
    sam.goto(f"{live_server.url}/staff/reviews/pages/{infusion.pk}/history/")
    latest = sam.get_by_test_id(f"version-{draft.number}")
    expect(latest).to_contain_text("Changed by Demo reviewer Rhea")
    expect(latest).to_contain_text("Published by Demo reviewer Sam")
    expect(latest).to_contain_text("recorded by Demo reviewer Sam")
    screenshot(sam, "page-history-1280")
    patient = desktop_browser()
    patient.goto(url)
    expect(patient.get_by_test_id("review-footer")).to_contain_text("Demo reviewer Sam")
