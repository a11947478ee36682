from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Patient pages served as fast as a static file: the page cache, its HTTP headers (compression,
    ETag, 304) and the Redis backend that turns an outage into a miss."""

    name = "page_cache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from . import handlers

        handlers.connect()
