from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = "Patient education"

    def ready(self) -> None:
        from . import (  # noqa: F401 - connect the cache-invalidation receivers
            review_footer,
            signals,
        )

        # --- Clinical governance (issue 3) ----------------------------------------------------
        from .edit_tracking import connect as track_draft_edits
        from .publishing import install_publish_rules

        track_draft_edits()
        install_publish_rules()
