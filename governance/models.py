"""Clinical governance records: who checked a page, against what, and who changed its draft.

The review record is a page-content extension, so it belongs to one version of a page: djangocms-
versioning copies it (with its sources) into every new draft, and the published version keeps the
review that was true when it was published.
"""

import datetime

from cms.extensions.models import PageContentExtension
from cms.models import PageContent
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone

REVIEW_INTERVAL_MONTHS = 12


def months_later(day: datetime.date, months: int = REVIEW_INTERVAL_MONTHS) -> datetime.date:
    """The same day `months` later; the 29th-31st fall back to the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate_day)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - day 28 exists in every month


class ClinicalReview(PageContentExtension):
    """A clinician's sign-off of one version of a page, shown to patients in the page footer."""

    reviewer_name = models.CharField(
        max_length=120, help_text="As patients should see it, for example “Dr Asha Patel”."
    )
    reviewer_title = models.CharField(
        "professional title", max_length=120, help_text="For example “Consultant psychiatrist”."
    )
    reviewed_on = models.DateField("review date", default=timezone.localdate)
    next_review_due = models.DateField(
        blank=True, help_text=f"Leave empty for {REVIEW_INTERVAL_MONTHS} months after the review date."
    )
    reviewer_account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="clinical_reviews",
        help_text="The staff account that answers for this review; it gets the reminders when it is due.",
    )
    # The moment the review was recorded: it covers the draft exactly as it was then, so any change
    # to the draft after this (by timestamp, not by day) needs a new review before publishing.
    recorded_at = models.DateTimeField(auto_now=True)
    # Who recorded this review on this version. Empty on a record carried over into a new draft
    # from the version before: that record is somebody's review of the old text, not of this draft.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = "clinical review record"
        permissions = [("view_review_dashboard", "Can see the clinical review dashboard")]

    def __str__(self) -> str:
        return f"Clinical review by {self.reviewer_name} on {self.reviewed_on.day} {self.reviewed_on:%B %Y}"

    def clean(self):
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            raise ValidationError({"reviewed_on": "A review cannot be dated in the future."})
        if self.reviewed_on and self.next_review_due and self.next_review_due <= self.reviewed_on:
            raise ValidationError({"next_review_due": "The next review must come after the review date."})

    def save(self, *args, **kwargs):
        if not self.next_review_due:
            self.next_review_due = months_later(self.reviewed_on)
        super().save(*args, **kwargs)

    def copy_relations(self, oldinstance, language):
        # Called by versioning's copy of the page content: the new draft starts with the same sources,
        # and the record is marked as carried over, recorded by nobody on this draft.
        ClinicalReview.objects.filter(pk=self.pk).update(recorded_by=None)
        self.recorded_by = None
        ReviewSource.objects.bulk_create(
            ReviewSource(review=self, title=source.title, url=source.url, position=source.position)
            for source in oldinstance.sources.all()
        )

    def is_current(self, today: datetime.date | None = None) -> bool:
        return self.next_review_due > (today or timezone.localdate())


def validate_web_link(value: str) -> None:
    URLValidator(schemes=["http", "https"], message="Enter a web address starting with https:// or http://.")(
        value
    )


class ReviewSource(models.Model):
    """One reference the reviewer checked the page against."""

    review = models.ForeignKey(ClinicalReview, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(max_length=300)
    url = models.CharField("link", max_length=500, blank=True, validators=[validate_web_link])
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "source"

    def __str__(self) -> str:
        return self.title


class DraftEdit(models.Model):
    """Who changed a draft version of a page, and when (versioning records only who created it).

    One row per person and draft, kept by governance.edit_tracking; the four-eyes publishing rule
    reads it.
    """

    content = models.ForeignKey(PageContent, on_delete=models.CASCADE, related_name="draft_edits")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="draft_edits")
    first_edited_at = models.DateTimeField(default=timezone.now)
    last_edited_at = models.DateTimeField(default=timezone.now)
    edit_count = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content", "user"], name="one_draft_edit_per_user")]
        ordering = ["-last_edited_at"]

    def __str__(self) -> str:
        return f"{self.user} edited {self.content} ({self.edit_count} times)"


# Below this many words Flesch-Kincaid says nothing useful (one short sentence scores below zero):
# the dashboard and the toolbar say "too short to grade" instead of a number.
MIN_WORDS_TO_GRADE = 20


class ReviewRequest(models.Model):
    """An editor's "Ask for review" on one draft: the reviewers it reached, so they are emailed once."""

    content = models.OneToOneField(PageContent, on_delete=models.CASCADE, related_name="review_request")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True, max_length=1000)
    reviewers_emailed = models.PositiveSmallIntegerField(default=0)

    def __str__(self) -> str:
        return f"Review of {self.content} asked by {self.requested_by} at {self.requested_at:%Y-%m-%d %H:%M}"


class ReadingGrade(models.Model):
    """The Flesch-Kincaid grade of one version's text, stored so no patient request computes it."""

    content = models.OneToOneField(PageContent, on_delete=models.CASCADE, related_name="reading_grade")
    grade = models.FloatField()
    words = models.PositiveIntegerField()
    computed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return "Too short to grade" if self.too_short else f"Grade {self.grade:.1f}"

    @property
    def too_short(self) -> bool:
        return self.words < MIN_WORDS_TO_GRADE


class ReviewReminder(models.Model):
    """A reminder email that was sent, so a daily cron job never repeats itself within a day."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    page = models.ForeignKey("cms.Page", on_delete=models.CASCADE)
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["recipient", "page", "sent_on"], name="one_reminder_per_day")
        ]

    def __str__(self) -> str:
        return f"Reminder to {self.recipient} about page {self.page_id} on {self.sent_on}"


class TranslationBasis(models.Model):
    """The published version of the source (English) page a translation was made from."""

    content = models.OneToOneField(PageContent, on_delete=models.CASCADE, related_name="translation_basis")
    source_version_number = models.PositiveIntegerField()
    recorded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.content} from source version #{self.source_version_number}"
