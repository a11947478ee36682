"""Builders for reading-pack tests: pages with a check question, a pack over them, an issued code."""

import datetime
import re

from django.utils import timezone
from djangocms_versioning.models import Version

from reading_packs import records
from reading_packs.models import PackPage, ReadingPack

from .factories import add_block, make_page, make_review, make_superuser, page_content

# A code as the slip prints it, e.g. KX7P-2M9Q (the alphabet of reading_packs/codes.py).
PRINTED_CODE = re.compile(r"\b([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})\b")
ORIGIN = "http://testserver"
SAME_ORIGIN = {"HTTP_ORIGIN": ORIGIN}


def make_page_with_check(
    title: str = "Your infusion day",
    body: str = "<h2>How long it takes</h2><p>The infusion takes about 40 minutes.</p>",
    *,
    question: str = "How long does the infusion take?",
    answers: str = "About 10 minutes\nAbout 40 minutes\nAbout 4 hours",
    correct_answer: int = 2,
    explanation: str = "It takes about 40 minutes. See “How long it takes” above.",
    safety_check: bool = False,
    more_checks: tuple[dict, ...] = (),
    reviewed: bool = True,
):
    """A published page with a text block and a check question (and `more_checks`, each a dict of
    CheckQuestion fields); reviewed unless told otherwise. Returns the page and its first check."""
    author = make_superuser(f"author-{title.lower().replace(' ', '-')[:20]}-{timezone.now().timestamp()}")
    page = make_page(title, body, author=author, published=False)
    check = add_block(
        page,
        "CheckQuestionPlugin",
        question=question,
        answers=answers,
        correct_answer=correct_answer,
        explanation=explanation,
        safety_check=safety_check,
    )
    for fields in more_checks:
        add_block(page, "CheckQuestionPlugin", **{"explanation": "See above.", **fields})
    content = page_content(page)
    if reviewed:
        make_review(content)
    Version.objects.get_for_content(content).publish(author)
    return page, check


def make_pack(
    pages, *, slug: str = "first-infusion", name: str = "Before your first infusion", days: int = 30
):
    pack = ReadingPack.objects.create(
        name=name,
        slug=slug,
        introduction="Please read these pages before your first infusion.",
        days_valid=days,
    )
    for position, page in enumerate(pages):
        PackPage.objects.create(pack=pack, page=page, position=position)
    return pack


def issue(pack, language: str = "en", days: int | None = None):
    """(IssuedPack, code as printed on the slip, e.g. KX7P-2M9Q)."""
    issued, code = records.issue(pack, language=language, days=days)
    return issued, f"{code[:4]}-{code[4:]}"


def expire(issued, days_ago: int = 1):
    issued.expires_at = timezone.now() - datetime.timedelta(days=days_ago)
    issued.save(update_fields=["expires_at"])
