from django.apps import AppConfig


class ReadingPacksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reading_packs"
    verbose_name = "Reading packs"
