from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = "Patient education"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the cache-invalidation receivers
