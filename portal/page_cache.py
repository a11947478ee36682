"""A full-page cache for anonymous patients, fresh on every worker and machine within a second.

Why not Django's or django CMS's page cache: on Redis each of their hits costs several network reads
(measured at 0.17-0.57x the speed of a static file, see docs/architecture.md). Here a hit costs no
database query and, most of the time, no network read at all:

* each process keeps its own copy of rendered pages (bounded, least recently used first out);
* a shared *version* (one Redis key, plus django CMS's own page-cache version) says whether those
  copies are still current; a process re-reads it at most every PAGE_CACHE_CHECK_INTERVAL seconds;
* anything that changes what a patient sees (publish, unpublish, page move, the call to action, the
  site) gives the shared version a new random value, now and again after the transaction commits,
  so no worker can keep, or re-cache, the old text;
* a page missing from the process copy is read from the shared cache, so a fresh worker or a new
  machine does not have to render it again.

Only cookie-less, query-less anonymous GET/HEAD requests for django CMS pages are served or stored,
and only 200 and 404 answers without cookies that the CMS itself allowed to be cached. The
middleware must sit below every middleware that adds response headers (SecurityMiddleware, the CSP
middleware): those then run on cached answers exactly as on fresh ones.
"""

import logging
import secrets
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.dispatch import Signal

from .http_cache import cached_page, respond

logger = logging.getLogger(__name__)

VERSION_KEY = "portal:page-cache:version"
CMS_PAGE_URL_NAMES = frozenset({"pages-root", "pages-details-by-slug"})
CACHEABLE_STATUSES = frozenset({200, 404})
# Headers the CMS sets for its own, time-limited cache; see _make_page_headers_final.
TIME_DEPENDENT_HEADERS = ("Expires", "Last-Modified")
MAX_PATH_LENGTH = 512
# The entry's shape: a new one after a deploy must not read entries the previous release wrote.
ENTRY_FORMAT = 2

# Sent once a change that alters what patients see has been committed (frontend caches listen).
pages_changed = Signal()


def _cms_version_key() -> str:
    from cms.cache import CMS_PAGE_CACHE_VERSION_KEY

    return CMS_PAGE_CACHE_VERSION_KEY


class ProcessPageCache:
    """The pages this process has seen, valid for one shared version."""

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self.entries: OrderedDict[str, tuple] = OrderedDict()
        self.version: tuple | None = None
        self.checked_at = float("-inf")
        self.lock = threading.Lock()

    def forget(self) -> None:
        with self.lock:
            self.entries.clear()
            self.version = None
            self.checked_at = float("-inf")

    def get(self, key: str):
        entry = self.entries.get(key)
        if entry is not None:
            try:  # noqa: SIM105 - the hit path; contextlib.suppress costs more
                self.entries.move_to_end(key)
            except KeyError:  # forgotten by another thread meanwhile
                pass
        return entry

    def put(self, key: str, entry: tuple, version: tuple) -> None:
        with self.lock:
            if version != self.version:  # the version moved on while this page was rendered
                return
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)


_process_cache = ProcessPageCache(getattr(settings, "PAGE_CACHE_MAX_ENTRIES", 2000))


def shared_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def current_version() -> tuple | None:
    """The shared version, re-read at most every PAGE_CACHE_CHECK_INTERVAL; None if unreadable."""
    now = time.monotonic()
    local = _process_cache
    if now - local.checked_at < settings.PAGE_CACHE_CHECK_INTERVAL and local.version is not None:
        return local.version
    try:
        values = shared_cache().get_many([VERSION_KEY, _cms_version_key()])
        ours = values.get(VERSION_KEY)
        if ours is None:
            shared_cache().add(VERSION_KEY, secrets.token_hex(8), timeout=None)
            ours = shared_cache().get(VERSION_KEY)
        if ours is None:
            # The shared cache answers "miss" to everything: it is unreachable (the cache backend
            # has logged it). Serve nothing from this process's copies: a publish elsewhere
            # cannot be seen meanwhile, so render every page, fresh from the database.
            local.forget()
            return None
    except Exception:
        # Without the shared version nobody can tell whether a page was published since: render.
        logger.warning("Page cache: shared cache unavailable, rendering pages", exc_info=True)
        local.forget()
        return None
    version = (ours, values.get(_cms_version_key()))
    with local.lock:
        if version != local.version:
            local.entries.clear()
            local.version = version
        local.checked_at = now
    return version


