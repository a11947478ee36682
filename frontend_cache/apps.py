from django.apps import AppConfig


class FrontendCacheConfig(AppConfig):
    """HTTP caches in front of the site (Varnish, a CDN), purged whenever patients would see a change."""

    name = "frontend_cache"
    verbose_name = "Frontend caches"

    def ready(self) -> None:
        from . import handlers

        handlers.connect()
