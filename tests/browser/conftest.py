"""Chromium, driven by Playwright, against pytest-django's live server.

Debian's Chromium is used (`playwright install` cannot download a browser here). Without it the
browser tests skip, naming what is missing; under PORTAL_REQUIRE_ALL=1 they fail instead.
"""

import os
from pathlib import Path

import pytest

from tests.conftest import require_service

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def chromium(django_db_setup):
    require_service(os.path.exists(CHROMIUM), f"Chromium at {CHROMIUM} (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the tests still use the ORM directly.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Inside Playwright's context Django hands out other connection objects, which lack the snapshot
    # that serialized_rollback restores the data migrations' rows from: without this, every browser
    # test after the first one starts with no roles, no call to action and renumbered content types.
    snapshots = {
        alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections
    }
    with sync_playwright() as playwright:
        for alias, snapshot in snapshots.items():
            if snapshot is not None:
                connections[alias]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def browser_context(chromium):
    context = chromium.new_context(viewport=PHONE)
    yield context
    context.close()


@pytest.fixture
def browser_page(browser_context):
    return browser_context.new_page()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def log_in(page, live_server_url: str, username: str, password: str) -> None:
    """Log a member of staff in through the admin login form, as a person would.

    The one place the browser tests log in: when a login step is added (two-factor), only this
    function changes.
    """
    page.goto(f"{live_server_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server_url}/admin/")


@pytest.fixture
def desktop_browser(chromium):
    """A factory of separate desktop browser sessions (the CMS toolbar needs the width)."""
    contexts = []

    def new_session():
        context = chromium.new_context(viewport=DESKTOP)
        contexts.append(context)
        return context.new_page()

    yield new_session
    for context in contexts:
        context.close()
