"""Keep every cached page in step with what patients would see.

django CMS bumps its own page-cache version on most page changes, and the page cache follows it;
these receivers make sure of it, now and after commit, for everything a patient would notice.
"""

from urllib.parse import urlsplit

from cms.models import Page, PageContent, PageUrl
from cms.signals import post_obj_operation
from dbbackup.signals import post_media_restore, post_restore
from django.conf import settings
from django.contrib.sites.models import Site
from django.core.cache import caches
from django.db.models.signals import post_delete, post_migrate, post_save
from djangocms_versioning.signals import post_version_operation

from . import page_cache
from .resilient_cache import forget_everything


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


def site_follows_base_url(sender, using="default", **kwargs):
    """After every migrate, the Sites framework's site says PORTAL_BASE_URL's host, not example.com.

    The CMS toolbar and absolute links read the site; a fresh database gets it right at once, and a
    changed PORTAL_BASE_URL takes effect at the next release's migrate. Runs for the sites app
    (created by it if Django's own default-site receiver has not run yet).
    """
    if sender.name != "django.contrib.sites":
        return
    domain = urlsplit(settings.PORTAL_BASE_URL).netloc
    site = Site.objects.using(using).filter(pk=settings.SITE_ID).first()
    if site is None:
        Site.objects.using(using).create(pk=settings.SITE_ID, domain=domain, name=domain)
    elif (site.domain, site.name) != (domain, domain):
        site.domain = site.name = domain
        site.save(using=using)
    Site.objects.clear_cache()


def restored(sender=None, **kwargs):
    """After dbrestore or mediarestore: cached pages and fragments may hold the wiped rows' text, or
    share keys with the restored rows. Forget them all, so the restored pages are served."""
    forget_everything(caches["default"])


def connect() -> None:
    post_restore.connect(restored, dispatch_uid="portal-forget-caches-after-restore")
    post_media_restore.connect(restored, dispatch_uid="portal-forget-caches-after-media-restore")
    post_migrate.connect(site_follows_base_url, dispatch_uid="portal-site-follows-base-url")
    post_version_operation.connect(version_changed, dispatch_uid="portal-page-cache-version")
    post_obj_operation.connect(page_operation_done, dispatch_uid="portal-page-cache-page-operation")
    for model in (Site, Page, PageUrl, PageContent):
        for signal in (post_save, post_delete):
            signal.connect(
                site_content_changed,
                sender=model,
                dispatch_uid=f"portal-page-cache-{model._meta.label_lower}-{signal is post_save}",
            )
