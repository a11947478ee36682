from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    """Site search for patients: the published guide in each language, with crisis help first."""

    name = "site_search"
    verbose_name = "Site search"

    def ready(self) -> None:
        from . import handlers

        handlers.connect()
