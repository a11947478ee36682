"""Issuing packs and keeping their reading records: everything the views and commands share."""

import datetime
from dataclasses import dataclass

from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from djangocms_versioning.models import Version

from governance.review_footer import footer_for

from . import codes
from .models import CheckAnswer, IssuedPack, PageRead, ReadingPack


def issue(pack: ReadingPack, language: str = "", days: int | None = None, user=None):
    """(IssuedPack, code) for a new code for `pack`: the code is returned once; only its hash is kept."""
    language = language or settings.LANGUAGE_CODE
    now = timezone.now()
    for _ in range(5):  # a clash is one in hundreds of billions; retry rather than fail
        code = codes.new_code()
        try:
            with transaction.atomic():
                issued = IssuedPack.objects.create(
                    code_hash=codes.code_hash(code),
                    code_tail=code[-codes.GROUP :],
                    pack=pack,
                    pack_name=pack.wording(language)[0],
                    page_ids=list(pack.pack_pages.values_list("page_id", flat=True)),
                    language=language,
                    issued_at=now,
                    issued_by=user if user is not None and user.is_authenticated else None,
                    expires_at=now + datetime.timedelta(days=days or pack.days_valid),
                )
            return issued, code
        except IntegrityError:
            continue
    raise RuntimeError("Could not make a unique reading-pack code")  # pragma: no cover


def find(typed: str) -> IssuedPack | None:
    code = codes.normalise(typed)
    if code is None:
        return None
    found = IssuedPack.objects.select_related("pack").filter(code_hash__in=codes.candidate_hashes(code))
    return found.first()


def link_path(code: str, language: str) -> str:
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    return f"{prefix}/p/{codes.display(code)}/"


def full_link(code: str, language: str) -> str:
    return settings.PORTAL_BASE_URL + link_path(code, language)


@dataclass
class PackEntry:
    """One page of an issued pack as the patient sees it now: its current published version."""

    number: int
    page: Page
    content: PageContent
    version_number: int
    read: bool


def _version_numbers(contents) -> dict[int, int]:
    """Published version number of each PageContent, in one query."""
    content_type = ContentType.objects.get_for_model(PageContent)
    return dict(
        Version.objects.filter(content_type=content_type, object_id__in=[c.pk for c in contents]).values_list(
            "object_id", "number"
        )
    )


def entries(issued: IssuedPack) -> list[PackEntry]:
    """The pack's pages that are published in its language, in order, with what has been read.

    A page unpublished since the code was given is left out: the patient cannot be asked to read
    what the clinic has withdrawn.
    """
    contents = {
        content.page_id: content
        for content in PageContent.objects.filter(
            page_id__in=issued.page_ids, language=issued.language
        ).select_related("page")
    }
    numbers = _version_numbers(contents.values())
    read = set(issued.page_reads.values_list("page_id", flat=True))
    result = []
    for page_id in issued.page_ids:
        content = contents.get(page_id)
        if content is not None:
            number = numbers.get(content.pk, 0)
            result.append(PackEntry(len(result) + 1, content.page, content, number, page_id in read))
    return result


def mark_opened(issued: IssuedPack) -> None:
    """Opening a link counts as “opened”, nothing more: link previewers fetch links too."""
    if issued.opened_at is None:
        IssuedPack.objects.filter(pk=issued.pk, opened_at__isnull=True).update(opened_at=timezone.now())


def mark_read(issued: IssuedPack, entry: PackEntry) -> None:
    review = footer_for(entry.content)["review"] or {}
    PageRead.objects.update_or_create(
        issued=issued,
        page=entry.page,
        defaults={
            "title": entry.content.title,
            "language": issued.language,
            "version_number": entry.version_number,
            "reviewed_on": review.get("reviewed_on"),
            "reviewer_name": review.get("reviewer_name", ""),
            "read_at": timezone.now(),
        },
    )


def record_answer(issued: IssuedPack, entry: PackEntry, check, position: int) -> CheckAnswer:
    """Keep the first answer to a check and the latest one; `position` counts from 1."""
    answers = check.answer_list()
    answer, correct = answers[position - 1], position == check.correct_answer
    now = timezone.now()
    row, created = CheckAnswer.objects.get_or_create(
        issued=issued,
        page=entry.page,
        question=check.question,
        defaults={
            "version_number": entry.version_number,
            "first_answer": answer,
            "first_correct": correct,
            "first_answered_at": now,
            "final_answer": answer,
            "final_correct": correct,
            "final_answered_at": now,
        },
    )
    if not created:
        CheckAnswer.objects.filter(pk=row.pk).update(
            final_answer=answer,
            final_correct=correct,
            final_answered_at=now,
            version_number=entry.version_number,
            attempts=F("attempts") + 1,
        )
        row.refresh_from_db()
    return row


def finish(issued: IssuedPack, questions: str) -> None:
    issued.questions = questions
    issued.finished_at = issued.finished_at or timezone.now()
    issued.save(update_fields=["questions", "finished_at"])


def cancel(issued: IssuedPack) -> bool:
    """Stop the code working now; False if it was already cancelled."""
    return bool(
        IssuedPack.objects.filter(pk=issued.pk, cancelled_at__isnull=True).update(cancelled_at=timezone.now())
    )


def latest_expiry(issued: IssuedPack, now: datetime.datetime | None = None) -> datetime.datetime:
    """A code can be extended to at most its pack's days valid, counted from today."""
    return (now or timezone.now()) + datetime.timedelta(days=issued.pack.days_valid)


def extend(issued: IssuedPack, days: int, now: datetime.datetime | None = None) -> datetime.datetime:
    """Make the code work until `days` from now (1 to the pack's days valid); the new expiry."""
    now = now or timezone.now()
    if issued.cancelled_at is not None:
        raise ValueError("A cancelled code cannot be extended.")
    if not 1 <= days <= issued.pack.days_valid:
        raise ValueError(f"Choose between 1 and {issued.pack.days_valid} days.")
    issued.expires_at = now + datetime.timedelta(days=days)
    issued.save(update_fields=["expires_at"])
    return issued.expires_at


def purge(now: datetime.datetime | None = None) -> int:
    """Delete the records of codes that expired more than PORTAL_READING_RECORD_DAYS ago."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.PORTAL_READING_RECORD_DAYS)
    _, deleted = IssuedPack.objects.filter(expires_at__lt=cutoff).delete()
    return deleted.get(IssuedPack._meta.label, 0)


def full_link_to_enter_code(language: str) -> str:
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    return f"{settings.PORTAL_BASE_URL}{prefix}/p/"
