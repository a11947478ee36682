"""The seeded guide in a real browser: accessible, keyboard-operable, private, light and printable.

They read the demo guide (the guide patients would read), seeded once and served by gunicorn in
production mode (`seeded_site`). One browser serves them all.
"""

import itertools
import json
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import ARTIFACTS, DESKTOP, PHONE, screenshot

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WEIGHT_BUDGET = 50 * 1024
NOT_FOUND = "/no-such-page/"
NOT_FOUND_ES = "/es/no-existe/"


@pytest.fixture(scope="module")
def guide_urls(seeded_site):
    """Every seeded page in English and in Spanish, then the 404 page in each language."""
    urls, spanish = seeded_site.english, seeded_site.spanish
    assert {"/glossary/", "/before-your-appointment/"} <= set(urls)
    assert len(set(spanish)) == len(urls) and all(url.startswith("/es/") for url in spanish)
    return [*urls, NOT_FOUND, *spanish, NOT_FOUND_ES]


def open_page(page, site, url):
    response = page.goto(site.url + url)
    assert response.status == (404 if url in (NOT_FOUND, NOT_FOUND_ES) else 200), url
    return response


def test_axe_finds_no_violations_on_any_page_at_phone_and_desktop_widths_and_in_print(
    seeded_site, browser_page, guide_urls
):
    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    summary, failures = {}, []
    # Each page is loaded once and checked in all four ways: no script on these pages depends on
    # the width or the medium, so a resize is what a reload at that size would show.
    for url in guide_urls:
        browser_page.emulate_media(media="screen")
        browser_page.set_viewport_size(PHONE)
        open_page(browser_page, seeded_site, url)
        for media in ("screen", "print"):
            browser_page.emulate_media(media=media)
            for viewport in (PHONE, DESKTOP):
                browser_page.set_viewport_size(viewport)
                results = axe.run(browser_page, options=options)
                summary[f"{media} {viewport['width']}px {url}"] = results.violations_count
                if results.violations_count:
                    failures.append(f"{media} at {viewport['width']}px, {url}:\n{results.generate_report()}")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-summary.json").write_text(json.dumps(summary, indent=1))
    assert len(summary) == 4 * len(guide_urls)
    assert not failures, "\n\n".join(failures)


def test_every_page_reflows_at_320px_with_ordered_headings_and_a_language(
    seeded_site, browser_page, guide_urls
):
    browser_page.set_viewport_size({"width": 320, "height": 640})
    for url in guide_urls:
        open_page(browser_page, seeded_site, url)
        language = "es" if url.startswith("/es/") else "en"
        assert browser_page.evaluate("document.documentElement.lang") == language, url
        overflow = browser_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at 320px"
        levels = browser_page.evaluate(
            "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]"
            ".filter(h => h.offsetParent !== null).map(h => +h.tagName[1])"
        )
        assert levels.count(1) == 1 and levels[0] == 1, f"{url}: headings {levels}"
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not jumps, f"{url} skips heading levels: {levels}"
        body_size = browser_page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert body_size >= 18, f"{url} body text is {body_size}px"


FOCUS_STYLE = """el => { const s = getComputedStyle(el);
  return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
          shadow: s.boxShadow !== 'none',
          tag: el.tagName, text: (el.innerText || '').trim().slice(0, 40),
          width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height}; }"""


def test_keyboard_reaches_and_operates_everything_with_a_visible_focus(seeded_site, browser_page, guide_urls):
    open_page(browser_page, seeded_site, "/your-infusion-day/")
    keyboard = browser_page.keyboard

    keyboard.press("Tab")
    skip = browser_page.evaluate_handle("document.activeElement")
    assert skip.evaluate("el => el.textContent") == "Skip to main content"
    assert browser_page.get_by_role("link", name="Skip to main content").is_visible()
    keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"

    open_page(browser_page, seeded_site, "/your-infusion-day/")  # from the top again, without #main
    expected = browser_page.evaluate(
        "[...document.querySelectorAll('a[href], summary, button, input, select, textarea')]"
        ".filter(el => el.checkVisibility() || el.classList.contains('skip-link')).length"
    )
    reached = 0
    for _ in range(expected + 5):
        keyboard.press("Tab")
        element = browser_page.evaluate_handle("document.activeElement")
        if element.evaluate("el => el === document.body || el.dataset.reached === 'yes'"):
            break
        style = element.evaluate(FOCUS_STYLE)
        assert style["outline"] or style["shadow"], f"no visible focus on {style}"
        assert min(style["width"], style["height"]) >= 24 or style["tag"] == "A", f"small target {style}"
        element.evaluate("el => { el.dataset.reached = 'yes'; }")
        reached += 1
    assert reached == expected, f"reached {reached} of {expected} interactive elements"

    # On a phone the guide's pages are behind "Menu": Enter opens it and its links take the focus next.
    browser_page.locator("header summary").focus()
    keyboard.press("Enter")
    keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.closest('nav.site-nav') !== null")

    summary = browser_page.locator("summary", has_text="Can I listen to music?")
    summary.focus()
    keyboard.press("Enter")
    assert browser_page.get_by_text("Calm music without words can help.").last.is_visible()


