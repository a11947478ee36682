"""“Packs issued”: the codes given out lately, with how far each patient got and what needs a look.

Rows show only the last 4 characters of a code (`…-7K2P`): enough to match the code a coordinator
wrote in the patient's record, never enough to open the pack.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from .checks import STILL_WRONG, check_lines, checks_by_page
from .models import CheckAnswer, IssuedPack, PageRead

PERIODS = {"7": 7, "30": 30, "90": 90, "365": 365}
DEFAULT_PERIOD = "30"
PER_PAGE = 25
# A code that has not been opened this close to its expiry probably never reached the patient.
UNOPENED_WARNING = datetime.timedelta(days=2)


def _status_order(now):
    """The status of each row as the database can filter on it, the same rules as IssuedPack.status()."""
    activity = Exists(PageRead.objects.filter(issued=OuterRef("pk"))) | Exists(
        CheckAnswer.objects.filter(issued=OuterRef("pk"))
    )
    return Case(
        When(cancelled_at__isnull=False, then=Value(IssuedPack.CANCELLED)),
        When(finished_at__isnull=False, then=Value(IssuedPack.FINISHED)),
        When(expires_at__lte=now, then=Value(IssuedPack.EXPIRED)),
        When(activity, then=Value(IssuedPack.IN_PROGRESS)),
        When(opened_at__isnull=False, then=Value(IssuedPack.OPENED)),
        default=Value(IssuedPack.ISSUED),
    )


def issued_packs(*, period: str = DEFAULT_PERIOD, status: str = "", issued_by=None, now=None):
    now = now or timezone.now()
    since = now - datetime.timedelta(days=PERIODS.get(period, PERIODS[DEFAULT_PERIOD]))
    reads = PageRead.objects.filter(issued=OuterRef("pk"))
    answers = CheckAnswer.objects.filter(issued=OuterRef("pk"))
    read_count = reads.values("issued").annotate(n=Count("pk")).values("n")[:1]
    rows = (
        IssuedPack.objects.filter(issued_at__gte=since)
        .select_related("pack", "issued_by")
        .annotate(
            current_status=_status_order(now),
            pages_read=Coalesce(Subquery(read_count, output_field=IntegerField()), 0),
            last_read=Subquery(reads.order_by("-read_at").values("read_at")[:1]),
            last_answer=Subquery(answers.order_by("-final_answered_at").values("final_answered_at")[:1]),
        )
        .order_by("-issued_at", "-pk")
    )
    if status in IssuedPack.STATUSES:
        rows = rows.filter(current_status=status)
    if issued_by is not None:
        rows = rows.filter(issued_by=issued_by)
    return rows


@dataclass
class Row:
    issued: IssuedPack
    status: str
    pages_read: int
    pages_total: int
    last_activity: datetime.datetime | None
    flags: list[str] = field(default_factory=list)


def rows_for(page, now=None) -> list[Row]:
    """The rows of one page of the list, with their flags (a few queries per row, 25 rows a page)."""
    now = now or timezone.now()
    checks_cache: dict[tuple, dict] = {}
    result = []
    for issued in page:
        key = (tuple(issued.page_ids), issued.language)
        if key not in checks_cache:
            checks_cache[key] = checks_by_page(issued.page_ids, issued.language)
        lines = check_lines(issued, checks_cache[key])
        flags = []
        if issued.questions.strip():
            flags.append("question asked")
        if any(line.outcome == STILL_WRONG for line in lines):
            flags.append("a check still wrong")
        if any(line.skipped_safety for line in lines):
            flags.append("a safety check skipped")
        works = issued.still_works(now)
        if works and issued.opened_at is None and issued.expires_at - now <= UNOPENED_WARNING:
            flags.append("expires in 2 days, not opened")
        times = [t for t in (issued.opened_at, issued.last_read, issued.last_answer, issued.finished_at) if t]
        result.append(
            Row(
                issued,
                issued.current_status,
                issued.pages_read,
                len(issued.page_ids),
                max(times, default=None),
                flags,
            )
        )
    return result
