"""Security headers on every response: the Content-Security-Policy and the cross-origin policies.

It sits near the top of MIDDLEWARE and works on the way out, so a response produced anywhere below
it (a page cache, a lockout page, a redirect to the two-factor step, an error page) gets the same
headers as a freshly rendered page.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def is_staff_request(request) -> bool:
    """Staff paths, and any page viewed by a signed-in staff member (the CMS draws its toolbar there).

    request.user exists only once AuthenticationMiddleware has run; a response short-circuited above
    it (for example a page cache serving an anonymous reader) is a patient response.
    """
    if request.path_info.startswith(tuple(settings.STAFF_PATH_PREFIXES)):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_staff)


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware with one policy for patients and a documented one for staff."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_staff_request(request):
            parts.config = default_config(settings.STAFF_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        return response


class BadRequestGuardMiddleware:
    """Refuse, with a clear 4xx, requests no page of the portal can answer.

    - A NUL character in the path or query string gets 400: no URL contains one, and PostgreSQL
      refuses NUL in a query, which would otherwise surface as a server error.
    - A number out of the database's range anywhere in a request gets 400 (process_exception).
    - On patient pages, PUT, PATCH, DELETE, TRACE and unknown methods get 405: django CMS renders a
      page for any method, so a DELETE would otherwise be answered with the page itself. Staff paths
      keep every method, for the admin's and the CMS's own views to judge.
    """

    PATIENT_METHODS = ("GET", "HEAD", "OPTIONS", "POST")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.http import HttpResponseBadRequest, HttpResponseNotAllowed

        if "\x00" in request.path_info or "%00" in request.META.get("QUERY_STRING", ""):
            return HttpResponseBadRequest("Bad request: the address contains a NUL character.")
        if request.method not in self.PATIENT_METHODS and not request.path_info.startswith(
            tuple(settings.STAFF_PATH_PREFIXES)
        ):
            return HttpResponseNotAllowed(self.PATIENT_METHODS)
        return self.get_response(request)

    def process_exception(self, request, exception):
        """A number too large for the database, typed into any address or form field (an id in
        the admin, a choice in a multiple-select), is the sender's mistake: 400, not a 500."""
        from django.db import DataError
        from django.http import HttpResponseBadRequest

        out_of_range = isinstance(exception, OverflowError) or (
            isinstance(exception, DataError) and "out of range" in str(exception)
        )
        if out_of_range:
            return HttpResponseBadRequest("Bad request: a number in the address or the form is out of range.")
        return None


class WellFormedVaryMiddleware:
    """Drop an empty or padded Vary from the view, so the session middleware's "Cookie" stands alone.

    django CMS patches Vary with the headers its plugins vary on; with none it leaves `Vary: ` (an
    empty value), and Django's patch_vary_headers then turns "Cookie" into `Vary: , Cookie`.

    It also drops "Accept-Language", which Django's LocaleMiddleware adds to every unprefixed
    (English) answer although, with prefix_default_language=False, an unprefixed path is always
    English: the page cache would refuse to keep English pages, and a CDN would split its cache by
    every browser's language list. Place it above LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Vary" in response:
            names = [
                name.strip()
                for name in response["Vary"].split(",")
                if name.strip() and name.strip().lower() != "accept-language"
            ]
            if names:
                response["Vary"] = ", ".join(names)
            else:
                del response["Vary"]
        return response
