"""Forms that patients send without a cookie, and the response rules of every page that has one.

No CSRF token, so the browser's word on where a POST came from is the protection instead.

Django's CSRF check needs a cookie, and patient pages set none. The few patient forms (reading
packs, page feedback) are exempt from it and refuse, with 403, any POST not sent by this site's own
pages. Browsers say where a POST comes from in `Origin`; a page sent with `Referrer-Policy:
no-referrer` makes the browser send `Origin: null`, so then `Sec-Fetch-Site` decides, and for a
browser with neither, `Referer`. A request that says nothing at all is refused.

What a patient sends is never lost to a database that is busy or down: the answer is the form
again, to the same address, with what they typed in it and a plain "this was not saved".
"""

import logging
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.template import loader
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger(__name__)
# Long enough for a lock to clear or a database to restart; the page says "wait a moment".
NOT_SAVED_RETRY_AFTER_SECONDS = 10


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


MAX_BODY_BYTES = 32 * 1024


def _refusal(request):
    if request.method != "POST":
        return None
    if request.content_type.startswith("multipart/"):
        return TemplateResponse(request, "toolkit/form_too_large.html", {"reason": "files"}, status=415)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = MAX_BODY_BYTES + 1
    if length > MAX_BODY_BYTES:
        return TemplateResponse(request, "toolkit/form_too_large.html", {"reason": "size"}, status=413)
    if not is_same_origin(request):
        return TemplateResponse(request, "toolkit/not_from_this_site.html", status=403)
    return None


def _not_saved(request, typed_fields: dict) -> HttpResponse:
    """The patient's own words back in a form that posts to the same address, the rest of what they
    sent carried along unseen. Rendered without request context: its processors may need the very
    database that failed, so the layout is the error pages' one."""
    typed = [(name, label, request.POST.get(name, "")) for name, label in typed_fields.items()]
    carried = [
        (name, value) for name, values in request.POST.lists() if name not in typed_fields for value in values
    ]
    context = {"notice_layout": "error_base.html", "action": request.path, "typed": typed, "carried": carried}
    response = HttpResponse(loader.render_to_string("toolkit/not_saved.html", context), status=503)
    response["Retry-After"] = str(NOT_SAVED_RETRY_AFTER_SECONDS)
    return response


def patient_form(view=None, *, referrer_policy: str = "", typed_fields: dict | None = None):
    """The rules of every view a patient's form is shown by or sent to (reading packs, feedback).

    - No cookie: exempt from the cookie-based CSRF check, so no CSRF cookie is ever needed or set.
    - Same origin: a POST not sent by this site's own pages is refused with 403, saving nothing.
    - Small and plain: patient forms take no files; a multipart body is refused with 415 and one
      over MAX_BODY_BYTES with 413, before anything parses it (a 1,000-character question in any
      script, percent-encoded, is well under).
    - Every answer, refusals included, is `no-store` (never kept by any cache) and `noindex`.
    - `referrer_policy`, when given, replaces the site's Referrer-Policy (a pack's address holds
      its code, which must not leave the site).
    - Nothing typed is lost: a POST the database cannot save (locked past its busy timeout, or
      down) is answered 503 with the form again; `typed_fields` maps the fields a patient writes in
      to their labels, shown in text boxes; every other field is sent back unseen.
    """
    typed_fields = typed_fields or {}

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            refusal = _refusal(request)
            try:
                response = refusal if refusal is not None else view(request, *args, **kwargs)
            except DatabaseError as error:
                if request.method != "POST":
                    raise
                # Neither the address (a pack's holds its code) nor what was typed goes in the log.
                logger.warning(
                    "A patient form could not be saved (%s); sent back to try again", type(error).__name__
                )
                response = _not_saved(request, typed_fields)
            response["Cache-Control"] = "no-store"
            response["X-Robots-Tag"] = "noindex"
            if referrer_policy:
                response["Referrer-Policy"] = referrer_policy
            return response

        return csrf_exempt(wrapped)

    return decorate(view) if view is not None else decorate
