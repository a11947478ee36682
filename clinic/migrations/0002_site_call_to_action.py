"""Every install needs the call to action row for its site, or pages show only the generic fallback."""

from django.conf import settings
from django.db import migrations

# 555-0100 to 555-0199 are reserved for fiction in North America: it is obviously a placeholder
# that an administrator must replace (README, "What staff do").
PLACEHOLDER_PHONE = "+1 202 555 0100"


def create_call_to_action(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    ProviderCallToAction = apps.get_model("clinic", "ProviderCallToAction")
    site, _ = Site.objects.get_or_create(pk=settings.SITE_ID, defaults={"domain": "example.com", "name": "example.com"})
    ProviderCallToAction.objects.get_or_create(
        site=site,
        defaults={
            "clinic_name": "Your ketamine therapy clinic",
            "phone_number": PLACEHOLDER_PHONE,
            "contact_url": "mailto:care@clinic.example",
            "contact_label": "Email the clinic",
        },
    )


def remove_call_to_action(apps, schema_editor):
    apps.get_model("clinic", "ProviderCallToAction").objects.filter(site_id=settings.SITE_ID).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(create_call_to_action, remove_call_to_action)]
