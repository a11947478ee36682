"""Reading packs and the record of what a patient read, kept without knowing who the patient is.

An issued pack is known only by its code's keyed hash. Nothing here holds a name, a date of birth,
a record number or a contact detail: the clinic writes the code into its own patient record, and
only the clinic can link the two. Records are deleted PORTAL_READING_RECORD_DAYS after the code
expires (`manage.py purge_reading_records`, daily from cron).
"""

import datetime

from cms.models import Page
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

DEFAULT_DAYS_VALID = 30


class ReadingPack(models.Model):
    """Guide pages a clinic gives a patient to read before an appointment, in order."""

    name = models.CharField(
        max_length=100, help_text="As patients see it, for example “Before your first infusion”."
    )
    slug = models.SlugField(
        max_length=40,
        unique=True,
        help_text="A short name for the command line and the address, for example “first-infusion”.",
    )
    introduction = models.TextField(
        max_length=1000,
        help_text="A few plain sentences patients read first: why these pages, and how long they take.",
    )
    days_valid = models.PositiveSmallIntegerField(
        default=DEFAULT_DAYS_VALID,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="How many days a code for this pack keeps working.",
    )

    class Meta:
        ordering = ["name"]
        permissions = [
            ("issue_pack", "Can issue a reading pack to a patient"),
            ("view_reading_record", "Can read the reading record of a code"),
        ]

    def __str__(self) -> str:
        return self.name

    def wording(self, language: str) -> tuple[str, str]:
        """The name and introduction in `language`, falling back to the pack's own (English) words."""
        if language != settings.LANGUAGE_CODE:
            translation = self.translations.filter(language=language).first()
            if translation is not None:
                return translation.name, translation.introduction
        return self.name, self.introduction


class PackTranslation(models.Model):
    """The pack's name and introduction in another language; its pages come in that language too."""

    pack = models.ForeignKey(ReadingPack, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=10, choices=settings.LANGUAGES[1:])
    name = models.CharField(max_length=100)
    introduction = models.TextField(max_length=1000)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pack", "language"], name="one_pack_translation_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.pack} ({self.language})"


class PackPage(models.Model):
    pack = models.ForeignKey(ReadingPack, on_delete=models.CASCADE, related_name="pack_pages")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["pack", "page"], name="page_once_per_pack")]

    def __str__(self) -> str:
        return f"{self.pack}: page {self.page_id}"


class IssuedPack(models.Model):
    """One code given to one patient. The code itself is not stored: only its keyed hash."""

    ISSUED, OPENED, IN_PROGRESS, FINISHED, EXPIRED = "issued", "opened", "in progress", "finished", "expired"
    CANCELLED = "cancelled"
    STATUSES = [ISSUED, OPENED, IN_PROGRESS, FINISHED, EXPIRED, CANCELLED]

    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The code's last 4 characters, so staff can match a row of the worklist with the code in their
    # own records. The first 4 are never kept: the tail alone opens nothing.
    code_tail = models.CharField(max_length=4, blank=True, editable=False)
    pack = models.ForeignKey(ReadingPack, on_delete=models.PROTECT, related_name="issued")
    # The pack's name and pages as they were when the code was given, so later edits to the pack
    # do not change what this patient was asked to read.
    pack_name = models.CharField(max_length=100)
    page_ids = models.JSONField(default=list)
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField()
    opened_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    questions = models.TextField(blank=True, max_length=1000)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "issued reading pack"
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"{self.pack_name}, issued {self.issued_at:%d %b %Y}"

    def is_expired(self, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.expires_at

    def shown_tail(self) -> str:
        """How staff see the code once the slip is printed: `…-7K2P`."""
        return f"…-{self.code_tail}" if self.code_tail else "…"

    def still_works(self, now: datetime.datetime | None = None) -> bool:
        return self.cancelled_at is None and not self.is_expired(now)

    def status(self, now: datetime.datetime | None = None) -> str:
        if self.cancelled_at:
            return self.CANCELLED
        if self.finished_at:
            return self.FINISHED
        if self.is_expired(now):
            return self.EXPIRED
        if self.page_reads.exists() or self.check_answers.exists():
            return self.IN_PROGRESS
        return self.OPENED if self.opened_at else self.ISSUED


class PageRead(models.Model):
    """A patient pressed “I have read this page”: which published version, reviewed when."""

    issued = models.ForeignKey(IssuedPack, on_delete=models.CASCADE, related_name="page_reads")
    page = models.ForeignKey(Page, null=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(max_length=255)
    language = models.CharField(max_length=10)
    version_number = models.PositiveIntegerField()
    reviewed_on = models.DateField(null=True, blank=True)
    reviewer_name = models.CharField(max_length=120, blank=True)
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["read_at"]
        constraints = [models.UniqueConstraint(fields=["issued", "page"], name="page_read_once_per_pack")]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version_number})"


class CheckAnswer(models.Model):
    """A patient's answers to one check question: the first and the latest."""

    issued = models.ForeignKey(IssuedPack, on_delete=models.CASCADE, related_name="check_answers")
    page = models.ForeignKey(Page, null=True, on_delete=models.SET_NULL, related_name="+")
    version_number = models.PositiveIntegerField()
    question = models.CharField(max_length=200)
    first_answer = models.CharField(max_length=150)
    first_correct = models.BooleanField()
    first_answered_at = models.DateTimeField(default=timezone.now)
    final_answer = models.CharField(max_length=150)
    final_correct = models.BooleanField()
    final_answered_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["first_answered_at"]
        constraints = [
            models.UniqueConstraint(fields=["issued", "page", "question"], name="one_answer_row_per_question")
        ]

    def __str__(self) -> str:
        return self.question
