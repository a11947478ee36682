from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project's cross-cutting infrastructure: page cache, headers, health check, error pages."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self) -> None:
        from . import handlers

        handlers.connect()
