from django.apps import AppConfig


class StaffAccessConfig(AppConfig):
    """Who the staff are and what they may do: sign-in with two factors, lockout, roles, the security log."""

    name = "staff_access"
    verbose_name = "Staff access"

    def ready(self) -> None:
        from . import checks, handlers  # noqa: F401 - checks registers itself

        handlers.connect()
