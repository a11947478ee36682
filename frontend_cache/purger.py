"""Purges as background tasks: after commit, coalesced, never too early, retried, failures recorded.

A publish must never wait for, or be undone by, a CDN, and a purge must outlive the web worker that
asked for it: it is stored as a task (django-tasks' database backend) when the change commits, and
`manage.py db_worker` sends it. A web worker killed a moment after a publish loses nothing.

- Coalesced: one publish changes several rows, each announcing a change. While a purge is waiting
  to start, a new change moves its start later instead of queueing another, so the caches get one
  purge for the whole publish.
- Never too early: a purge must not reach a cache before every worker behind it has stopped
  serving the old page. A worker keeps serving its in-process copy until it next re-reads the
  shared version, which it does at most PAGE_CACHE_CHECK_INTERVAL seconds after its previous read.
  Purged any sooner, the cache would fetch the page again from such a worker, get the old text, and
  keep it for PORTAL_SHARED_CACHE_SECONDS (a day), with nothing left to purge it. So no purge starts
  until that interval, plus SETTLE_MARGIN_SECONDS for a request already under way in a worker, has
  passed since the latest change it covers.
- Retried: a cache that refuses is tried again after FIRST_BACKOFF_SECONDS, then twice as long,
  ATTEMPTS times in all (each a task of its own, so the worker is free meanwhile); then the failure
  is recorded for administrators (Frontend caches → Failed purges).

Where tasks run at once (local development, PORTAL_TASKS_RUN_IMMEDIATELY), the same steps run in
the process that made the change, waiting where a worker would have been told to wait.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from .backends import configured_backends
from .models import PurgeFailure

logger = logging.getLogger(__name__)

ATTEMPTS = 3
FIRST_BACKOFF_SECONDS = 0.5
SETTLE_MARGIN_SECONDS = 0.05


def _settle_seconds() -> float:
    # Read when used: each deployment, and the tests, set their own interval.
    return float(settings.PAGE_CACHE_CHECK_INTERVAL) + SETTLE_MARGIN_SECONDS


def _deferrable() -> bool:
    return purge_frontend_caches.get_backend().supports_defer


def purge_soon() -> None:
    """Called once a change patients would see has committed (handlers.py)."""
    if not configured_backends():
        return
    changed_at = time.time()
    if not _deferrable():
        purge_frontend_caches.enqueue(changed_at)
        return
    start = timezone.now() + timedelta(seconds=_settle_seconds())
    if not _postpone_waiting_purge(start):
        purge_frontend_caches.using(run_after=start).enqueue(changed_at)


def _postpone_waiting_purge(start) -> bool:
    """Move the start of a purge that has not begun yet; False when there is none to move.

    A purge the worker has already claimed is no longer "ready", so it is left alone and the change
    gets a purge of its own (on PostgreSQL the claim's row lock makes this update wait and then
    find nothing; on SQLite writes are serialised).
    """
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=purge_frontend_caches.module_path, status=TaskResultStatus.READY
    )
    return waiting.update(run_after=start) > 0


@task()
def purge_frontend_caches(changed_at: float) -> None:
    remaining = changed_at + _settle_seconds() - time.time()
    if remaining > 0:  # only where tasks run at once: a worker is told to start no sooner
        time.sleep(remaining)
    for backend in configured_backends():
        _attempt(backend, attempt=1)


@task()
def retry_purge(cache_name: str, attempt: int) -> None:
    for backend in configured_backends():
        if backend.name == cache_name:
            _attempt(backend, attempt)


def _attempt(backend, attempt: int) -> bool:
    while True:
        try:
            backend.purge_everything()
            return True
        except Exception as error:  # a CDN's errors, refused connections and timeouts alike
            if attempt >= ATTEMPTS:
                _record_failure(backend, error, attempt)
                return False
            delay = FIRST_BACKOFF_SECONDS * 2 ** (attempt - 1)
            logger.warning("Purge of %s failed (attempt %s), retrying: %s", backend.name, attempt, error)
            attempt += 1
            if _deferrable():
                later = timezone.now() + timedelta(seconds=delay)
                retry_purge.using(run_after=later).enqueue(backend.name, attempt)
                return False
            time.sleep(delay)


def _record_failure(backend, error, attempts: int) -> None:
    logger.error("Purge of %s failed after %s attempts: %s", backend.name, attempts, error)
    PurgeFailure.objects.create(
        cache=backend.name, target=backend.target, error=str(error)[:2000], attempts=attempts
    )
