"""/healthz: can this instance serve pages? For load balancers and monitoring.

- The database is required: without it most pages are 503, so the answer is 503.
- The static files must be collected (production): without the manifest every page would be a 500,
  so the answer is 503 and says "static": "missing" (portal/wsgi.py also refuses to start).
- The cache is not required: while Redis is unreachable pages render from the database
  (page_cache/resilient_redis.py), so the answer stays 200 and says "cache": "degraded". Taking every
  instance out of rotation for a cache outage would turn a slower site into no site.

- The task queue is reported, not required: "tasks" gives how many tasks are due and the age in
  seconds of the oldest one, so a monitor can tell a dead or stuck worker (`manage.py db_worker`)
  from a busy one. Where tasks run at once (local development) nothing ever waits.

Answered by a middleware at the very top of the stack, before anything else can need the database
(django CMS's toolbar middleware reads the site from it on every response), before host validation
(a load balancer checks an instance by its address) and before the HTTPS redirect.
"""

import secrets

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
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


def _task_queue() -> dict | None:
    """Tasks due now and the age of the oldest, for the database backend; None where tasks run at once."""
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db import DatabaseBackend

    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return None
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    due = DBTaskResult.objects.ready()
    oldest = 0.0
    for enqueued_at, run_after in due.order_by("enqueued_at").values_list("enqueued_at", "run_after")[:50]:
        became_due = enqueued_at if run_after == get_date_max() else max(enqueued_at, run_after)
        oldest = max(oldest, (now - became_due).total_seconds())
    return {"waiting": due.count(), "oldest_waiting_seconds": round(oldest, 1)}


def static_files_missing() -> bool:
    """True when the hashed-name storage has no manifest: collectstatic has not run into STATIC_ROOT."""
    if not isinstance(staticfiles_storage, ManifestFilesMixin):
        return False
    return not (settings.STATIC_ROOT / staticfiles_storage.manifest_name).is_file()


@never_cache
def healthz(request):
    database_ok = _database_ok()
    body = {
        "status": "ok",
        "database": "ok" if database_ok else "unavailable",
        "cache": "ok" if _cache_ok() else "degraded",
    }
    if database_ok:
        tasks = _task_queue()
        if tasks is not None:
            body["tasks"] = tasks
    if static_files_missing():
        body["static"] = "missing"
    if not database_ok or "static" in body:
        body["status"] = "unavailable"
    elif body["cache"] != "ok":
        body["status"] = "degraded"
    return JsonResponse(body, status=503 if body["status"] == "unavailable" else 200)


class HealthCheckMiddleware:
    path = "/healthz"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == self.path and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
