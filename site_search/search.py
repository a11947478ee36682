"""A patient's search: the words, one page of results with their addresses and snippets, and a
"Did you mean ...?" for words the guide does not use."""

from dataclasses import dataclass
from datetime import date

from cms.models import PageUrl
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import override

from . import backends
from .models import SearchWord
from .text import MARK_END, MARK_START, fold

RESULTS_PER_PAGE = 10


@dataclass
class Result:
    title: str
    url: str
    snippet: SafeString
    reviewed_on: date | None


def results(terms: list[str], language: str, page_number: int) -> tuple[list[Result], int]:
    offset = (page_number - 1) * RESULTS_PER_PAGE
    hits, total = backends.find(terms, language, RESULTS_PER_PAGE, offset)
    urls = _addresses([hit.page_id for hit in hits], language)
    found = [
        Result(hit.title, urls[hit.page_id], marked_snippet(hit.snippet), hit.reviewed_on)
        for hit in hits
        if hit.page_id in urls
    ]
    return found, total


def marked_snippet(text: str) -> SafeString:
    """The snippet escaped, with only the engine's own marks turned into <mark>."""
    html = escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 - everything but the marks was escaped above


def suggestion(terms: list[str], language: str) -> str | None:
    """The query with each word the guide never uses replaced by the closest one it does."""
    keys = {term: fold(term) for term in terms}
    candidates = [key for key in keys.values() if len(key) >= 3 and not key.isdigit()]
    if not candidates:
        return None
    known = set(
        SearchWord.objects.filter(language=language, key__in=candidates).values_list("key", flat=True)
    )
    corrected, changed = [], False
    for term, key in keys.items():
        better = None
        if key in candidates and key not in known:
            better = backends.similar_word(key, language)
        corrected.append(better or term)
        changed = changed or better is not None
    return " ".join(corrected) if changed else None


def _addresses(page_ids: list[int], language: str) -> dict[int, str]:
    """Each page's address now (a page moved since it was indexed is found where it is)."""
    rows = PageUrl.objects.filter(page_id__in=page_ids, language=language).values_list(
        "page_id", "path", "page__is_home"
    )
    with override(language):
        return {
            page_id: reverse("pages-root")
            if is_home
            else reverse("pages-details-by-slug", kwargs={"slug": path})
            for page_id, path, is_home in rows
            if is_home or path
        }
