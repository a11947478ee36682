"""Run purges off the request, after commit, with retries and backoff; record what still fails.

A publish must never wait for, or be undone by, a CDN. Purge requests are coalesced: however many
changes one publish makes, the caches get one purge once the worker thread is free. The thread is
not a daemon, so a management command that publishes (and then exits) still purges first.
"""

import logging
import threading
import time

from django.conf import settings
from django.db import close_old_connections

from .backends import configured_backends
from .models import PurgeFailure

logger = logging.getLogger(__name__)

ATTEMPTS = 3
FIRST_BACKOFF_SECONDS = 0.5
# One publish changes several rows, each announcing a change: wait until no change has come for this
# long (at most MAX_WAIT_SECONDS), so the caches get one purge, well inside the second a publish may
# take to reach patients.
QUIET_SECONDS = 0.1
MAX_WAIT_SECONDS = 0.5
# A purge must not reach a cache before every worker behind it has stopped serving the old page. A
# worker keeps serving its in-process copy until it next re-reads the shared version, which it does
# at most PAGE_CACHE_CHECK_INTERVAL seconds after its previous read. Purged any sooner, the cache
# would fetch the page again from such a worker, get the old text, and keep it for
# PORTAL_SHARED_CACHE_SECONDS (a day), with nothing left to purge it. So no purge leaves until that
# interval, plus this margin for a request already under way in a worker, has passed since the
# latest change it covers was committed; the page caches are refreshed by then, and one purge is
# enough (no second, confirming purge is needed).
SETTLE_MARGIN_SECONDS = 0.05

_lock = threading.Lock()
_pending = threading.Event()
_worker: threading.Thread | None = None
_last_change = 0.0


def purge_soon() -> None:
    global _worker, _last_change
    if not configured_backends():
        return
    with _lock:
        _last_change = time.monotonic()
        _pending.set()
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_run, name="frontend-cache-purge")
            _worker.start()


def wait_until_idle(timeout: float = 10.0) -> bool:
    """For tests and commands: True once no purge is pending or running."""
    worker = _worker
    if worker is not None:
        worker.join(timeout)
        return not worker.is_alive()
    return True


def _run() -> None:
    try:
        while True:
            _wait_for_quiet()
            with _lock:
                if not _pending.is_set():
                    return
                _pending.clear()
                # Every change this purge covers announced itself no later than this (under the lock).
                latest_change = _last_change
            _wait_until_workers_refreshed(latest_change)
            for backend in configured_backends():
                purge_with_retries(backend)
    finally:
        close_old_connections()


def _wait_for_quiet() -> None:
    started = time.monotonic()
    while True:
        time.sleep(QUIET_SECONDS)
        now = time.monotonic()
        if now - _last_change >= QUIET_SECONDS or now - started >= MAX_WAIT_SECONDS:
            return


def _wait_until_workers_refreshed(latest_change: float) -> None:
    """Sleep until every worker must have seen the change announced at latest_change (see above)."""
    # Read at run time: tests, and each deployment, set their own interval.
    settle = float(settings.PAGE_CACHE_CHECK_INTERVAL) + SETTLE_MARGIN_SECONDS
    remaining = latest_change + settle - time.monotonic()
    if remaining > 0:
        time.sleep(remaining)


def purge_with_retries(backend) -> bool:
    delay = FIRST_BACKOFF_SECONDS
    for attempt in range(1, ATTEMPTS + 1):
        try:
            backend.purge_everything()
            return True
        except Exception as error:
            if attempt == ATTEMPTS:
                _record_failure(backend, error, attempt)
                return False
            logger.warning("Purge of %s failed (attempt %s), retrying: %s", backend.name, attempt, error)
            time.sleep(delay)
            delay *= 2
    return False


def _record_failure(backend, error, attempts: int) -> None:
    logger.error("Purge of %s failed after %s attempts: %s", backend.name, attempts, error)
    try:
        PurgeFailure.objects.create(
            cache=backend.name, target=backend.target, error=str(error)[:2000], attempts=attempts
        )
    except Exception:
        logger.exception("Could not record the failed purge of %s", backend.name)
