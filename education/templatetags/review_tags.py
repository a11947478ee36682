"""The review footer of a CMS page: always the published version's review, never a draft's."""

from cms.models import Page, PageContent
from django import template
from django.utils.translation import get_language
from djangocms_versioning.constants import PUBLISHED

from education.review_models import ClinicalReview

register = template.Library()


@register.simple_tag(takes_context=True)
def published_review(context):
    """{"review": ClinicalReview or None} for the current page's published version, or None.

    None means there is no published version (a 404, a page only staff can preview): no footer.
    """
    request = context.get("request")
    page = getattr(request, "current_page", None)
    if not isinstance(page, Page):
        return None
    language = get_language()
    review = (
        ClinicalReview.objects.filter(
            extended_object__page=page,
            extended_object__language=language,
            extended_object__versions__state=PUBLISHED,
        )
        .prefetch_related("sources")
        .first()
    )
    if review is None and not PageContent.objects.filter(page=page, language=language).exists():
        return None
    return {"review": review}
