"""The guide as a pathway: its ordered steps, a page's contents, and the glossary.

The order comes from the CMS page tree (the menu), so staff reorder the guide by moving pages; no
slug is written in code. The steps are the top-level pages shown in the navigation, except the home
page (which leads into the guide) and the "Get help now" page (a signpost, not a step).
"""

import re
from dataclasses import dataclass
from html import unescape

from cms.models import PageContent
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape, strip_tags
from django.utils.text import slugify
from menus.menu_pool import menu_pool

from clinic.constants import CRISIS_PAGE_REVERSE_ID

from .models import GlossaryTerm

# Page templates that show the on-screen "Get help now" box (or the crisis numbers themselves): a
# reading pack, which renders only a page's content, shows the box for these pages too.
CRISIS_SIGNPOST_TEMPLATES = {"education/pages/guide_with_crisis_signpost.html", "education/pages/crisis.html"}


@dataclass
class GuideStep:
    number: int
    title: str
    url: str
    page_id: int
    description: str = ""


def guide_steps(request, with_descriptions: bool = False, renderer=None) -> list[GuideStep]:
    # Reuse the page's own menu renderer when there is one: a second renderer reads the menu again.
    nodes = (renderer or menu_pool.get_renderer(request)).get_nodes()
    steps = []
    for node in nodes:
        if node.parent is not None or not node.visible or node.attr.get("is_home"):
            continue
        if node.attr.get("reverse_id") == CRISIS_PAGE_REVERSE_ID:
            continue
        steps.append(GuideStep(len(steps) + 1, node.get_menu_title(), node.get_absolute_url(), int(node.id)))
    if with_descriptions and steps:
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        descriptions = dict(
            PageContent.objects.filter(page_id__in=[s.page_id for s in steps], language=language).values_list(
                "page_id", "meta_description"
            )
        )
        for step in steps:
            step.description = descriptions.get(step.page_id) or ""
    return steps


def pathway_position(request, renderer=None) -> dict:
    """Where the current page sits in the guide: its number, and the pages before and after it."""
    page = getattr(request, "current_page", None)
    steps = guide_steps(request, renderer=renderer)
    index = next((i for i, step in enumerate(steps) if page and step.page_id == page.pk), None)
    if index is None:
        return {"steps": steps, "current": None, "previous": None, "next": None}
    return {
        "steps": steps,
        "current": steps[index],
        "previous": steps[index - 1] if index > 0 else None,
        "next": steps[index + 1] if index + 1 < len(steps) else None,
    }


_H2 = re.compile(r"<h2(?P<attrs>\s[^>]*)?>(?P<inner>.*?)</h2>", re.S | re.I)
_ID = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""", re.I)
_DETAILS = re.compile(r"<details(?![^>]*\sopen)(?=[\s>])", re.I)


def anchor_headings(html: str, open_details: bool = False) -> tuple[str, list[dict[str, str]]]:
    """Give every h2 in the article an id and return the contents list built from them.

    Run on the placeholder's rendered (and already sanitised) HTML, after the placeholder cache,
    so the ids and the print view's opened answers never leak into a cached fragment.
    """
    headings: list[dict[str, str]] = []
    used: set[str] = set()

    def give_id(match: re.Match) -> str:
        attrs = match.group("attrs") or ""
        text = " ".join(unescape(strip_tags(match.group("inner"))).split())
        existing = _ID.search(attrs)
        if existing:
            anchor = existing.group(1)
        else:
            base = slugify(text) or "section"
            anchor, n = base, 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            attrs = f' id="{escape(anchor)}"{attrs}'
        used.add(anchor)
        # Call-outs (key facts, care cards) mark their headings to stay out of the contents list.
        if text and "data-contents-skip" not in attrs:
            headings.append({"anchor": anchor, "text": text})
        return f"<h2{attrs}>{match.group('inner')}</h2>"

    html = _H2.sub(give_id, html)
    if open_details:
        html = _DETAILS.sub("<details open", html)
    return html, headings


def published_glossary(language: str | None = None, site_id: int | None = None) -> list[dict]:
    """Every glossary term on a published page, once per word, A to Z, with the pages that use it.

    Only published page versions count (PageContent.objects hides drafts and archived versions),
    so a term added in a draft reaches patients only when a reviewer publishes that draft.
    """
    language = language or settings.LANGUAGE_CODE
    published = PageContent.objects.filter(language=language, page__site_id=site_id or settings.SITE_ID)
    contents = {content.pk: content for content in published.select_related("page")}
    terms = GlossaryTerm.objects.filter(
        language=language,
        placeholder__content_type=ContentType.objects.get_for_model(PageContent),
        placeholder__object_id__in=list(contents),
    ).values_list("term", "definition", "placeholder__object_id")
    glossary: dict[str, dict] = {}
    for term, definition, content_id in sorted(terms, key=lambda row: (row[0].lower(), row[2])):
        entry = glossary.setdefault(
            slugify(term),
            {
                "term": term,
                "definition": definition.strip().rstrip("."),
                "anchor": f"term-{slugify(term)}",
                "pages": [],
            },
        )
        content = contents[content_id]
        page = {"title": content.title, "url": content.page.get_absolute_url(language)}
        if page not in entry["pages"]:
            entry["pages"].append(page)
    return sorted(glossary.values(), key=lambda entry: entry["term"].lower())
