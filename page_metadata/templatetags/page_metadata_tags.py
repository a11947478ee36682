"""{% page_metadata %} in the base template's <head>: canonical link, description, structured data
and Open Graph tags for every page, CMS page or not."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from clinic.details import clinic_details
from education.templatetags.guide_tags import is_print_view

from .. import structured_data

register = template.Library()


@register.inclusion_tag("page_metadata/head.html", takes_context=True)
def page_metadata(context):
    request = context["request"]
    language = get_language()
    clinic = clinic_details()
    content = structured_data.cms_content(request, language)
    # A view may name its own title and description (the results page does).
    title = context.get("metadata_title") or (content.title if content else "") or clinic["clinic_name"]
    description = (
        context.get("metadata_description")
        or (content.meta_description if content else "")
        or structured_data.default_description(clinic["clinic_name"])
    )
    # Always the page's own address without its query: the print view and any tracking
    # parameters someone adds point back to the one page.
    url = structured_data.absolute(request.path)
    data = None
    if content is not None:
        data = structured_data.page_data(
            request=request,
            content=content,
            language=language,
            title=title,
            description=description,
            url=url,
            clinic_name=clinic["clinic_name"],
        )
    locales = structured_data.OPEN_GRAPH_LOCALES
    return {
        "canonical": url,
        "title": title,
        "description": description,
        "site_name": clinic["clinic_name"],
        "locale": locales.get(language, language),
        "alternate_locales": [locale for code, locale in locales.items() if code != language],
        "image": structured_data.absolute(clinic["logo_url"]) if clinic.get("logo_url") else "",
        "noindex": is_print_view(request),
        "json_ld": mark_safe(structured_data.json_ld(data)) if data else "",  # noqa: S308 - escaped for <script>
    }
