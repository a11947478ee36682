"""Purge the frontend caches once a change that patients would see has been committed."""

from page_cache.signals import pages_changed

from . import purger


def _pages_changed(sender, **kwargs):
    purger.purge_soon()


def connect() -> None:
    pages_changed.connect(_pages_changed, dispatch_uid="frontend-cache-purge")