def invalidate() -> None:
    """Make every worker and machine drop its cached pages: now, and again once the change commits.

    The second time matters: between the first and the commit another worker may render the old
    text and cache it, here or in django CMS's own page cache (which django CMS clears only before
    the commit); the after-commit change makes both copies unreachable.
    """
    _bump()
    transaction.on_commit(_bump, robust=True)
    transaction.on_commit(_announce_change, robust=True)


def _announce_change() -> None:
    pages_changed.send(sender=invalidate)


def _bump() -> None:
    from cms.cache import invalidate_cms_page_cache

    _process_cache.forget()
    try:
        invalidate_cms_page_cache()
        shared_cache().set(VERSION_KEY, secrets.token_hex(8), timeout=None)
    except Exception:
        logger.exception("Page cache: could not publish a new version; other workers may show old pages")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.session_cookies = tuple(
            f"{name}=" for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages")
        )
        self.shared_timeout = settings.CMS_CACHE_DURATIONS["content"]

    def __call__(self, request):
        meta = request.META
        if (
            request.method not in ("GET", "HEAD")
            or meta.get("QUERY_STRING")
            or "HTTP_AUTHORIZATION" in meta
            or len(request.path_info) > MAX_PATH_LENGTH
            or any(name in meta.get("HTTP_COOKIE", "") for name in self.session_cookies)
        ):
            response = self.get_response(request)
            if _is_public_page(request, response):
                _make_page_headers_final(response)
            return response

        version = current_version()
        key = f"{'https' if request.is_secure() else 'http'}:{meta.get('HTTP_HOST', '')}:{request.path_info}"
        if version is not None:
            entry = _process_cache.get(key) or self._read_shared(key, version)
            if entry is not None:
                return respond(entry, request)

        response = self.get_response(request)
        if _is_public_page(request, response):
            _make_page_headers_final(response)
            if _is_storable(response):
                # Compressed and tagged once, here; every hit after this sends the same bytes.
                entry = cached_page(response)
                if version is not None:
                    _process_cache.put(key, entry, version)
                    self._write_shared(key, version, entry)
                return respond(entry, request)
        return response

    def _read_shared(self, key, version):
        try:
            entry = shared_cache().get(_shared_key(key, version))
        except Exception:
            logger.warning("Page cache: shared cache unavailable", exc_info=True)
            return None
        if entry is not None:
            _process_cache.put(key, entry, version)
        return entry

    def _write_shared(self, key, version, entry) -> None:
        try:
            # Not longer than django CMS keeps its own version key: when that key expires it restarts
            # at 1, and an entry written under an earlier "1" must be gone by then.
            shared_cache().set(_shared_key(key, version), entry, timeout=self.shared_timeout)
        except Exception:
            logger.warning("Page cache: shared cache unavailable", exc_info=True)


def _is_public_page(request, response) -> bool:
    """A django CMS page (or its 404) answered to an anonymous reader, cacheable as far as the CMS knows."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name not in CMS_PAGE_URL_NAMES:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    # The CMS (a plugin, the toolbar) says "private" or "no-store" when this answer must not be kept.
    return "private" not in cache_control and "no-store" not in cache_control


def _is_storable(response) -> bool:
    if response.status_code not in CACHEABLE_STATUSES or response.streaming or response.cookies:
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= {"cookie"}  # requests served from here carry no session or CSRF cookie


def _shared_key(key: str, version: tuple) -> str:
    return f"portal:page-cache:{ENTRY_FORMAT}:{version[0]}:{version[1]}:{key}"


def _make_page_headers_final(response) -> None:
    """Tell browsers and CDNs to re-check every time, so a published change reaches patients at once.

    The CMS would send max-age=300 with an Expires date: a browser or CDN could then show the old
    clinical text for five minutes after a publish. Re-checking is cheap because the page is cached
    here; and the answer no longer depends on when it was rendered, so a cached copy carries exactly
    the headers of a fresh one.
    """
    for header in TIME_DEPENDENT_HEADERS:
        if header in response:
            del response[header]
    response["Cache-Control"] = "no-cache"
