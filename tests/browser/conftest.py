"""Chromium, driven by Playwright, against pytest-django's live server, or a seeded gunicorn site.

Debian's Chromium is used (`playwright install` cannot download a browser here). Without it the
browser tests skip, naming what is missing; under PORTAL_REQUIRE_ALL=1 they fail instead.
"""

import json
import os
from contextlib import ExitStack
from dataclasses import dataclass
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
def _serialized_test_database(django_db_setup, django_db_blocker):
    """The test database as Django serialised it at set-up, kept before Playwright starts.

    Django keeps it on the connection object; once Playwright's event loop runs in this thread the
    tests may get another connection object without it, and a serialized_rollback test would then
    start from an empty, flushed database.
    """
    from django.db import connections

    return {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}


@pytest.fixture(autouse=True)
def _restore_serialized_contents(request, _serialized_test_database):
    from django.db import connections

    for alias, contents in _serialized_test_database.items():
        if contents is not None and not hasattr(connections[alias], "_test_serialized_contents"):
            connections[alias]._test_serialized_contents = contents


@pytest.fixture(scope="session")
def chromium(_serialized_test_database):
    require_service(os.path.exists(CHROMIUM), f"Chromium at {CHROMIUM} (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the tests still use the ORM directly.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections
    }
    with sync_playwright() as playwright:
        # Django keeps connections per context, and Playwright's sync API runs the rest of the session
        # in another one: hand the new connection the snapshot that serialized_rollback restores from,
        # or the next flush re-creates content types and loses the migrations' rows (roles, the call
        # to action) for every later transactional test.
        for alias, contents in serialized.items():
            if contents is not None and not hasattr(connections[alias], "_test_serialized_contents"):
                connections[alias]._test_serialized_contents = contents
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


# --- Staff sign-in in the browser ------------------------------------------------------
def log_in(page, live_server_url: str, username: str, password: str) -> None:
    """Sign in through the real admin login form and the two-factor step, as staff do.

    Works for any staff user: one without an authenticator device gets a confirmed TOTP device
    (created here through the ORM), then the code it would show now is typed into the verify step.
    """
    from django.contrib.auth import get_user_model

    from tests.support.factories import confirmed_totp_device, current_totp_code

    device = confirmed_totp_device(get_user_model().objects.get(username=username))
    page.goto(f"{live_server_url}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/two-factor/verify/**")
    page.fill("#id_code", current_totp_code(device))
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


# --- The seeded guide, served once per module ---------------------------------------------------
SEED_GUIDE = """
import json
from cms.models import Page
from django.core.management import call_command
call_command("seed_demo_guide", verbosity=0)
pages = list(Page.objects.order_by("path"))
print(json.dumps({language: [p.get_absolute_url(language) for p in pages] for language in ("en", "es")}))
"""


def _run_on_site(database_url: str, code: str) -> str:
    # Under the servers' key, and with no Redis: each gunicorn worker keeps its own cache, so nothing
    # this site caches reaches another test's pages.
    from tests.support.servers import TEST_SECRET_KEY, run_django

    return run_django(
        code, database_url=database_url, extra_env={"REDIS_URL": "", "SECRET_KEY": TEST_SECRET_KEY}
    )


@dataclass
class SeededSite:
    """The demo guide served by gunicorn in production mode, as a clinic runs it."""

    url: str
    database_url: str
    english: list[str]
    spanish: list[str]

    def run(self, code: str) -> str:
        """Run Django code against the site's database (another process, as an editor's would be)."""
        return _run_on_site(self.database_url, code)


@pytest.fixture(scope="module")
def seeded_site(tmp_path_factory):
    """The demo guide, seeded once for a module of browser tests that only read it.

    Seeding costs seconds, and a transactional test's database is emptied after each test; so these
    modules share a server of their own, on a copy of the run's migrated template database on the
    suite's engine (SQLite, or PostgreSQL under a postgres DATABASE_URL).
    """
    from tests.support.servers import Gunicorn, scratch_database

    directory = tmp_path_factory.mktemp("seeded-site")
    engine = "postgres" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    with scratch_database(engine, directory) as database_url, ExitStack() as stack:
        urls = json.loads(_run_on_site(database_url, SEED_GUIDE).splitlines()[-1])
        server = Gunicorn(database_url=database_url, redis_url=None, key_prefix="", log_dir=directory)
        stack.callback(server.stop)
        server.wait_until_serving()
        yield SeededSite(server.base_url, database_url, urls["en"], urls["es"])
