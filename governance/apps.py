from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    """Clinical governance: review records, publish rules, edit tracking, reading grade, reminders."""

    name = "governance"
    verbose_name = "Clinical review"

    def ready(self) -> None:
        from . import handlers
        from .publishing import install_publish_rules

        handlers.connect()
        install_publish_rules()
