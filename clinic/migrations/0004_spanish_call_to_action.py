"""The call to action's words in Spanish, so a fresh install's Spanish pages are Spanish throughout."""

from django.conf import settings
from django.db import migrations

SPANISH = {
    "heading": "Hable con un profesional de la salud con licencia",
    "message": (
        "Esta guía es información general. No es un consejo médico. Hable siempre con un profesional de "
        "la salud con licencia antes de empezar, cambiar o dejar un tratamiento."
    ),
    "contact_label": "Escriba a la clínica",
}


def add_spanish(apps, schema_editor):
    ProviderCallToAction = apps.get_model("clinic", "ProviderCallToAction")
    CallToActionWording = apps.get_model("clinic", "CallToActionWording")
    for row in ProviderCallToAction.objects.filter(site_id=settings.SITE_ID):
        CallToActionWording.objects.get_or_create(call_to_action=row, language="es", defaults=SPANISH)


def remove_spanish(apps, schema_editor):
    apps.get_model("clinic", "CallToActionWording").objects.filter(language="es").delete()


class Migration(migrations.Migration):
    dependencies = [("clinic", "0003_call_to_action_wording")]

    operations = [migrations.RunPython(add_spanish, remove_spanish)]
