"""On a phone's first screen (375 x 667): the page, not the header; on "Get help now", the first number."""

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 375, "height": 667}
GUIDE_PAGES = ["/your-infusion-day/", "/es/el-dia-de-su-infusion/"]
CRISIS_PAGES = [("/get-help-now/", "tel:988"), ("/es/pida-ayuda-ahora/", "tel:988")]
ADD_AN_UNTRANSLATED_PAGE = """
from tests.support.factories import make_page, make_superuser
make_page("Only in English", body="<p>Not translated yet.</p>", author=make_superuser("author"))
"""


@pytest.mark.parametrize(("path", "first_number"), CRISIS_PAGES)
def test_the_first_crisis_number_is_on_the_first_screen_under_the_heading(
    seeded_site, chromium, path, first_number
):
    context = chromium.new_context(viewport=SMALL_PHONE)
    page = context.new_page()
    assert page.goto(seeded_site.url + path).status == 200
    main = page.locator("main")
    first_tel = main.locator('a[href^="tel:"]').first
    assert first_tel.get_attribute("href") == first_number
    box = first_tel.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= SMALL_PHONE["height"]
    # Nothing of the page's own text comes between the heading and the numbers.
    after_heading = page.evaluate("document.querySelector('main h1').nextElementSibling.dataset.testid")
    assert after_heading == "crisis-page-numbers"
    screenshot(page, f"crisis-first-screen-{path.strip('/').replace('/', '-')}")
    context.close()


@pytest.mark.parametrize("java_script", [True, False])
@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_the_header_takes_at_most_a_quarter_of_the_first_screen_and_every_page_is_one_tap_away(
    seeded_site, chromium, path, java_script
):
    context = chromium.new_context(viewport=SMALL_PHONE, java_script_enabled=java_script)
    page = context.new_page()
    assert page.goto(seeded_site.url + path).status == 200
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= SMALL_PHONE["height"] / 4
    for control in ("a.get-help-now", "input[name=q]", ".language-link a"):
        assert page.locator(f"header {control}").is_visible(), control
    links = page.locator("nav.site-nav a")
    assert links.count() >= 7 and not links.first.is_visible()
    page.locator("header summary").click()
    assert all(links.nth(n).is_visible() for n in range(links.count()))
    context.close()


def test_on_a_desktop_the_guide_pages_show_without_a_tap(seeded_site, chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(seeded_site.url + GUIDE_PAGES[0])
    assert not page.locator("header summary").is_visible()
    links = page.locator("nav.site-nav a")
    assert all(links.nth(n).is_visible() for n in range(links.count()))
    context.close()


def test_a_page_without_a_translation_keeps_the_header_of_a_guide_page(seeded_site, chromium):
    """Its language link leads to the Spanish start of the guide, and still shows one word."""
    seeded_site.run(ADD_AN_UNTRANSLATED_PAGE)  # the module's other tests do not look for it
    context = chromium.new_context(viewport=SMALL_PHONE)
    page = context.new_page()
    page.goto(seeded_site.url + GUIDE_PAGES[0])
    guide_header = page.locator("header.site-header").bounding_box()["height"]
    assert page.goto(seeded_site.url + "/only-in-english/").status == 200
    link = page.locator("header .language-link a")
    shown = link.evaluate(
        "a => { const c = a.cloneNode(true); c.querySelectorAll('.visually-hidden').forEach(e => e.remove());"
        " return c.textContent.trim(); }"
    )
    assert shown == "Español"
    assert "esta página aún no está traducida" in link.text_content()  # said to assistive technology
    assert link.get_attribute("href") == "/es/"
    assert page.locator("header.site-header").bounding_box()["height"] <= guide_header
    context.close()


def test_previous_and_next_line_up_on_a_phone(seeded_site, chromium):
    context = chromium.new_context(viewport=SMALL_PHONE)
    page = context.new_page()
    page.goto(seeded_site.url + GUIDE_PAGES[0])
    previous = page.locator(".pathway__previous a").bounding_box()
    following = page.locator(".pathway__next a").bounding_box()
    label = page.locator(".pathway__next .pathway__label").bounding_box()
    assert previous["x"] == following["x"] == label["x"]
    context.close()
