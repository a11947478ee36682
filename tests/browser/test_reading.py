"""A patient opens a page in a real browser."""

import pytest

from tests.support.factories import make_page

from .conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_patient_sees_the_page_and_the_call_to_action_in_chromium(live_server, browser_page):
    page = make_page("Your infusion day", body="<p>The infusion takes about 40 minutes.</p>")
    response = browser_page.goto(live_server.url + page.get_absolute_url())
    assert response.status == 200
    assert browser_page.get_by_role("heading", level=1).inner_text() == "Your infusion day"
    box = browser_page.get_by_test_id("provider-call-to-action")
    assert box.is_visible()
    assert box.get_by_role("link", name="+1 202 555 0100").get_attribute("href") == "tel:+12025550100"
    assert browser_page.get_by_role("link", name="Get help now").first.is_visible()
    assert browser_page.context.cookies() == []
    screenshot(browser_page, "reading-infusion-phone")
