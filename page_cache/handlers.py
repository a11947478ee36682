"""Keep every cached page in step with what patients would see.

django CMS bumps its own page-cache version on most page changes, and the page cache follows it;
these receivers make sure of it, now and after commit, for everything a patient would notice.
"""

from cms.models import Page, PageContent, PageUrl
from cms.signals import post_obj_operation
from dbbackup.signals import post_media_restore, post_restore
from django.contrib.sites.models import Site
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from djangocms_versioning.signals import post_version_operation

from . import store
from .resilient_redis import forget_everything


def version_changed(sender, operation, obj, **kwargs):
    # Publish, unpublish, archive, new draft: only the first two change what patients see, but a
    # spurious refresh costs one render per page, and a missed one shows old clinical text.
    store.invalidate()


def page_operation_done(sender, operation, **kwargs):
    # Admin operations on pages: move, copy, delete, change settings, change the navigation...
    store.invalidate()


def site_content_changed(sender, raw=False, **kwargs):
    if raw:  # loaddata, row by row: a restore refreshes the caches once at the end
        return
    store.invalidate()


def restored(sender=None, **kwargs):
    """After dbrestore or mediarestore: cached pages and fragments may hold the wiped rows' text, or
    share keys with the restored rows. Forget them all, so the restored pages are served."""
    forget_everything(caches["default"])


def connect() -> None:
    post_restore.connect(restored, dispatch_uid="page-cache-forget-caches-after-restore")
    post_media_restore.connect(restored, dispatch_uid="page-cache-forget-caches-after-media-restore")
    post_version_operation.connect(version_changed, dispatch_uid="page-cache-version")
    post_obj_operation.connect(page_operation_done, dispatch_uid="page-cache-page-operation")
    for model in (Site, Page, PageUrl, PageContent):
        for signal in (post_save, post_delete):
            signal.connect(
                site_content_changed,
                sender=model,
                dispatch_uid=f"page-cache-{model._meta.label_lower}-{signal is post_save}",
            )
