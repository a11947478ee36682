"""Reading the site-level clinic details cheaply and safely.

Every page (404, 500 and 503 included) shows the provider call to action, so reading it must cost
nothing on a warm cache and must still produce a box when the database is unavailable.
"""

import logging

from cms.models import Page
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils.translation import get_language

from page_cache.store import current_version

from .constants import (
    CRISIS_PAGE_FALLBACK_URL,
    CRISIS_PAGE_FALLBACK_URLS,
    CRISIS_PAGE_REVERSE_ID,
    FALLBACK_CALL_TO_ACTION,
)
from .models import ProviderCallToAction

logger = logging.getLogger(__name__)


def _cache_key(site_id: int, language: str) -> str:
    return f"clinic:call-to-action:{site_id}:{language}"


def clinic_details(site_id: int | None = None, language: str | None = None) -> dict[str, str]:
    """The call to action's values, cached until it changes (clinic/handlers.py forgets them).

    A cache outage needs no handling here: the cache backend answers "miss" and the row is read
    (page_cache/resilient_redis.py). A database outage gives the generic fallback, which is never
    cached, so the clinic's own details come back with the database.
    """
    site_id = site_id or settings.SITE_ID
    language = language or get_language() or settings.LANGUAGE_CODE
    try:
        return cache.get_or_set(
            _cache_key(site_id, language), lambda: _details_from_database(site_id, language), timeout=None
        )
    except DatabaseError:
        logger.warning("Database unavailable; showing the fallback call to action")
        return FALLBACK_CALL_TO_ACTION


def _details_from_database(site_id: int, language: str) -> dict[str, str]:
    row = ProviderCallToAction.objects.filter(site_id=site_id).first()
    return row.as_context(language) if row else FALLBACK_CALL_TO_ACTION


def forget_clinic_details(site_id: int) -> None:
    cache.delete_many([_cache_key(site_id, code) for code, _name in settings.LANGUAGES])


def published_page_url(reverse_id: str) -> str | None:
    """The URL of the page with this reverse id, so links survive staff renaming a page's slug.

    Remembered per page-cache version: every change to pages gives a new version, so a page
    rendered cold makes no query for it.
    """
    version = current_version()
    key = (version, reverse_id, get_language())
    if version is not None and key in _page_url_memo:
        return _page_url_memo[key]
    try:
        page = Page.objects.filter(reverse_id=reverse_id, site_id=settings.SITE_ID).first()
        url = page.get_absolute_url() if page else None
    except DatabaseError:
        return None
    if version is not None:
        if any(memo_version != version for memo_version, *_ in _page_url_memo):
            _page_url_memo.clear()
        _page_url_memo[key] = url
    return url


_page_url_memo: dict[tuple, str | None] = {}


def crisis_page_fallback_url() -> str:
    """The seeded crisis page's address in the current language, for when it cannot be looked up."""
    return CRISIS_PAGE_FALLBACK_URLS.get(get_language(), CRISIS_PAGE_FALLBACK_URL)


def crisis_page_url(database_available: bool = True) -> str:
    found = published_page_url(CRISIS_PAGE_REVERSE_ID) if database_available else None
    return found or crisis_page_fallback_url()
