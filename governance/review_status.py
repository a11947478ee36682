"""Where every page stands clinically: read by the review dashboard and the reminder command."""

import datetime
from dataclasses import dataclass, field

from cms.models import PageContent
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.models import Version

from .models import ClinicalReview, DraftEdit

DUE_SOON_DAYS = 30
LANGUAGE = settings.LANGUAGE_CODE

# Statuses, in the order the dashboard lists them (most urgent first).
NEVER_REVIEWED = "Published without a clinical review"
OVERDUE = "Overdue for review"
DUE_SOON = f"Due for review within {DUE_SOON_DAYS} days"
AWAITING_REVIEW = "Draft awaiting review"
PUBLISHED_STATUS = "Published"
NOT_PUBLISHED = "Not published"
URGENCY = [NEVER_REVIEWED, OVERDUE, DUE_SOON, AWAITING_REVIEW, PUBLISHED_STATUS, NOT_PUBLISHED]


@dataclass
class PageStatus:
    page: object
    title: str
    language: str = LANGUAGE
    published: PageContent | None = None
    published_review: ClinicalReview | None = None
    draft: PageContent | None = None
    draft_review: ClinicalReview | None = None
    last_edit: DraftEdit | None = None
    statuses: list[str] = field(default_factory=list)

    @property
    def latest(self) -> PageContent:
        return self.draft or self.published

    @property
    def review(self) -> ClinicalReview | None:
        """The review patients see, else the one being prepared on the draft."""
        return self.published_review or self.draft_review

    @property
    def needs_review(self) -> bool:
        return bool({NEVER_REVIEWED, OVERDUE, DUE_SOON} & set(self.statuses))

    @property
    def urgency(self) -> int:
        return min((URGENCY.index(status) for status in self.statuses), default=len(URGENCY))


def _statuses(row: PageStatus, today: datetime.date) -> list[str]:
    statuses = []
    if row.published is not None:
        review = row.published_review
        if review is None:
            statuses.append(NEVER_REVIEWED)
        elif review.next_review_due <= today:
            statuses.append(OVERDUE)
        elif review.next_review_due <= today + datetime.timedelta(days=DUE_SOON_DAYS):
            statuses.append(DUE_SOON)
    if row.draft is not None:
        statuses.append(AWAITING_REVIEW)
    statuses.append(PUBLISHED_STATUS if row.published is not None else NOT_PUBLISHED)
    return statuses


def page_statuses(today: datetime.date | None = None, languages: list[str] | None = None) -> list[PageStatus]:
    """One row per page and language of this site, most urgent first.

    Each language version has its own review, so its own status: a Spanish page can be overdue while
    its English page is not.
    """
    today = today or timezone.localdate()
    languages = languages or [code for code, _name in settings.LANGUAGES]
    contents = list(
        PageContent.admin_manager.filter(page__site_id=settings.SITE_ID, language__in=languages)
        .select_related("page")
        .order_by("page__path", "language")
    )
    content_type = ContentType.objects.get_for_model(PageContent)
    states = dict(
        Version.objects.filter(
            content_type=content_type, object_id__in=[c.pk for c in contents], state__in=[DRAFT, PUBLISHED]
        ).values_list("object_id", "state")
    )
    reviews = {
        review.extended_object_id: review
        for review in ClinicalReview.objects.filter(extended_object__in=[c.pk for c in contents])
    }
    last_edits = {}
    for edit in DraftEdit.objects.filter(content__in=[c.pk for c in contents]).select_related("user"):
        last_edits.setdefault(edit.content_id, edit)  # ordered newest first
    rows: dict[tuple, PageStatus] = {}
    for content in contents:
        state = states.get(content.pk)
        if state is None:
            continue  # archived or unpublished versions are history, not status
        row = rows.setdefault(
            (content.page_id, content.language),
            PageStatus(page=content.page, title=content.title, language=content.language),
        )
        if state == PUBLISHED:
            row.published, row.published_review = content, reviews.get(content.pk)
        else:
            row.draft, row.draft_review = content, reviews.get(content.pk)
            row.last_edit = last_edits.get(content.pk)
            row.title = content.title
    for row in rows.values():
        row.statuses = _statuses(row, today)
    return sorted(rows.values(), key=lambda row: row.urgency)
