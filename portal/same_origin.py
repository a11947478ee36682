"""Forms that patients send without a cookie: no CSRF token, so the browser's word on where a POST
came from is the protection instead.

Django's CSRF check needs a cookie, and patient pages set none. The few patient forms (reading
packs, page feedback) are exempt from it and refuse, with 403, any POST not sent by this site's own
pages. Browsers say where a POST comes from in `Origin`; a page sent with `Referrer-Policy:
no-referrer` makes the browser send `Origin: null`, so then `Sec-Fetch-Site` decides, and for a
browser with neither, `Referer`. A request that says nothing at all is refused.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def site_origins(request) -> set[str]:
    origins = {f"{request.scheme}://{request.get_host()}".lower(), _origin_of(settings.PORTAL_BASE_URL)}
    origins.update(_origin_of(origin) for origin in settings.CSRF_TRUSTED_ORIGINS)
    origins.discard("")
    return origins


def is_same_origin(request) -> bool:
    origin = request.headers.get("Origin", "").strip().lower()
    if origin and origin != "null":
        return origin in site_origins(request)
    fetch_site = request.headers.get("Sec-Fetch-Site", "").strip().lower()
    if fetch_site:
        return fetch_site == "same-origin"
    if origin == "null":
        return False
    referer = request.headers.get("Referer", "")
    return bool(referer) and _origin_of(referer) in site_origins(request)


def patient_form(view):
    """Exempt a view from the cookie-based CSRF check and refuse POSTs from anywhere but this site."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and not is_same_origin(request):
            return TemplateResponse(request, "portal/not_from_this_site.html", status=403)
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)
