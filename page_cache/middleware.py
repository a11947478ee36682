"""Serving anonymous patients from the page cache, and keeping everything else out of shared caches.

Only cookie-less anonymous GET/HEAD requests for django CMS pages, and for views marked with
@public_page, are served or stored, and only 200 answers without cookies that the CMS itself
allowed to be cached (a "not found" is rendered every time: stored, each of the endless addresses
that do not exist would take a place in every worker's memory and in Redis). A query string makes
a request uncacheable unless the view is marked as taking those parameters (the search results
page): its entry is then keyed by a hash of the query string.
PageCacheMiddleware must sit below every middleware that adds response headers (SecurityMiddleware,
the CSP middleware): those then run on cached answers exactly as on fresh ones.
"""

import hashlib
from urllib.parse import parse_qsl

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.translation import get_language_from_path, override

from . import store
from .responses import cached_page, respond

CMS_PAGE_URL_NAMES = frozenset({"pages-root", "pages-details-by-slug"})
CACHEABLE_STATUSES = frozenset({200})
# Headers the CMS sets for its own, time-limited cache; see _make_page_headers_final.
TIME_DEPENDENT_HEADERS = ("Expires", "Last-Modified")
MAX_PATH_LENGTH = 512
MAX_QUERY_STRING_LENGTH = 1024
QUERY_PARAMETERS_ATTRIBUTE = "page_cache_query_parameters"


def public_page(query_parameters=()):
    """Mark a view whose answer is the same for every anonymous reader, so the page cache keeps it
    like a CMS page, also when its query string holds only `query_parameters`."""

    def mark(view):
        setattr(view, QUERY_PARAMETERS_ATTRIBUTE, frozenset(query_parameters))
        return view

    return mark


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        query_string = meta.get("QUERY_STRING", "")
        if (
            request.method not in ("GET", "HEAD")
            or "HTTP_AUTHORIZATION" in meta
            or len(request.path_info) > MAX_PATH_LENGTH
            or _has_session_cookie(meta.get("HTTP_COOKIE", ""))
            or (query_string and not _takes_query(request.path_info, query_string))
        ):
            response = self.get_response(request)
            if _is_public_page(request, response):
                _make_page_headers_final(response)
            return response

        version = store.current_version()
        key = f"{'https' if request.is_secure() else 'http'}:{meta.get('HTTP_HOST', '')}:{request.path_info}"
        if query_string:
            # A hash, so that no cache key holds what a reader typed.
            key += "?" + hashlib.sha256(query_string.encode()).hexdigest()
        if version is not None:
            entry = store.process_cache.get(key) or store.read_shared(key, version)
            if entry is not None:
                return respond(entry, request)

        response = self.get_response(request)
        if _is_public_page(request, response):
            _make_page_headers_final(response)
            if _is_storable(response):
                # Compressed and tagged once, here; every hit after this sends the same bytes.
                entry = cached_page(response)
                if version is not None:
                    store.store(key, version, entry)
                return respond(entry, request)
        return response


def _has_session_cookie(cookie_header: str) -> bool:
    if not cookie_header:
        return False
    names = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages")
    return any(f"{name}=" in cookie_header for name in names)


def _takes_query(path: str, query_string: str) -> bool:
    """Whether the view at `path` is a public page taking every parameter of `query_string`."""
    if len(query_string) > MAX_QUERY_STRING_LENGTH:
        return False
    try:
        # This middleware runs before LocaleMiddleware: resolve in the language the path names.
        with override(get_language_from_path(path) or settings.LANGUAGE_CODE):
            match = resolve(path)
    except Resolver404:
        return False
    accepted = getattr(match.func, QUERY_PARAMETERS_ATTRIBUTE, frozenset())
    names = {name for name, _ in parse_qsl(query_string, keep_blank_values=True)}
    return bool(names) and names <= accepted


def _is_public_page(request, response) -> bool:
    """A django CMS page or a view marked @public_page (or its 404) answered to an anonymous reader,
    cacheable as far as the CMS knows."""
    match = getattr(request, "resolver_match", None)
    if match is None or (
        match.url_name not in CMS_PAGE_URL_NAMES and not hasattr(match.func, QUERY_PARAMETERS_ATTRIBUTE)
    ):
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


class PrivateUnlessPublicMiddleware:
    """Everything the portal has not marked public is private: no shared cache may keep it.

    Patient pages from the page cache and static files say "public"; staff pages, reading packs,
    forms, redirects and error pages do not, and a CDN configured to cache more than it should must
    still never hand one person's answer to another.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        cache_control = response.get("Cache-Control", "")
        if "public" not in cache_control and "private" not in cache_control:
            response["Cache-Control"] = f"private, {cache_control}" if cache_control else "private"
        return response
