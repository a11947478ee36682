"""The reading record of one issued pack: what staff see, print and export for the patient's chart."""

from cms.models import PageContent

from .checks import check_lines
from .models import IssuedPack


def reading_record(issued: IssuedPack) -> dict:
    """Everything the clinic may keep: `checks` lists every check of the pack, answered or not;
    `answers` the answers alone, with their times."""
    reads = {read.page_id: read for read in issued.page_reads.all()}
    titles = dict(
        PageContent.objects.filter(page_id__in=issued.page_ids, language=issued.language).values_list(
            "page_id", "title"
        )
    )
    pages = []
    for position, page_id in enumerate(issued.page_ids, start=1):
        read = reads.get(page_id)
        pages.append(
            {
                "position": position,
                "title": read.title if read else titles.get(page_id, "(page no longer published)"),
                "read": read is not None,
                "version_number": read.version_number if read else None,
                "reviewed_on": read.reviewed_on if read else None,
                "reviewer_name": read.reviewer_name if read else "",
                "read_at": read.read_at if read else None,
            }
        )
    page_titles = {**titles, **{page_id: read.title for page_id, read in reads.items()}}
    answers = [
        {
            "page": page_titles.get(answer.page_id, "(page no longer published)"),
            "version_number": answer.version_number,
            "question": answer.question,
            "first_answer": answer.first_answer,
            "first_correct": answer.first_correct,
            "first_answered_at": answer.first_answered_at,
            "final_answer": answer.final_answer,
            "final_correct": answer.final_correct,
            "final_answered_at": answer.final_answered_at,
            "attempts": answer.attempts,
        }
        for answer in issued.check_answers.all()
    ]
    checks = [
        {
            "page": page_titles.get(line.page_id, "(page no longer published)"),
            "question": line.question,
            "safety_check": line.safety,
            "outcome": line.outcome,
            "needs_attention": line.needs_attention,
            "first_answer": line.answer.first_answer if line.answer else None,
            "final_answer": line.answer.final_answer if line.answer else None,
            "attempts": line.answer.attempts if line.answer else 0,
        }
        for line in check_lines(issued)
    ]
    return {
        "pack": issued.pack_name,
        "pack_slug": issued.pack.slug,
        "language": issued.language,
        "status": issued.status(),
        "issued_at": issued.issued_at,
        "expires_at": issued.expires_at,
        "opened_at": issued.opened_at,
        "finished_at": issued.finished_at,
        "cancelled_at": issued.cancelled_at,
        "pages_read": sum(page["read"] for page in pages),
        "pages_total": len(pages),
        "pages": pages,
        "checks": checks,
        "answers": answers,
        "questions": issued.questions,
    }


def as_json_ready(record: dict) -> dict:
    """Dates and times as ISO 8601 strings."""

    def plain(value):
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value.isoformat() if hasattr(value, "isoformat") else value

    return plain(record)
