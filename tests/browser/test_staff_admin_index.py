"""Each role signs in and finds its own work at the top of the admin index, under the portal's name."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.support.factories import make_draft_edit, make_reviewed_page, make_user

from .conftest import log_in, screenshot
from .test_guide import AXE_TAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "a-long-test-password-1"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


ROLES = {
    "Clinical reviewer": ("tasks-review", ["Review dashboard", "Your infusion day"]),
    "Care coordinator": ("tasks-packs", ["Issue a pack", "Look up a record"]),
    "Administrator": ("tasks-administration", ["Invite a colleague", "Access review", "Failed purges"]),
}


def test_each_role_starts_from_its_own_tasks(live_server, desktop_browser):
    from governance.review_requests import ask_for_review

    editor = make_user("Editor", first_name="Eli", last_name="Editor")
    draft = make_draft_edit(make_reviewed_page("Your infusion day"), "<p>New.</p>", editor)
    ask_for_review(draft.content, editor)
    axe, pages = Axe(), {}
    for role, (testid, link_texts) in ROLES.items():
        username = role.lower().replace(" ", "-")
        make_user(role, username=username, password=PASSWORD)
        page = pages[role] = desktop_browser()
        log_in(page, live_server.url, username, PASSWORD)
        expect(page).to_have_title("Your work today | Ketamine therapy patient guide (staff)")
        expect(page.locator("#site-name")).to_have_text("Ketamine therapy patient guide: staff")
        tasks = page.get_by_test_id(testid)
        for text in link_texts:
            expect(tasks.get_by_role("link", name=text)).to_be_visible()
        if role == "Care coordinator":
            expect(tasks.get_by_role("link", name="Packs issued")).to_be_visible()
        # The tasks come before the list of models.
        tasks_top = tasks.bounding_box()["y"]
        assert tasks_top < page.locator("#content-main .module").first.bounding_box()["y"]
        assert not any(name in page.content() for name in ("Django administration", "Django site admin"))
        results = axe.run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()
        screenshot(page, f"admin-index-{username}-1280")
    reviewer_page = pages["Clinical reviewer"]
    reviewer_page.get_by_test_id("tasks-review").get_by_role("link", name="Review dashboard").click()
    expect(reviewer_page.get_by_test_id("drafts-waiting")).to_contain_text("Your infusion day")
    screenshot(reviewer_page, "review-dashboard-waiting-1280")


def test_the_users_list_fits_at_1280_px_and_deactivate_asks_first(live_server, desktop_browser):
    make_user("Administrator", username="ada", first_name="Ada", last_name="Admin", password=PASSWORD)
    leaver = make_user(
        "Clinical reviewer", username="lee", first_name="Lee", last_name="Leaver",
        email="lee.leaver@riverside-ketamine.example",
    )  # fmt: skip
    page = desktop_browser()
    log_in(page, live_server.url, "ada", PASSWORD)
    page.goto(f"{live_server.url}/admin/auth/user/")
    # Every column inside the list's own box, none cut off under the filters beside it.
    visible = page.locator("#changelist .results").bounding_box()
    filters = page.locator("#changelist-filter").bounding_box()
    for column in ("column-is_active", "column-roles", "column-two_step"):
        box = page.locator(f"th.{column}").bounding_box()
        right = box["x"] + box["width"]
        assert right <= visible["x"] + visible["width"] and right <= filters["x"], column
    screenshot(page, "users-list-1280")

    page.locator(f'input[name="_selected_action"][value="{leaver.pk}"]').check()
    page.select_option("select[name=action]", "deactivate")
    page.locator("button[name=index]").click()  # the admin's "Go"
    confirm = page.get_by_test_id("deactivate-confirm")
    expect(confirm).to_contain_text("Lee Leaver")
    expect(confirm).to_contain_text("signed out on every device")
    # Our page, not Django's breadcrumbs (their links are told apart by colour only).
    results = Axe().run(page, context="#content", options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    screenshot(page, "deactivate-confirm-1280")
    leaver.refresh_from_db()
    assert leaver.is_active  # nothing happened yet
    page.get_by_role("button", name="Yes, deactivate 1 account").click()
    expect(page.locator(".messagelist")).to_contain_text("Deactivated 1 account")
    leaver.refresh_from_db()
    assert not leaver.is_active
