import os
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.cache import caches
from django.utils import translation

pytest_plugins = ["tests.support.fixtures", "tests.support.tasks"]


def pytest_configure(config):
    """One directory for what the whole run shares (tests/support/run_scope.py), made by the process
    that starts the run; and under pytest-xdist, each test process gets a Redis database of its own.

    The suite clears the cache around every test, and clearing a Redis cache empties its whole
    database: two processes sharing one would wipe each other's rate-limit counters and page-cache
    versions mid-test, and the keys of the real servers that tests start on REDIS_URL's database.
    """
    from django.conf import settings

    from tests.support import run_scope

    config._portal_owns_run_dir = run_scope.start_run()
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    location = settings.CACHES["default"].get("LOCATION", "")
    if not worker.startswith("gw") or not str(location).startswith("redis"):
        return
    parts = urlsplit(location)
    base = int(parts.path.strip("/") or 0)
    database = (base + 1 + int(worker[2:])) % 16
    settings.CACHES["default"]["LOCATION"] = urlunsplit(parts._replace(path=f"/{database}"))


def pytest_unconfigure(config):
    if getattr(config, "_portal_owns_run_dir", False):
        from tests.support import run_scope
        from tests.support.servers import drop_postgres_database

        run_scope.end_run(drop_postgres_database)


def _clear_cms_caches(uses_database: bool) -> None:
    for cache in caches.all():
        cache.clear()
    if uses_database:  # the menu pool reads the sites table while clearing
        from menus.menu_pool import menu_pool

        menu_pool.clear(all=True)


@pytest.fixture(autouse=True)
def _fresh_cms_caches(request):
    """django CMS keeps placeholder, page and menu caches that outlive a test's transaction."""
    uses_database = request.node.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    )
    _clear_cms_caches(uses_database)
    yield
    _clear_cms_caches(uses_database)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language.

    LocaleMiddleware activates the language of the address (Spanish under /es/) and nothing
    deactivates it, so after a request for a Spanish page the test's thread went on in Spanish:
    a later test's page.get_absolute_url() gave the Spanish address, or None for a page with no
    Spanish version, depending on which tests a process had run before.
    """
    translation.deactivate()
    yield
    translation.deactivate()


def require_service(available: bool, what: str) -> None:
    """Skip a test whose service a bare laptop may lack; under PORTAL_REQUIRE_ALL=1 (CI) fail instead."""
    if available:
        return
    if os.environ.get("PORTAL_REQUIRE_ALL") == "1":
        pytest.fail(f"{what} is required (PORTAL_REQUIRE_ALL=1) but is not available")
    pytest.skip(f"{what} is not available on this machine")


# --- Production security settings ------------------------------------------------------
# The test run loads settings in local mode; these are the security values portal/settings.py gives
# a real server (DEBUG=0), read by running the module again with production environment variables.
PRODUCTION_SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_AGE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "CONTENT_SECURITY_POLICY",
    "STAFF_CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
    "CROSS_ORIGIN_RESOURCE_POLICY",
    "X_FRAME_OPTIONS",
    "TWO_FACTOR_EXEMPT_DEMO_ACCOUNTS",
]


@pytest.fixture
def production_security(monkeypatch, settings):
    """Switch the running test to the security settings of a production server."""
    from tests.support.settings_module import load_settings

    values = load_settings(
        monkeypatch,
        DEBUG="0",
        SECRET_KEY="test-only-" + "k" * 50,
        ALLOWED_HOSTS="testserver",
        EMAIL_URL="smtp+tls://portal:secret@smtp.clinic.example:587",
    )
    for name in PRODUCTION_SECURITY_SETTINGS:
        setattr(settings, name, values[name])
    return values


@pytest.fixture(autouse=True)
def _fast_and_quiet_test_settings(settings):
    """tests.support.fixtures.FAST_AND_QUIET_SETTINGS, for every test."""
    from tests.support.fixtures import FAST_AND_QUIET_SETTINGS

    for name, value in FAST_AND_QUIET_SETTINGS.items():
        setattr(settings, name, value)
