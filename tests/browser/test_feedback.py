"""A patient on a phone, with JavaScript off, tells the clinic a page was not useful, and why."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from feedback.models import PageFeedback

from .conftest import ARTIFACTS, PHONE, screenshot
from .test_guide import AXE_TAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

INFUSION = "/your-infusion-day/"
REASON_HEADING = "Thank you. What was wrong with the page?"


def press_no(page, live_server):
    assert page.goto(live_server.url + INFUSION).status == 200
    question = page.get_by_test_id("page-feedback")
    assert question.get_by_role("heading", name="Was this page useful?").is_visible()
    question.get_by_role("button", name="No").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(REASON_HEADING)


def test_no_then_a_reason_and_a_comment_reach_the_clinic_without_javascript(live_server, chromium):
    call_command("seed_demo_guide", verbosity=0)
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    assert page.goto(live_server.url + INFUSION).status == 200
    page.get_by_test_id("page-feedback").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "feedback-question-phone.png"))  # the question, in view
    page.emulate_media(media="print")
    assert not page.get_by_test_id("page-feedback").is_visible()  # not on the printed handout
    page.emulate_media(media="screen")
    press_no(page, live_server)
    assert page.get_by_text("Do not write your name, phone number, email address").is_visible()
    page.get_by_role("group", name="What was wrong?").get_by_label(
        "Something on the page seems wrong"
    ).check()
    page.get_by_label("Tell us more (optional)").fill("My letter says to arrive 30 minutes early, not 15.")
    screenshot(page, "feedback-reason-form-phone")
    page.get_by_role("button", name="Send").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your feedback")
    back = page.get_by_role("link", name="Go back to “Your infusion day”")
    assert back.get_attribute("href") == INFUSION
    assert context.cookies() == []
    record = PageFeedback.objects.get()
    assert (record.useful, record.reason, record.language) == (False, "seems-wrong", "en")
    assert record.comment == "My letter says to arrive 30 minutes early, not 15."
    context.close()

    # axe runs in the page, so it needs JavaScript: the same form, checked as it is and with an error.
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    axe, options = Axe(), {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    press_no(page, live_server)
    results = axe.run(page, options=options)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("button", name="Send").click()  # no reason chosen
    expect(page.get_by_role("alert").get_by_text("Choose what was wrong with the page.")).to_be_visible()
    results = axe.run(page, options=options)
    assert results.violations_count == 0, results.generate_report()
    screenshot(page, "feedback-reason-form-error-phone")
    context.close()
