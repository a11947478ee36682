"""What a patient said about one version of one page: nothing about the patient.

No address, user agent, cookie or account is kept: only the page, its language, the published
version the patient was reading, yes or no, and for a No the reason and a comment (contact details
scrubbed before saving).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 500


class PageFeedback(models.Model):
    class Reason(models.TextChoices):
        HARD_TO_UNDERSTAND = "hard-to-understand", _("It was hard to understand")
        SOMETHING_MISSING = "something-missing", _("Something I needed was missing")
        SEEMS_WRONG = "seems-wrong", _("Something on the page seems wrong")
        OTHER = "other", _("Something else")

    page = models.ForeignKey("cms.Page", on_delete=models.CASCADE, related_name="feedback")
    language = models.CharField(max_length=15)
    version_number = models.PositiveIntegerField(
        help_text="The number of the published version the patient was reading."
    )
    useful = models.BooleanField()
    reason = models.CharField(max_length=32, choices=Reason.choices, blank=True)
    comment = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Set when the reason form is sent: its signed link then works no more.
    details_added_at = models.DateTimeField(null=True, blank=True)
    # Set when a "seems wrong" report has been listed in a review reminder email.
    reviewer_told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "language", "version_number"], name="feedback_page_version")]

    def __str__(self) -> str:
        answer = "useful" if self.useful else "not useful"
        return f"Page {self.page_id} ({self.language}) version {self.version_number}: {answer}"
