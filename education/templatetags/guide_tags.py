"""Template tags for the guide pathway, the contents list, the print view and the glossary."""

from cms.models import Page, PageContent
from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override

from education.pathway import anchor_headings, guide_steps, pathway_position, published_glossary

register = template.Library()

PRINT_PARAMETER = "print"


def is_print_view(request) -> bool:
    return bool(request) and request.GET.get(PRINT_PARAMETER) == "1"


@register.simple_tag(takes_context=True)
def print_view(context) -> bool:
    return is_print_view(context.get("request"))


@register.simple_tag(takes_context=True)
def guide_pathway(context) -> dict:
    return pathway_position(context["request"], renderer=context.get("cms_menu_renderer"))


@register.simple_tag(takes_context=True)
def guide_step_list(context, exclude_current: bool = False) -> list:
    request = context["request"]
    steps = guide_steps(request, with_descriptions=True, renderer=context.get("cms_menu_renderer"))
    page = getattr(request, "current_page", None)
    if exclude_current and page:
        steps = [step for step in steps if step.page_id != page.pk]
    return steps


@register.simple_tag(takes_context=True)
def glossary_entries(context) -> list:
    request = context.get("request")
    return published_glossary(getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE))


class GuideArticleNode(template.Node):
    child_nodelists = ("nodelist",)  # so django CMS still finds the placeholder inside

    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html, headings = anchor_headings(
            self.nodelist.render(context), open_details=is_print_view(context.get("request"))
        )
        contents = ""
        if len(headings) >= 2:
            contents = render_to_string("education/page_contents.html", {"headings": headings})
        return mark_safe(contents + html)  # noqa: S308 - the placeholder's own (sanitised) output


@register.tag
def guide_article(parser, token):
    """{% guide_article %}{% placeholder "content" %}{% endguide_article %}: the body, anchored headings
    and a contents list in front; in the print view every question is opened."""
    nodelist = parser.parse(("endguide_article",))
    parser.delete_first_token()
    return GuideArticleNode(nodelist)


@register.simple_tag(takes_context=True)
def page_languages(context) -> list[dict]:
    """The current page in every language: its address where that version is published, else that
    language's home page (marked `translated: False`, so the link can say so)."""
    request = context.get("request")
    page = getattr(request, "current_page", None)
    current = get_language()
    published = set()
    if isinstance(page, Page):
        # django CMS's page view has just loaded the page's published versions in every public
        # language into this cache; read it rather than ask the database again.
        cached = getattr(page, "page_content_cache", None)
        if cached:
            published = {language for language, content in cached.items() if getattr(content, "pk", None)}
        else:
            published = set(PageContent.objects.filter(page=page).values_list("language", flat=True))
    versions = []
    for code, name in settings.LANGUAGES:
        with override(code):
            translated = code in published
            url = page.get_absolute_url(code) if translated else reverse("pages-root")
        versions.append(
            {"code": code, "name": name, "url": url, "translated": translated, "current": code == current}
        )
    return versions
