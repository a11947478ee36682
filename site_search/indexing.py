"""Keeping the search index equal to what patients can read.

update_page(page_id) is the one entry point after a publish or unpublish (handlers.py calls it
after the commit; it takes only the page's id so that it can run as a background task unchanged),
and rebuild() is `manage.py rebuild_search_index`. Only the published version of a page in each
language is indexed, as an anonymous reader gets it rendered; drafts, unpublished pages and what
only staff see (review records, feedback) never reach the index.
"""

from cms.models import Page, PageContent
from django.conf import settings
from django.db import transaction
from django.utils import translation

from education.pathway import published_glossary
from governance.readability import rendered_html, text_of_html
from governance.review_footer import footer_for
from page_cache import store
from toolkit.page_versions import published_version

from .models import SearchDocument, SearchWord
from .text import WORD, clean_indexed_text, fold

GLOSSARY_TEMPLATE = "education/pages/glossary.html"
# Shorter words are not worth suggesting, longer ones are not words.
MIN_SUGGESTED_LENGTH, MAX_WORD_LENGTH = 3, 40


def update_page(page_id: int) -> None:
    """Index the published versions of one page, in every language, and drop what is no longer published.

    The glossary page lists the terms of every published page, so it is indexed again too; then
    cached results pages are dropped, so no worker keeps results from before the change.
    """
    languages = [code for code, _ in settings.LANGUAGES]
    with transaction.atomic():
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            SearchDocument.objects.filter(page_id=page_id).delete()
        else:
            for language in languages:
                _index(page, language)
        for glossary in _glossary_pages().exclude(pk=page_id):
            for language in languages:
                _index(glossary, language)
        for language in languages:
            _refresh_words(language)
    store.invalidate()


def rebuild() -> int:
    """Index every page of the site from scratch; returns how many documents the index holds."""
    languages = [code for code, _ in settings.LANGUAGES]
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        for page in Page.objects.filter(site_id=settings.SITE_ID).order_by("path"):
            for language in languages:
                _index(page, language)
        for language in languages:
            _refresh_words(language)
    store.invalidate()
    return SearchDocument.objects.count()


def _glossary_pages():
    return Page.objects.filter(
        pk__in=PageContent.objects.filter(template=GLOSSARY_TEMPLATE).values("page_id"),
        site_id=settings.SITE_ID,
    )


def _index(page, language: str) -> None:
    version = published_version(page, language) if page.site_id == settings.SITE_ID else None
    content = version.content if version else None
    if content is None or content.redirect or page.login_required:
        SearchDocument.objects.filter(page=page, language=language).delete()
        return
    # A fresh copy: a content object in memory may hold placeholders rendered before the publish.
    content = PageContent.admin_manager.get(pk=content.pk)
    with translation.override(language):
        text = text_of_html(rendered_html(content))
        if content.template == GLOSSARY_TEMPLATE:
            entries = published_glossary(language, page.site_id)
            text += " " + " ".join(f"{entry['term']}: {entry['definition']}." for entry in entries)
    review = footer_for(content)["review"]
    SearchDocument.objects.update_or_create(
        page=page,
        language=language,
        defaults={
            "title": content.title,
            "body": clean_indexed_text(" ".join(part for part in (content.meta_description, text) if part)),
            "reviewed_on": review["reviewed_on"] if review else None,
        },
    )


def _refresh_words(language: str) -> None:
    words: dict[str, str] = {}
    for title, body in (
        SearchDocument.objects.filter(language=language).values_list("title", "body").iterator()
    ):
        for word in WORD.findall(f"{title} {body}".lower()):
            if MIN_SUGGESTED_LENGTH <= len(word) <= MAX_WORD_LENGTH and not word.isdigit():
                words.setdefault(fold(word), word)
    existing = set(SearchWord.objects.filter(language=language).values_list("key", flat=True))
    SearchWord.objects.filter(language=language, key__in=existing - words.keys()).delete()
    SearchWord.objects.bulk_create(
        [SearchWord(language=language, key=key, word=words[key]) for key in words.keys() - existing],
        batch_size=500,
    )
