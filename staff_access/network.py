"""Who a sign-in attempt comes from, for lockouts and the security log."""

from toolkit.client_address import client_ip  # noqa: F401  (django-axes and the security log name it here)

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
