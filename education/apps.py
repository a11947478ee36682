from django.apps import AppConfig


class EducationConfig(AppConfig):
    """The patient guide: its building blocks, its pathway and glossary, and the demo guide."""

    name = "education"
    verbose_name = "Patient guide"

    def ready(self):
        from . import handlers

        handlers.connect()
