"""The check questions a pack asks, and how each was answered: shared by the record, the worklist
and the patient's “I have read this page”."""

from dataclasses import dataclass

from cms.models import PageContent, Placeholder
from django.contrib.contenttypes.models import ContentType

from education.models import CheckQuestion

RIGHT_FIRST_TIME = "right first time"
RIGHT_AFTER_WRONG = "right after a wrong answer"
STILL_WRONG = "still wrong"
NOT_ANSWERED = "not answered"


def checks_by_page(page_ids, language: str) -> dict[int, list[CheckQuestion]]:
    """The check questions of each page's published content in `language`, in page order."""
    contents = dict(
        PageContent.objects.filter(page_id__in=page_ids, language=language).values_list("pk", "page_id")
    )
    placeholders = dict(
        Placeholder.objects.filter(
            content_type=ContentType.objects.get_for_model(PageContent), object_id__in=contents
        ).values_list("pk", "object_id")
    )
    found: dict[int, list[CheckQuestion]] = {page_id: [] for page_id in page_ids}
    questions = CheckQuestion.objects.filter(placeholder_id__in=placeholders, language=language)
    for check in questions.order_by("placeholder_id", "position", "pk"):
        found[contents[placeholders[check.placeholder_id]]].append(check)
    return found


def outcome(answer) -> str:
    if answer is None:
        return NOT_ANSWERED
    if not answer.final_correct:
        return STILL_WRONG
    return RIGHT_FIRST_TIME if answer.first_correct else RIGHT_AFTER_WRONG


@dataclass
class CheckLine:
    """One check of an issued pack: the question, on which page, and how it was answered."""

    page_id: int | None
    question: str
    safety: bool
    answer: object  # a CheckAnswer, or None
    page_passed: bool = False  # the page is marked read, or the whole pack finished

    @property
    def skipped_safety(self) -> bool:
        return self.safety and self.answer is None and self.page_passed

    @property
    def outcome(self) -> str:
        return outcome(self.answer)

    @property
    def needs_attention(self) -> bool:
        return self.outcome == STILL_WRONG or (self.safety and self.outcome == NOT_ANSWERED)


def check_lines(issued, checks: dict[int, list[CheckQuestion]] | None = None) -> list[CheckLine]:
    """Every check of the pack in page order, answered or not.

    Answers to a question no longer on its page (edited since) are kept, after that page's checks.
    """
    if checks is None:
        checks = checks_by_page(issued.page_ids, issued.language)
    answers = {(answer.page_id, answer.question): answer for answer in issued.check_answers.all()}
    read = set(issued.page_reads.values_list("page_id", flat=True))
    lines = []
    for page_id in issued.page_ids:
        passed = bool(issued.finished_at) or page_id in read
        asked = set()
        for check in checks.get(page_id, []):
            asked.add(check.question)
            answer = answers.pop((page_id, check.question), None)
            lines.append(CheckLine(page_id, check.question, check.safety_check, answer, passed))
        for key in [key for key in answers if key[0] == page_id and key[1] not in asked]:
            lines.append(CheckLine(page_id, key[1], False, answers.pop(key), passed))
    lines.extend(
        CheckLine(page_id, question, False, answer, True) for (page_id, question), answer in answers.items()
    )
    return lines
