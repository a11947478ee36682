"""Counting requests per client in the shared cache, so a limit holds across workers and machines.

Keys are keyed hashes of what is counted (an address, an email): the cache never holds the value
itself, and nothing here is written to the database. A counter lives `window` seconds from its
first hit; once over the limit, the client waits for it to run out. When the shared cache is
unreachable the limiter lets requests through: pages must keep working without Redis, and the
database has no record to protect from guessing in that time that it does not have otherwise.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

from .client_address import client_ip


class RateLimit:
    def __init__(self, name: str, limit: int, window_seconds: int):
        self.name, self.limit, self.window = name, limit, window_seconds

    def _key(self, value: str) -> str:
        digest = hmac.new(
            settings.SECRET_KEY.encode(), f"{self.name}:{value.lower()}".encode(), hashlib.sha256
        )
        return f"rate-limit:{self.name}:{digest.hexdigest()[:32]}"

    def hit(self, value: str) -> bool:
        """Count one request for `value`; True when it takes the count over the limit."""
        key = self._key(value)
        cache.add(key, 0, self.window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr, or the cache is unreachable
            count = 1
        return count > self.limit

    def exceeded(self, value: str) -> bool:
        """Whether `value` is over the limit now, without counting a request."""
        return (cache.get(self._key(value)) or 0) > self.limit

    def hit_client(self, request) -> bool:
        return self.hit(client_ip(request) or "unknown")

    def client_exceeded(self, request) -> bool:
        return self.exceeded(client_ip(request) or "unknown")
