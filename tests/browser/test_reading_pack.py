"""A reading pack end to end in Chromium on a 375 px phone with JavaScript off: a care coordinator
issues it, the patient reads every page, answers the checks (one wrong first), asks a question and
finishes, and the coordinator's reading record shows it all, with version numbers."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from education.models import CheckQuestion
from tests.support.factories import make_user
from tests.support.packs import PRINTED_CODE

from .conftest import ARTIFACTS, PHONE, log_in, screenshot
from .test_guide import AXE_TAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": AXE_TAGS},
    "resultTypes": ["violations"],
}
# Staff screens (the admin's own layout) are held to WCAG; axe's best practices are for patients' pages.
STAFF_AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": [tag for tag in AXE_TAGS if tag != "best-practice"]},
    "resultTypes": ["violations"],
}


def no_axe_violations(page, what: str, failures: list, options: dict = AXE_OPTIONS) -> None:
    """Run axe on what `page` shows. axe is a script, and the page under test has JavaScript off,
    so the same document is checked in a second tab with JavaScript on (a GET records nothing)."""
    context = page.context.browser.new_context(viewport=PHONE, bypass_csp=True)
    checker = context.new_page()
    origin = re.match(r"https?://[^/]+", page.url).group(0)
    checker.goto(f"{origin}/healthz")  # same origin, so the page's /static/ links load
    checker.set_content(page.content(), wait_until="load")
    for media in ("screen", "print"):
        checker.emulate_media(media=media)
        results = Axe().run(checker, options=options)
        if results.violations_count:
            failures.append(f"{what} ({media}):\n{results.generate_report()}")
    context.close()


def fits_320px(page) -> int:
    page.set_viewport_size({"width": 320, "height": 640})
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.set_viewport_size(PHONE)
    return overflow


def test_a_patient_reads_a_pack_on_a_phone_without_javascript(chromium, live_server, settings):
    settings.PORTAL_BASE_URL = live_server.url
    call_command("seed_demo_guide", verbosity=0)
    call_command("seed_demo_packs", verbosity=0)
    make_user("Care coordinator", username="front-desk")
    failures: list[str] = []

    # The care coordinator issues "Before your first infusion" and gets the slip.
    staff_context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    staff = staff_context.new_page()
    log_in(staff, live_server.url, "front-desk", "a-long-test-password-1")
    staff.goto(f"{live_server.url}/staff/packs/")
    staff.get_by_role("row", name=re.compile("Before your first infusion")).get_by_role(
        "button", name="Issue a code"
    ).click()
    staff.wait_for_url(re.compile(r"/staff/packs/slip/\d+/$"))
    slip_text = staff.locator("[data-testid=reading-pack-slip]").inner_text()
    code = PRINTED_CODE.search(slip_text).group(1)
    link = f"{live_server.url}/p/{code}/"
    assert link in slip_text
    assert staff.locator(".slip__qr svg").count() == 1
    screenshot(staff, "reading-pack-slip")
    no_axe_violations(staff, "the slip", failures, STAFF_AXE_OPTIONS)

    # The patient, on their own phone with JavaScript off.
    patient_context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    patient = patient_context.new_page()
    requests = []
    patient.on("request", lambda request: requests.append(request.url))
    response = patient.goto(link)
    assert response.status == 200
    assert "0 of 3 read" in patient.inner_text("main")
    no_axe_violations(patient, "the pack's start", failures)
    assert fits_320px(patient) <= 0
    patient.get_by_role("link", name="Start reading").click()

    wrong_given = False
    for number in (1, 2, 3):
        # Each answer is a form post: wait for its page, not only for the click (a loaded machine is slow).
        patient.wait_for_url(f"**/p/{code}/{number}/*")
        for index in range(patient.locator(".check__form").count()):
            form = patient.locator(".check__form").nth(index)
            check = CheckQuestion.objects.get(pk=form.locator("input[name=check]").get_attribute("value"))
            if not wrong_given:
                wrong = 1 if check.correct_answer != 1 else 2
                form.locator(f"input[value='{wrong}']").check()
                form.get_by_role("button").click()
                expect(patient.locator("main")).to_contain_text("Not quite.")
                wrong_given = True
                form = patient.locator(".check__form").nth(index)
            form.locator(f"input[value='{check.correct_answer}']").check()
            form.get_by_role("button").click()
            expect(patient.locator(".check").nth(index)).to_contain_text("That's right.")
        if number == 1:
            screenshot(patient, "reading-pack-page-phone")
            no_axe_violations(patient, "a pack page with answered checks", failures)
            assert fits_320px(patient) <= 0
        patient.get_by_role("button", name="I have read this page").click()

    patient.wait_for_url(f"**/p/{code}/finish/")
    assert "3 of 3 read" in patient.inner_text("main")
    no_axe_violations(patient, "the finish page", failures)
    patient.get_by_label("Questions for my appointment (optional)").fill(
        "Can my partner stay with me? My number is 0207 946 0123."
    )
    patient.get_by_role("button", name="I have finished").click()
    expect(patient.locator("main")).to_contain_text("Thank you: you have finished")
    screenshot(patient, "reading-pack-finished-phone")
    assert patient_context.cookies() == []
    assert all(url.startswith(live_server.url) for url in requests), requests

    # A wrong code, typed again.
    assert patient.goto(f"{live_server.url}/p/KX7P-2M9Q/").status == 404
    no_axe_violations(patient, "the wrong-code page", failures)

    # The coordinator's reading record shows all of it.
    staff.goto(f"{live_server.url}/staff/packs/record/")
    staff.get_by_label("Code from the patient's record").fill(code.lower())
    staff.get_by_role("button", name="Show the reading record").click()
    expect(staff.get_by_test_id("reading-record")).to_contain_text("Finished")
    record = staff.get_by_test_id("reading-record").inner_text()
    assert "Finished" in record
    assert record.count("Version 1") == 3
    assert "Right after a wrong answer" in record and "Right first time" in record
    assert "Not answered" not in record and "Still wrong" not in record
    assert "Can my partner stay with me? My number is [removed]." in record
    staff.set_viewport_size({"width": 1280, "height": 900})
    screenshot(staff, "reading-record")
    staff.emulate_media(media="print")
    screenshot(staff, "reading-record-print")

    ARTIFACTS.mkdir(exist_ok=True)
    staff_context.close()
    patient_context.close()
    assert not failures, "\n\n".join(failures)
