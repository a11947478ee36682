import os

import pytest
from django.core.cache import caches


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


def require_service(available: bool, what: str) -> None:
    """Skip a test whose service a bare laptop may lack; under PORTAL_REQUIRE_ALL=1 (CI) fail instead."""
    if available:
        return
    if os.environ.get("PORTAL_REQUIRE_ALL") == "1":
        pytest.fail(f"{what} is required (PORTAL_REQUIRE_ALL=1) but is not available")
    pytest.skip(f"{what} is not available on this machine")
