"""The client's address, for lockouts, rate limits and the security log."""

from django.conf import settings


def client_ip(request) -> str:
    """The connection's address, or with TRUSTED_PROXY_COUNT proxies in front, the address the
    outermost trusted proxy saw. Addresses further left in X-Forwarded-For are ignored: a client
    can write anything there, and a forged address would let it dodge its lockout."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
