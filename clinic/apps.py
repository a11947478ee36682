from django.apps import AppConfig


class ClinicConfig(AppConfig):
    """The clinic's own details: the provider call to action on every page and the way to crisis help."""

    name = "clinic"
    verbose_name = "Clinic"

    def ready(self) -> None:
        from . import checks, handlers  # noqa: F401 - checks registers itself

        handlers.connect()
