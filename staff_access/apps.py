from django.apps import AppConfig


class StaffAccessConfig(AppConfig):
    """How staff sign in: two-factor login, lockout after failed attempts, and the security log."""

    name = "staff_access"
    verbose_name = "Staff access"

    def ready(self) -> None:
        from . import events  # noqa: F401 - connects the security-event receivers
