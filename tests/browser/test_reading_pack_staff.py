"""The staff's day with reading packs, in Chromium with axe: the worklist with cancel and extend,
the slip reloaded, and a reading record with a skipped safety check, printed on one page."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from reading_packs.models import IssuedPack
from tests.support.packs import PRINTED_CODE

from .conftest import DESKTOP, PHONE, log_in, screenshot
from .test_reading_pack import STAFF_AXE_OPTIONS, no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "a-long-test-password-1"


@pytest.fixture
def seeded(live_server, settings):
    from tests.support.factories import make_user

    settings.PORTAL_BASE_URL = live_server.url
    call_command("seed_demo_guide", verbosity=0)
    call_command("seed_demo_packs", verbosity=0)
    make_user("Care coordinator", username="front-desk", first_name="Rosa", last_name="Front")
    return live_server.url


def staff_session(chromium, url, viewport=DESKTOP):
    context = chromium.new_context(viewport=viewport)
    page = context.new_page()
    log_in(page, url, "front-desk", PASSWORD)
    return context, page


def issue_code(staff, url, pack_name) -> str:
    staff.goto(f"{url}/staff/packs/")
    staff.get_by_role("row", name=re.compile(pack_name)).get_by_role("button", name="Issue a code").click()
    staff.wait_for_url(re.compile(r"/staff/packs/slip/\d+/$"))
    return PRINTED_CODE.search(staff.locator("[data-testid=reading-pack-slip]").inner_text()).group(1)


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_the_worklist_with_cancel_and_extend(chromium, seeded):
    url, failures = seeded, []
    context, staff = staff_session(chromium, url)
    first = issue_code(staff, url, "Before your first infusion")
    assessment = issue_code(staff, url, "Before your assessment")

    staff.goto(f"{url}/staff/packs/")
    staff.get_by_role("link", name="Packs issued").click()
    table = staff.get_by_test_id("packs-issued")
    expect(table.get_by_role("row")).to_have_count(3)  # the header and two codes
    text = table.inner_text()
    assert f"…-{first[-4:]}" in text and f"…-{assessment[-4:]}" in text
    assert first not in staff.content() and assessment not in staff.content()
    assert "by Rosa Front" in text and text.count("Issued") == 2
    assert overflow(staff) <= 0, "the list is wider than 1280 px"
    screenshot(staff, "packs-issued-1280")
    no_axe_violations(staff, "packs issued", failures, STAFF_AXE_OPTIONS)

    # Extend the first code to 10 days from today.
    row = table.get_by_role("row", name=re.compile(re.escape(first[-4:])))
    row.get_by_label("Extend to").fill("10")
    row.get_by_role("button", name=f"Extend …-{first[-4:]}").click()
    expect(staff.locator(".messagelist")).to_contain_text(f"The code …-{first[-4:]} now works until")
    issued = IssuedPack.objects.get(code_tail=first[-4:])
    assert 9 <= (issued.expires_at - issued.issued_at).days <= 10

    # Cancel the assessment code, after the confirmation page.
    staff.get_by_role("link", name=f"Cancel the code …-{assessment[-4:]}").click()
    expect(staff.locator("#content-main")).to_contain_text("This cannot be undone")
    screenshot(staff, "packs-cancel-confirm-1280")
    no_axe_violations(staff, "the cancel confirmation", failures, STAFF_AXE_OPTIONS)
    staff.get_by_role("button", name=f"Yes, cancel the code …-{assessment[-4:]}").click()
    expect(staff.locator(".messagelist")).to_contain_text(f"Cancelled the code …-{assessment[-4:]}")
    cancelled_row = staff.get_by_test_id("packs-issued").get_by_role("row", name=re.compile(assessment[-4:]))
    assert "Cancelled" in cancelled_row.inner_text()
    assert cancelled_row.get_by_role("button").count() == 0
    staff.get_by_label("Status").select_option("cancelled")
    staff.get_by_role("button", name="Show").click()
    expect(staff.get_by_test_id("issued-row")).to_have_count(1)

    # The patient's link now answers "expired", and asks them to contact the clinic.
    patient_context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    patient = patient_context.new_page()
    assert patient.goto(f"{url}/p/{assessment}/").status == 410
    assert "Ask your clinic for a new link" in patient.inner_text("main")
    screenshot(patient, "pack-cancelled-patient-375")
    no_axe_violations(patient, "a cancelled code", failures)
    patient.set_viewport_size(DESKTOP)
    screenshot(patient, "pack-cancelled-patient-1280")
    assert patient.goto(f"{url}/p/{first}/").status == 200
    patient_context.close()
    context.close()
    assert not failures, "\n\n".join(failures)


def test_reloading_the_slip_never_issues_a_second_code(chromium, seeded):
    url, failures = seeded, []
    context, staff = staff_session(chromium, url)
    code = issue_code(staff, url, "Before your first infusion")
    screenshot(staff, "pack-slip-1280")
    slip_address = staff.url
    assert code not in slip_address and code.replace("-", "") not in slip_address
    staff.reload()
    assert staff.url == slip_address
    shown = staff.inner_text("#content-main")
    assert "The slip for this code was already shown" in shown and f"…-{code[-4:]}" in shown
    assert not PRINTED_CODE.search(shown)
    assert IssuedPack.objects.count() == 1
    screenshot(staff, "pack-slip-reloaded-1280")
    no_axe_violations(staff, "the reloaded slip", failures, STAFF_AXE_OPTIONS)

    # Opening the issue address by hand explains itself rather than answering a blank 405.
    response = staff.goto(f"{url}/staff/packs/first-infusion/issue/")
    assert response.status == 405 and "Issue a code" in staff.inner_text("#content-main")
    assert IssuedPack.objects.count() == 1
    context.close()
    assert not failures, "\n\n".join(failures)


def test_the_record_with_a_skipped_safety_check(chromium, seeded):
    url, failures = seeded, []
    context, staff = staff_session(chromium, url)
    code = issue_code(staff, url, "Before your assessment")

    # The patient, on a phone with JavaScript off, answers what is on the first two pages, then
    # marks "Risks and side effects" read without answering its two safety checks.
    patient_context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    patient = patient_context.new_page()
    patient.goto(f"{url}/p/{code}/")
    patient.get_by_role("link", name="Start reading").click()
    for number in (1, 2):
        patient.wait_for_url(f"**/p/{code}/{number}/*")  # after the post, not only the click
        forms = patient.locator(".check__form")
        for index in range(forms.count()):
            form = patient.locator(".check__form").nth(index)
            form.locator("input[value='1']").check()  # right or wrong: answered
            form.get_by_role("button").click()
            expect(patient.locator(".check").nth(index).locator(".check__result")).to_be_visible()
        patient.get_by_role("button", name="I have read this page").click()
    patient.wait_for_url(f"**/p/{code}/3/")
    patient.get_by_role("button", name="I have read this page").click()
    expect(patient.locator("main")).to_contain_text("Answer the checks first?")
    assert "You have not answered 2 questions on “Risks and side effects”" in patient.inner_text("main")
    screenshot(patient, "pack-unanswered-checks-375")
    no_axe_violations(patient, "the unanswered-checks question", failures)
    patient.set_viewport_size(DESKTOP)
    screenshot(patient, "pack-unanswered-checks-1280")
    patient.set_viewport_size(PHONE)
    patient.get_by_role("button", name="Mark the page as read without answering").click()
    patient.wait_for_url(f"**/p/{code}/finish/")
    patient.get_by_label("Questions for my appointment (optional)").fill("Will the dose change next time?")
    patient.get_by_role("button", name="I have finished").click()
    expect(patient.locator("main")).to_contain_text("Thank you: you have finished")
    patient_context.close()

    staff.goto(f"{url}/staff/packs/record/")
    staff.get_by_label("Code from the patient's record").fill(code)
    staff.get_by_role("button", name="Show the reading record").click()
    record = staff.get_by_test_id("reading-record")
    expect(record).to_be_visible()
    questions = record.get_by_test_id("record-questions")
    assert "Will the dose change next time?" in questions.inner_text()
    assert float(questions.locator("p").evaluate("p => parseFloat(getComputedStyle(p).fontSize)")) >= 16
    skipped = record.locator(".record-check--attention", has_text="pass urine")
    assert "Not answered" in skipped.inner_text() and "Safety check" in skipped.inner_text()
    assert record.locator(".record-check--attention", has_text="feel worse or unsafe").count() == 1
    assert (
        record.get_by_role("button", name=re.compile("Print")).count()
        + record.get_by_role("link", name=re.compile("Print")).count()
        == 1
    )
    assert overflow(staff) <= 0
    screenshot(staff, "reading-record-skipped-check-1280")
    no_axe_violations(staff, "the reading record", failures, STAFF_AXE_OPTIONS)

    # Printed, the record of a three-page pack fits one sheet of A4 and of Letter.
    staff.emulate_media(media="print")
    screenshot(staff, "reading-record-skipped-check-print")
    for paper in ("A4", "Letter"):
        pdf = staff.pdf(format=paper, print_background=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"{paper}: {pages} pages"

    # The worklist flags the same code: a question asked, a safety check skipped.
    staff.emulate_media(media="screen")
    staff.goto(f"{url}/staff/packs/issued/")
    row = staff.get_by_test_id("issued-row").first
    assert "Finished" in row.inner_text() and "3 of 3" in row.inner_text()
    assert "Question asked" in row.inner_text() and "A safety check skipped" in row.inner_text()
    assert overflow(staff) <= 0
    screenshot(staff, "packs-issued-flags-1280")
    context.close()
    assert not failures, "\n\n".join(failures)
