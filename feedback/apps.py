from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """ "Was this page useful?": patients' answers under every guide page, read by staff."""

    name = "feedback"
    verbose_name = "Page feedback"
