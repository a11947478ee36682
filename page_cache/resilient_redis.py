"""A Redis cache that degrades to "always a miss" while Redis is unreachable, instead of raising.

Redis holds nothing that cannot be rebuilt (rendered pages, the call to action, django CMS's own
caches), so an outage must cost only speed: every caller, django CMS included, goes through this
backend, so none of them needs its own try/except. While Redis is down:

* reads answer "not cached" (the default), writes and deletes do nothing, so pages render from the
  database, always fresh;
* the page cache cannot read the shared version, so it serves nothing from its process copies
  either (page_cache/store.py): a publish made on another instance meanwhile cannot be hidden;
* after a failure the backend does not try Redis again for RETRY_AFTER seconds, so a dead Redis
  costs each request at most one short timeout, not one per cache call;
* /healthz reports the cache as "degraded" and keeps the instance in rotation (portal/health.py).

When Redis answers again everything recovers by itself. The shared page-cache version is replaced
at that moment (a publish made during the outage could not bump it), so no worker serves a page
rendered before the outage.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from . import store

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER = 1.0


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._was_down = False
        self._state_lock = threading.Lock()

    @property
    def available(self) -> bool:
        """False while Redis is known to be unreachable (checked again after RETRY_AFTER seconds)."""
        return time.monotonic() >= self._down_until

    def _failed(self, operation: str, error: Exception) -> None:
        with self._state_lock:
            first = not self._was_down
            self._was_down = True
            self._down_until = time.monotonic() + RETRY_AFTER
        if first:
            logger.error(
                "Cache unreachable (%s: %s): rendering from the database until it is back", operation, error
            )

    def _succeeded(self) -> None:
        if self._was_down:
            with self._state_lock:
                recovered, self._was_down = self._was_down, False
            if recovered:
                logger.warning("Cache reachable again")
                _on_recovery(self)

    def _call(self, operation: str, fallback, *args, **kwargs):
        if not self.available:
            return fallback
        try:
            result = getattr(super(), operation)(*args, **kwargs)
        except UNREACHABLE as error:
            self._failed(operation, error)
            return fallback
        self._succeeded()
        return result

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        if not self.available:
            raise ValueError(f"Key '{key}' not found (cache unreachable)")
        try:
            result = super().incr(key, delta, version)
        except UNREACHABLE as error:
            self._failed("incr", error)
            raise ValueError(f"Key '{key}' not found (cache unreachable)") from error
        self._succeeded()
        return result

    def clear(self):
        return self._call("clear", False)


def _on_recovery(cache) -> None:
    """Writes and deletes made during the outage were dropped: forget everything cached before it."""
    forget_everything(cache)


# Counters that must outlive a forgetting: the limits on wrong reading-pack codes and password
# resets (toolkit/rate_limits.py). Reset with the rest, a Redis restart would hand out fresh tries.
KEPT_KEYS = (b":rate-limit:",)


def forget_everything(cache) -> None:
    """Delete every cached key of this site (under KEY_PREFIX; the whole Redis database without a
    prefix) except the rate-limit counters, and give the page cache a new version so no worker
    keeps a page rendered before."""
    try:
        if isinstance(cache, RedisCache):
            client = cache._cache.get_client(write=True)
            match = f"{cache.key_prefix}:*" if cache.key_prefix else "*"
            for key in client.scan_iter(match=match, count=1000):
                if not any(kept in key for kept in KEPT_KEYS):
                    client.delete(key)
        else:
            cache.clear()
    except UNREACHABLE as error:
        logger.warning("Cache unreachable while forgetting it: %s", error)
    store.invalidate()
