"""What patients said, summed up for staff: read by governance's dashboard, page history and
reminder emails (governance imports this module; nothing here imports governance)."""

from collections import defaultdict
from dataclasses import dataclass, field

from cms.models import PageContent
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils import timezone
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from .models import PageFeedback

LATEST_COMMENTS = 3


@dataclass
class Tally:
    yes: int = 0
    no: int = 0

    @property
    def total(self) -> int:
        return self.yes + self.no

    def add(self, useful: bool, count: int) -> None:
        if useful:
            self.yes += count
        else:
            self.no += count


@dataclass
class PageSummary:
    """One page in one language: its published version's answers, every version's, latest details."""

    version_number: int | None = None
    current: Tally = field(default_factory=Tally)
    all_versions: Tally = field(default_factory=Tally)
    latest: list[PageFeedback] = field(default_factory=list)


@dataclass
class VersionSummary:
    tally: Tally = field(default_factory=Tally)
    details: list[PageFeedback] = field(default_factory=list)


def published_version_numbers() -> dict[tuple[int, str], int]:
    """(page id, language) → the number of its published version."""
    versions = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(PageContent), state=PUBLISHED
    ).values_list("object_id", "number")
    numbers = {object_id: int(number) for object_id, number in versions}  # versioning stores text
    contents = PageContent.admin_manager.filter(pk__in=numbers).values_list("pk", "page_id", "language")
    return {(page_id, language): numbers[pk] for pk, page_id, language in contents}


def page_summaries() -> dict[tuple[int, str], PageSummary]:
    """Every page and language with answers, keyed (page id, language)."""
    published = published_version_numbers()
    summaries: dict[tuple[int, str], PageSummary] = {}
    counts = PageFeedback.objects.values_list("page_id", "language", "version_number", "useful").annotate(
        count=Count("pk")
    )
    for page_id, language, number, useful, count in counts.order_by():
        key = (page_id, language)
        summary = summaries.setdefault(key, PageSummary(version_number=published.get(key)))
        summary.all_versions.add(useful, count)
        if number == summary.version_number:
            summary.current.add(useful, count)
    for record in PageFeedback.objects.exclude(reason="").order_by("-created_at").iterator():
        summary = summaries.get((record.page_id, record.language))
        if summary is not None and len(summary.latest) < LATEST_COMMENTS:
            summary.latest.append(record)
    return summaries


def version_summaries(page, language: str) -> dict[int, VersionSummary]:
    """Version number → what patients said while it was published, for one page in one language."""
    summaries: dict[int, VersionSummary] = defaultdict(VersionSummary)
    records = PageFeedback.objects.filter(page=page, language=language)
    for number, useful, count in (
        records.values_list("version_number", "useful").annotate(count=Count("pk")).order_by()
    ):
        summaries[number].tally.add(useful, count)
    for record in records.exclude(reason="").order_by("-created_at"):
        summaries[record.version_number].details.append(record)
    return dict(summaries)


@dataclass
class WrongReport:
    """A patient's "something seems wrong", for the page's reviewer."""

    record: PageFeedback
    title: str

    @property
    def page_id(self) -> int:
        return self.record.page_id

    @property
    def language(self) -> str:
        return self.record.language


def reports_to_tell() -> list[WrongReport]:
    """ "Something seems wrong" reports not yet listed in a reminder email, oldest first."""
    records = list(
        PageFeedback.objects.filter(
            reason=PageFeedback.Reason.SEEMS_WRONG, reviewer_told_at__isnull=True
        ).order_by("created_at")
    )
    contents = PageContent.admin_manager.filter(page__in={r.page_id for r in records}).order_by("pk")
    titles = {(c.page_id, c.language): c.title for c in contents}  # the newest version's title wins
    return [WrongReport(record, titles.get((record.page_id, record.language), "")) for record in records]


def mark_told(reports: list[WrongReport]) -> None:
    PageFeedback.objects.filter(pk__in=[report.record.pk for report in reports]).update(
        reviewer_told_at=timezone.now()
    )
