"""Keep every cached page in step with the site-level details it shows."""

from cms.cache import invalidate_cms_page_cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import ProviderCallToAction
from .site_settings import forget_clinic_details


@receiver([post_save, post_delete], sender=ProviderCallToAction)
def call_to_action_changed(sender, instance, **kwargs):
    # After commit, so another worker cannot re-cache the old row between the clear and the commit.
    def clear():
        forget_clinic_details(instance.site_id)
        invalidate_cms_page_cache()

    transaction.on_commit(clear)
