"""In Chromium: stored XSS never runs for a patient, the seeded guide sets no cookie and contacts no
other site, and staff can still use the toolbar and the text editor under their policy."""

from urllib.parse import urlsplit

import pytest
from cms.api import add_plugin, create_page
from cms.toolbar.utils import get_object_edit_url
from django.core.management import call_command

from tests.support.factories import make_page, make_superuser, page_content
from tests.support.xss_corpus import XSS_PAYLOADS

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def watch(page, live_server_url):
    """Record dialogs, requests that reach the network for another origin, and CSP refusals.

    Foreign requests are caught by routing (which sees only requests the browser really sends, not
    those the CSP refused first) and aborted, so nothing leaves the machine during the test.
    """
    seen = {"dialogs": [], "foreign": [], "csp": []}
    own = urlsplit(live_server_url).netloc

    def on_dialog(dialog):
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    def on_foreign(route):
        seen["foreign"].append(route.request.url)
        route.abort()

    def on_console(message):
        if "Content Security Policy" in message.text:
            seen["csp"].append((message.location.get("url", ""), message.text))

    page.on("dialog", on_dialog)
    page.route(lambda url: urlsplit(url).netloc not in ("", own), on_foreign)
    page.on("console", on_console)
    return seen


def test_stored_xss_never_runs_and_nothing_leaves_for_another_site(live_server, browser_page):
    page = make_page("Stored payloads", [payload for _, payload in XSS_PAYLOADS])

    seen = watch(browser_page, live_server.url)
    browser_page.goto(live_server.url + page.get_absolute_url())
    browser_page.wait_for_load_state("networkidle")
    for link in browser_page.locator("article a").all():
        link.click(no_wait_after=True)  # any javascript: link left would fire now
    assert seen["dialogs"] == []
    assert seen["foreign"] == [], seen
    # What nh3 kept (an inline style with a url() beacon, an external image) the CSP refused.
    assert any("img-src 'self'" in text for _, text in seen["csp"])
    assert any("inline style" in text for _, text in seen["csp"])
    assert browser_page.evaluate("document.querySelectorAll('article script, article iframe').length") == 0
    screenshot(browser_page, "security-xss-corpus-phone")


def test_the_seeded_guide_sets_no_cookie_and_contacts_no_other_site(live_server, browser_page):
    call_command("seed_demo_guide", verbosity=0)
    seen = watch(browser_page, live_server.url)
    paths = ["/", "/about-ketamine-therapy/", "/your-assessment/", "/your-infusion-day/"]
    paths += ["/after-your-first-course/", "/risks-and-side-effects/", "/get-help-now/", "/privacy/"]
    paths += ["/no-such-page/"]
    for path in paths:
        response = browser_page.goto(live_server.url + path)
        assert response.status == (404 if path == "/no-such-page/" else 200), path
        browser_page.wait_for_load_state("networkidle")
    assert browser_page.context.cookies() == []
    assert seen["foreign"] == []
    assert seen["csp"] == []  # the patient policy refuses nothing the guide itself needs
    browser_page.goto(live_server.url + "/privacy/")
    screenshot(browser_page, "security-privacy-page-phone")


def test_staff_use_the_toolbar_and_text_editor_under_their_policy(live_server, chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    editor = make_superuser("browser-editor")
    author = make_superuser("page-author")
    cms_page = create_page(
        "Infusion day", "education/pages/guide.html", "en", created_by=author, in_navigation=True
    )
    content = page_content(cms_page)
    placeholder = content.get_placeholders().get(slot="content")
    plugin = add_plugin(placeholder, "TextPlugin", "en", body="<p>The infusion takes about 40 minutes.</p>")
    seen = watch(page, live_server.url)
    try:
        log_in(page, live_server.url, editor.username, "a-long-test-password-1")
        page.goto(live_server.url + get_object_edit_url(content))
        page.wait_for_load_state("networkidle")
        page.locator("#cms-top .cms-toolbar").wait_for(state="visible")
        assert page.get_by_text("The infusion takes about 40 minutes.").is_visible()
        # In edit mode djangocms-text draws its inline editor's menu bar over the text.
        page.locator("[role=menubar].cms-toolbar").first.wait_for(state="attached")
        screenshot(page, "security-staff-toolbar-desktop")

        page.goto(f"{live_server.url}/admin/cms/placeholder/edit-plugin/{plugin.pk}/")
        editable = page.locator("[contenteditable=true]").first
        editable.wait_for(state="visible")
        editable.click()
        page.keyboard.press("End")
        page.keyboard.type(" Bring a book.")
        screenshot(page, "security-staff-text-editor-desktop")
        page.locator("input[type=submit][name=_save], input[type=submit]").first.click()
        page.wait_for_load_state("networkidle")
        plugin.refresh_from_db()
        assert "Bring a book." in plugin.get_bound_plugin().body
        # The only refusals are jQuery 1.11 (bundled by django CMS) probing for event support by
        # setting an on* attribute on a detached element: a feature test, not a feature. Staff
        # script-src therefore stays without 'unsafe-inline'.
        unexpected = [
            (source, text)
            for source, text in seen["csp"]
            if not (text.startswith("Executing inline event handler") and "/static/cms/js/dist/" in source)
        ]
        assert unexpected == []
        assert seen["foreign"] == []
    finally:
        context.close()
