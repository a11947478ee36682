"""Care cards show the clinic's number and its country's crisis numbers, from the call to action.

django CMS caches each placeholder's rendered plugins under a version of its own, which the page
cache's refresh does not touch; so when the call to action changes, the placeholders holding a care
card get a new version too, now and again after the change commits (clinic/handlers.py sends the
signal before it refreshes the page cache).
"""

from cms.cache.placeholder import clear_placeholder_cache
from cms.models import CMSPlugin, Placeholder
from django.db import transaction

from clinic.signals import call_to_action_changed


def forget_care_cards(site_id: int) -> None:
    held = CMSPlugin.objects.filter(plugin_type="CareCardPlugin").values_list("placeholder_id", "language")
    for placeholder_id, language in set(held):
        clear_placeholder_cache(Placeholder(pk=placeholder_id), language, site_id)


def call_to_action_saved(sender, site_id, **kwargs):
    forget_care_cards(site_id)
    transaction.on_commit(lambda: forget_care_cards(site_id))


def connect() -> None:
    call_to_action_changed.connect(call_to_action_saved, dispatch_uid="education-care-cards-clinic-changed")
