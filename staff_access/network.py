"""The client's address, for lockouts and the security log."""

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


USERNAME_MAX_LENGTH = 150  # Django's own limit; django-axes stores the name in a 255-character column


def login_username(request, credentials=None) -> str | None:
    """The username a login attempt is counted against, as django-axes stores it.

    Cut to the longest real username and stripped of NUL characters, so a junk login post cannot
    make the database refuse the attempt record (PostgreSQL rejects NUL and over-long values).
    """
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get("username") if source else None
    if username is None:
        return None
    return str(username).replace("\x00", "")[:USERNAME_MAX_LENGTH]
