"""The page cache's store: each process's copies of rendered pages, and the shared version that
says whether they are still current.

Why not Django's or django CMS's page cache: on Redis each of their hits costs several network reads
(measured at 0.17-0.57x the speed of a static file, see docs/architecture.md). Here a hit costs no
database query and, most of the time, no network read at all:

* each process keeps its own copy of rendered pages (bounded, least recently used first out);
* a shared *version* (one Redis key, plus django CMS's own page-cache version) says whether those
  copies are still current; a process re-reads it at most every PAGE_CACHE_CHECK_INTERVAL seconds;
* anything that changes what a patient sees (publish, unpublish, page move, the call to action, the
  site) gives the shared version a new random value, now and again after the transaction commits,
  so no worker can keep, or re-cache, the old text;
* a page missing from the process copy is read from the shared cache, so a fresh worker or a new
  machine does not have to render it again.

The shared cache is the site's default cache: with Redis, page_cache.resilient_redis, which answers
"miss" and drops writes while Redis is unreachable, so nothing here needs to catch an outage.
"""

import secrets
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

from .signals import pages_changed

VERSION_KEY = "portal:page-cache:version"
# The entry's shape: a new one after a deploy must not read entries the previous release wrote.
ENTRY_FORMAT = 2


def _cms_version_key() -> str:
    from cms.cache import CMS_PAGE_CACHE_VERSION_KEY

    return CMS_PAGE_CACHE_VERSION_KEY


class ProcessPageCache:
    """The pages this process has seen, valid for one shared version."""

    def __init__(self):
        self.entries: OrderedDict[str, tuple] = OrderedDict()
        self.version: tuple | None = None
        self.checked_at = float("-inf")
        self.lock = threading.Lock()

    def forget(self) -> None:
        with self.lock:
            self.entries.clear()
            self.version = None
            self.checked_at = float("-inf")

    def get(self, key: str):
        entry = self.entries.get(key)
        if entry is not None:
            try:  # noqa: SIM105 - the hit path; contextlib.suppress costs more
                self.entries.move_to_end(key)
            except KeyError:  # forgotten by another thread meanwhile
                pass
        return entry

    def put(self, key: str, entry: tuple, version: tuple) -> None:
        with self.lock:
            if version != self.version:  # the version moved on while this page was rendered
                return
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > settings.PAGE_CACHE_MAX_ENTRIES:
                self.entries.popitem(last=False)


process_cache = ProcessPageCache()


def shared_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def current_version() -> tuple | None:
    """The shared version, re-read at most every PAGE_CACHE_CHECK_INTERVAL; None if unreadable."""
    now = time.monotonic()
    local = process_cache
    if now - local.checked_at < settings.PAGE_CACHE_CHECK_INTERVAL and local.version is not None:
        return local.version
    cache = shared_cache()
    values = cache.get_many([VERSION_KEY, _cms_version_key()])
    ours = values.get(VERSION_KEY)
    if ours is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
        ours = cache.get(VERSION_KEY)
    if ours is None:
        # The shared cache answers "miss" to everything: it is unreachable (the cache backend has
        # logged it). Serve nothing from this process's copies: a publish elsewhere cannot be seen
        # meanwhile, so render every page, fresh from the database.
        local.forget()
        return None
    version = (ours, values.get(_cms_version_key()))
    with local.lock:
        if version != local.version:
            local.entries.clear()
            local.version = version
        local.checked_at = now
    return version


def read_shared(key: str, version: tuple):
    entry = shared_cache().get(_shared_key(key, version))
    if entry is not None:
        process_cache.put(key, entry, version)
    return entry


def store(key: str, version: tuple, entry) -> None:
    process_cache.put(key, entry, version)
    # Not longer than django CMS keeps its own version key: when that key expires it restarts at 1,
    # and an entry written under an earlier "1" must be gone by then.
    shared_cache().set(_shared_key(key, version), entry, timeout=settings.CMS_CACHE_DURATIONS["content"])


def _shared_key(key: str, version: tuple) -> str:
    return f"portal:page-cache:{ENTRY_FORMAT}:{version[0]}:{version[1]}:{key}"


def invalidate() -> None:
    """Make every worker and machine drop its cached pages: now, and again once the change commits.

    The second time matters: between the first and the commit another worker may render the old
    text and cache it, here or in django CMS's own page cache (which django CMS clears only before
    the commit); the after-commit change makes both copies unreachable.
    """
    _bump()
    transaction.on_commit(_bump, robust=True)
    if not _announcement_pending():
        transaction.on_commit(_announce_change, robust=True)


def _announcement_pending() -> bool:
    """Whether this transaction already announces a change at commit: one publish makes many
    changes, and listeners (the frontend-cache purger) need hear of them once."""
    connection = transaction.get_connection()
    return connection.in_atomic_block and any(
        callback is _announce_change for _savepoints, callback, _robust in connection.run_on_commit
    )


def _announce_change() -> None:
    pages_changed.send(sender=invalidate)


def _bump() -> None:
    from cms.cache import invalidate_cms_page_cache

    process_cache.forget()
    invalidate_cms_page_cache()
    shared_cache().set(VERSION_KEY, secrets.token_hex(8), timeout=None)
