"""Run purges off the request, after commit, with retries and backoff; record what still fails.

A publish must never wait for, or be undone by, a CDN. Purge requests are coalesced: however many
changes one publish makes, the caches get one purge once the worker thread is free. The thread is
not a daemon, so a management command that publishes (and then exits) still purges first.
"""

import logging
import threading
import time

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
