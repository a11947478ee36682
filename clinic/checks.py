"""`manage.py check --deploy` warns while patients would still be offered the fictional phone number."""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import DatabaseError

from .models import ProviderCallToAction


@register(Tags.compatibility, deploy=True)
def placeholder_phone_number(app_configs, **kwargs):
    try:
        row = ProviderCallToAction.objects.filter(site_id=settings.SITE_ID).first()
    except DatabaseError:  # not migrated yet: the migration creates the placeholder row
        return []
    if row is None or not row.has_placeholder_phone:
        return []
    return [
        Warning(
            f"The call to action still has the fictional phone number {row.phone_number}.",
            hint="Set the clinic's real number in the admin (Clinic > Provider call to action). Until "
            "then patients are offered only the contact link.",
            id="clinic.W001",
        )
    ]
