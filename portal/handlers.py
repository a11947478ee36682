"""Keep every cached page in step with what patients would see.

django CMS bumps its own page-cache version on most page changes, and the page cache follows it;
these receivers make sure of it, now and after commit, for everything a patient would notice.
"""

from cms.models import Page, PageContent, PageUrl
from cms.signals import post_obj_operation
from django.contrib.sites.models import Site
from django.db.models.signals import post_delete, post_save
from djangocms_versioning.signals import post_version_operation

from . import page_cache


def version_changed(sender, operation, obj, **kwargs):
    # Publish, unpublish, archive, new draft: only the first two change what patients see, but a
    # spurious refresh costs one render per page, and a missed one shows old clinical text.
    page_cache.invalidate()


def page_operation_done(sender, operation, **kwargs):
    # Admin operations on pages: move, copy, delete, change settings, change the navigation...
    page_cache.invalidate()


def site_content_changed(sender, raw=False, **kwargs):
    if raw:  # loaddata, row by row: a restore refreshes the caches once at the end
        return
    page_cache.invalidate()


def connect() -> None:
    post_version_operation.connect(version_changed, dispatch_uid="portal-page-cache-version")
    post_obj_operation.connect(page_operation_done, dispatch_uid="portal-page-cache-page-operation")
    for model in (Site, Page, PageUrl, PageContent):
        for signal in (post_save, post_delete):
            signal.connect(
                site_content_changed,
                sender=model,
                dispatch_uid=f"portal-page-cache-{model._meta.label_lower}-{signal is post_save}",
            )
