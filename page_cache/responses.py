"""How a page from the page cache is sent: compressed once, validated by ETag, cacheable by CDNs.

A page is compressed when it enters the page cache, not on every hit: the gzip body is kept next to
the plain one. Its strong ETag is a hash of the plain body, so a browser's revalidation costs one
comparison and a 304 without a body. Browsers must re-check every time (max-age=0), so a patient
never reads an old page after a publish; shared caches (Varnish, a CDN) may keep a page for
PORTAL_SHARED_CACHE_SECONDS, because every change that alters a page purges them
(the frontend_cache app), and may serve it stale while the site behind them is down (stale-if-error).
"""

import gzip
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers

# Smaller bodies gain nothing from compression once the gzip header is counted.
MIN_COMPRESSIBLE_BYTES = 256
GZIP_LEVEL = 6
# Headers a 304 must repeat (RFC 9110, 15.4.5): they would otherwise be lost from the cached copy.
NOT_MODIFIED_HEADERS = ("Cache-Control", "Content-Location", "Date", "ETag", "Expires", "Vary")


@dataclass(frozen=True)
class CachedPage:
    status: int
    headers: dict
    content: bytes
    gzipped: bytes | None
    etag: str


def shared_cache_control(status: int) -> str:
    """Cache-Control of a patient page: browsers revalidate, shared caches keep what is purged."""
    seconds = settings.PORTAL_SHARED_CACHE_SECONDS
    if status != 200:
        return "private, no-cache"  # a "not found" is nobody's to keep
    if seconds <= 0:
        # No frontend cache is purged: any cache may store the page but must re-check it every
        # time (a 304 from the page cache, thanks to the ETag).
        return "public, no-cache"
    return f"public, max-age=0, s-maxage={seconds}, stale-if-error={settings.PORTAL_STALE_IF_ERROR_SECONDS}"


def cached_page(response) -> CachedPage:
    content = response.content
    patch_vary_headers(response, ("Accept-Encoding",))
    response["Cache-Control"] = shared_cache_control(response.status_code)
    etag = f'"{hashlib.sha256(content).hexdigest()[:32]}"'
    if response.status_code == 200:
        response["ETag"] = etag
    gzipped = None
    if len(content) >= MIN_COMPRESSIBLE_BYTES:
        # mtime=0: the same page compresses to the same bytes on every worker and machine.
        gzipped = gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)
        if len(gzipped) >= len(content):
            gzipped = None
    return CachedPage(response.status_code, dict(response.items()), content, gzipped, etag)


def respond(page: CachedPage, request) -> HttpResponse:
    gzipped = page.gzipped is not None and _accepts_gzip(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    # A strong validator names one representation, content coding included (RFC 9110, 8.8.3): the
    # gzip body has a tag of its own, so a cache never answers a gzip request with the plain body's.
    etag = gzip_etag(page.etag) if gzipped else page.etag
    if page.status == 200 and _matches(request.META.get("HTTP_IF_NONE_MATCH", ""), etag):
        response = HttpResponseNotModified()
        for name in NOT_MODIFIED_HEADERS:
            if name in page.headers:
                response[name] = page.headers[name]
        if "ETag" in page.headers:
            response["ETag"] = etag
        return response
    if gzipped:
        response = HttpResponse(page.gzipped, status=page.status, headers=page.headers)
        response["Content-Encoding"] = "gzip"
        if "ETag" in page.headers:
            response["ETag"] = etag
    else:
        response = HttpResponse(page.content, status=page.status, headers=page.headers)
    response["Content-Length"] = str(len(response.content))
    return response


def gzip_etag(etag: str) -> str:
    return etag[:-1] + '-gzip"'


def _matches(if_none_match: str, etag: str) -> bool:
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    # Weak comparison, as RFC 9110 asks for If-None-Match: a CDN may have weakened the tag (W/).
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in candidates


def _accepts_gzip(accept_encoding: str) -> bool:
    for coding in accept_encoding.lower().split(","):
        name, _, params = coding.strip().partition(";")
        if name.strip() in ("gzip", "*"):
            quality = params.strip().removeprefix("q=").strip() if params.strip().startswith("q=") else "1"
            try:
                return float(quality) > 0
            except ValueError:
                return False
    return False