def test_pages_load_privately_and_within_the_weight_budget(seeded_site, chromium, guide_urls):
    """Cold loads (a fresh browser profile each), asking for no compression: the worst case."""
    origin = urlsplit(seeded_site.url)
    weights = {}
    for url in guide_urls:
        context = chromium.new_context(viewport=PHONE, extra_http_headers={"Accept-Encoding": "identity"})
        page = context.new_page()
        requested, finished = [], []
        page.on("request", lambda request, seen=requested: seen.append(request))
        page.on("requestfinished", lambda request, done=finished: done.append(request))
        open_page(page, seeded_site, url)
        page.wait_for_load_state("networkidle")
        sizes = [request.sizes() for request in finished]
        weights[url] = sum(size["responseBodySize"] + size["responseHeadersSize"] for size in sizes)
        others = [r.url for r in requested if urlsplit(r.url).netloc != origin.netloc]
        assert len(finished) >= 3 and others == [], f"{url} asked other sites for {others}"
        assert context.cookies() == [], f"{url} set cookies"
        context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "page-weight.json").write_text(json.dumps(weights, indent=1))
    heavy = {url: size for url, size in weights.items() if size > WEIGHT_BUDGET}
    assert not heavy, f"over {WEIGHT_BUDGET} bytes: {heavy}"


def test_printing_keeps_answers_the_address_the_call_to_action_and_crisis_numbers(
    seeded_site, browser_page, guide_urls
):
    open_page(browser_page, seeded_site, "/your-assessment/")
    answer = browser_page.get_by_text("Tell the team even if you think it does not matter.")
    assert not answer.is_visible()  # collapsed on screen
    browser_page.emulate_media(media="print")
    assert answer.is_visible()
    assert browser_page.get_by_text(f"Printed from {seeded_site.url}/your-assessment/").is_visible()
    assert browser_page.get_by_test_id("provider-call-to-action").is_visible()
    crisis = browser_page.get_by_test_id("crisis-signpost-print")
    assert crisis.is_visible() and "116 123" in crisis.inner_text()
    assert not browser_page.locator(".site-nav").is_visible()
    assert not browser_page.locator(".pathway").is_visible()


def test_without_javascript_questions_open_and_the_print_link_gives_the_print_view(
    seeded_site, chromium, guide_urls
):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    open_page(page, seeded_site, "/your-infusion-day/")
    page.get_by_text("Can I listen to music?").click()
    assert page.get_by_text("Calm music without words can help.").last.is_visible()

    page.get_by_role("link", name="Print this page").click()
    # The click returns once the new address is committed; the print view may still be loading.
    page.wait_for_url("**/your-infusion-day/?print=1")
    expect(page.get_by_text("Why can't I drive home?", exact=True)).to_be_visible()
    expect(page.get_by_text("do not drive until the next day.", exact=False).last).to_be_visible()
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.get_by_test_id("crisis-signpost")).to_be_visible()
    context.close()


def test_screenshots_of_the_guide_for_people_to_look_at(seeded_site, browser_page, guide_urls):
    shots = []
    for name, url in [
        ("home", "/"),
        ("infusion", "/your-infusion-day/"),
        ("risks", "/risks-and-side-effects/"),
        ("infusion-es", "/es/el-dia-de-su-infusion/"),
    ]:
        for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            browser_page.set_viewport_size(viewport)
            open_page(browser_page, seeded_site, url)
            shots.append(screenshot(browser_page, f"guide-{name}-{label}"))
    browser_page.set_viewport_size({"width": 800, "height": 1100})
    browser_page.emulate_media(media="print")
    for name, url in [("infusion", "/your-infusion-day/"), ("risks", "/risks-and-side-effects/")]:
        open_page(browser_page, seeded_site, url)
        shots.append(screenshot(browser_page, f"guide-{name}-print"))
    browser_page.pdf(path=str(ARTIFACTS / "guide-risks-print.pdf"), format="A4")
    assert all(path.stat().st_size > 10_000 for path in shots)
