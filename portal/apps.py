from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project shell: settings, root URLs, the server entry points, error pages and health."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self) -> None:
        from . import handlers

        handlers.connect()
