"""The review footer of a CMS page: always the published version's review, never a draft's."""

from cms.models import Page, PageContent
from django import template
from django.utils.translation import get_language

from governance import translations
from governance.review_footer import footer_for

register = template.Library()


@register.simple_tag(takes_context=True)
def published_review(context):
    """{"review": dict or None} for the current page's published version, or None.

    None means there is no published version (a 404, a page only staff can preview): no footer.
    """
    request = context.get("request")
    page = getattr(request, "current_page", None)
    if not isinstance(page, Page):
        return None
    language = get_language()
    user = getattr(request, "user", None)
    if user is not None and user.is_staff:
        # Staff may be previewing a draft; the footer still shows what patients see. (The default
        # manager of PageContent holds published versions only.)
        content = PageContent.objects.filter(page=page, language=language).first()
    else:
        # A patient's page is the published version, which the CMS has already loaded.
        content = page.get_content_obj(language)
    if content is None or not getattr(content, "pk", None):
        # No version in this language (an untranslated page answered with a 404): no footer.
        return None
    return footer_for(content)


@register.simple_tag(takes_context=True)
def translation_notice(context):
    """For a translation whose source page changed since: when, and where to read the source."""
    request = context.get("request")
    page = getattr(request, "current_page", None)
    language = get_language()
    if not isinstance(page, Page) or language == translations.SOURCE_LANGUAGE:
        return None
    found = translations.status(page.get_content_obj(language))
    if found is None:
        return None
    return {
        "changed_on": found.source_changed_on,
        "source_url": page.get_absolute_url(translations.SOURCE_LANGUAGE),
        "source_language": translations.SOURCE_LANGUAGE,
    }
