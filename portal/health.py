"""/healthz: can this instance reach its database and its cache? For load balancers and monitoring.

Answered by a middleware at the very top of the stack, before anything else can need the database
(django CMS's toolbar middleware reads the site from it on every response), before host validation
(a load balancer checks an instance by its address) and before the HTTPS redirect.
"""

import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:  # connect_timeout (settings) bounds a dead server
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def _cache_ok() -> bool:
    token = secrets.token_hex(8)
    key = f"portal:healthz:{token}"
    try:
        cache.set(key, token, timeout=10)
        ok = cache.get(key) == token
        cache.delete(key)
        return ok
    except Exception:
        return False


@never_cache
def healthz(request):
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "unavailable"}
    body.update({name: "ok" if ok else "unavailable" for name, ok in checks.items()})
    return JsonResponse(body, status=200 if healthy else 503)


class HealthCheckMiddleware:
    path = "/healthz"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == self.path and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
