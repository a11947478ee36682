"""A patient searches from the header on a phone and a desktop, in both languages: axe finds
nothing wrong, crisis help comes first, and the structured data raises no CSP complaint."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, PHONE, screenshot
from .test_guide import AXE_TAGS

pytestmark = pytest.mark.browser

SEARCHES = [
    ("en", "/your-infusion-day/", "Search this guide", "Search", "bladder"),
    ("es", "/es/el-dia-de-su-infusion/", "Buscar en esta guía", "Buscar", "vejiga"),
    ("en", "/your-infusion-day/", "Search this guide", "Search", "suicide risk of ketamine"),
    ("es", "/es/el-dia-de-su-infusion/", "Buscar en esta guía", "Buscar", "quiero morir"),
]


@pytest.mark.parametrize(("language", "start", "label", "button", "query"), SEARCHES)
def test_searching_from_the_header_at_phone_and_desktop_widths(
    seeded_site, chromium, language, start, label, button, query
):
    axe, options = Axe(), {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    failures = []
    for viewport in (PHONE, DESKTOP):
        context = chromium.new_context(viewport=viewport)
        page = context.new_page()
        violations = []
        page.on("console", lambda message, found=violations: found.append(message.text))
        assert page.goto(seeded_site.url + start).status == 200
        page.get_by_label(label).fill(query)
        page.get_by_role("button", name=button, exact=True).click()
        page.wait_for_load_state()
        main = page.locator("main")
        assert page.get_by_label(label).input_value() == query
        crisis = main.get_by_test_id("crisis-signpost")
        if query in ("bladder", "vejiga"):
            assert main.locator(".search-result").count() >= 2
            assert main.locator(".search-result mark").first.is_visible()
            assert crisis.count() == 0
        else:
            assert crisis.is_visible()
            assert crisis.locator('a[href="tel:988"]').is_visible()
            box, first = crisis.bounding_box(), main.locator(".search-result").first
            if first.count():
                assert box["y"] < first.bounding_box()["y"]
        results = axe.run(page, options=options)
        if results.violations_count:
            failures.append(f"{viewport['width']}px {query}:\n{results.generate_report()}")
        assert not [text for text in violations if "Content Security Policy" in text]
        assert context.cookies() == []
        screenshot(page, f"search-{language}-{query.split()[0]}-{viewport['width']}")
        context.close()
    assert not failures, "\n\n".join(failures)


def test_guide_pages_raise_no_content_security_policy_complaint_with_their_structured_data(
    seeded_site, chromium
):
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    complaints = []
    page.on("console", lambda message: complaints.append(message.text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => console.log('CSP violation ' + e.violatedDirective))"
    )
    assert page.goto(seeded_site.url + "/your-infusion-day/").status == 200
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert not [text for text in complaints if "Content Security Policy" in text or "CSP violation" in text]
    context.close()
