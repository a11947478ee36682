from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = "Patient education"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the cache-invalidation receivers

        # --- Clinical governance (issue 3) ----------------------------------------------------
        from .edit_tracking import connect as track_draft_edits
        from .publishing import install_publish_rules

        track_draft_edits()
        install_publish_rules()
