"""Every page shows the call to action: when it changes, forget the cached copy and every cached page."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from page_cache.store import invalidate as invalidate_page_cache

from .details import forget_clinic_details
from .models import CallToActionWording, ProviderCallToAction
from .signals import call_to_action_changed as details_changed


def call_to_action_changed(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata, row by row: a restore refreshes the caches once at the end
        return
    if isinstance(instance, CallToActionWording):
        instance = ProviderCallToAction.objects.filter(pk=instance.call_to_action_id).first()
        if instance is None:  # deleted along with its call to action, whose own signal handles it
            return
    site_id = instance.site_id
    forget_clinic_details(site_id)
    # Again after commit, so another worker cannot re-cache the old row between the clear and the
    # commit. Registered before the page cache's own after-commit refresh, so pages rendered after
    # it read the new details.
    transaction.on_commit(lambda: forget_clinic_details(site_id))
    # Before the page cache's refresh, for the same reason: no page may be re-cached from stale parts.
    details_changed.send(sender=ProviderCallToAction, site_id=site_id)
    invalidate_page_cache()


def connect() -> None:
    for model in (ProviderCallToAction, CallToActionWording):
        for signal, uid in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                call_to_action_changed, sender=model, dispatch_uid=f"clinic-{model.__name__}-{uid}"
            )
