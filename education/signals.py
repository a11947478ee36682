"""Keep every cached page in step with the site-level details it shows."""

from cms.models import Page, PageContent, PageUrl
from cms.signals import post_obj_operation
from django.contrib.sites.models import Site
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from djangocms_versioning.signals import post_version_operation

from portal import page_cache

from .models import ProviderCallToAction
from .site_settings import forget_clinic_details


@receiver([post_save, post_delete], sender=ProviderCallToAction)
def call_to_action_changed(sender, instance, **kwargs):
    # After commit, so another worker cannot re-cache the old row between the clear and the commit.
    # Connected before site_content_changed below, so the details are forgotten before the pages.
    transaction.on_commit(lambda: forget_clinic_details(instance.site_id))


# --- The portal's page cache (portal/page_cache.py) -----------------------------------------------
# django CMS bumps its own page-cache version on most page changes, and the page cache follows it;
# these receivers make sure of it, after commit too, for everything a patient would notice.
@receiver(post_version_operation)
def version_changed(sender, operation, obj, **kwargs):
    # Publish, unpublish, archive, new draft: only the first two change what patients see, but a
    # spurious refresh costs one render per page, and a missed one shows old clinical text.
    page_cache.invalidate()


@receiver(post_obj_operation)
def page_operation_done(sender, operation, **kwargs):
    # Admin operations on pages: move, copy, delete, change settings, change the navigation...
    page_cache.invalidate()


@receiver([post_save, post_delete], sender=Site)
@receiver([post_save, post_delete], sender=Page)
@receiver([post_save, post_delete], sender=PageUrl)
@receiver([post_save, post_delete], sender=PageContent)
@receiver([post_save, post_delete], sender=ProviderCallToAction)
def site_content_changed(sender, raw=False, **kwargs):
    if raw:  # loaddata, row by row: restore_site refreshes the caches once at the end
        return
    page_cache.invalidate()
