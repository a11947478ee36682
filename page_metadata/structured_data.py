"""What a page says about itself to search engines and link previews: its canonical address, a
one-line description, schema.org structured data (JSON-LD) and Open Graph tags.

The reviewer and date come from the published version's review record, as in the page footer.
"""

import json

from cms.models import Page
from django.conf import settings
from django.utils.translation import gettext

from governance.review_footer import footer_for

# Open Graph wants a territory; the guide's languages are written for the clinic's patients.
OPEN_GRAPH_LOCALES = {"en": "en_US", "es": "es_US"}
# Pages about the portal itself rather than about health: a plain WebPage.
PLAIN_PAGE_REVERSE_IDS = ("privacy",)
# JSON-LD sits in a <script> element: these must not close it or open a comment.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute(path: str) -> str:
    return settings.PORTAL_BASE_URL + path


def default_description(clinic_name: str) -> str:
    return gettext("Plain-language information for patients of %(clinic)s about ketamine therapy.") % {
        "clinic": clinic_name
    }


def cms_content(request, language: str):
    """The CMS page content shown for this request, or None on a page that is not a CMS page."""
    page = getattr(request, "current_page", None)
    if not isinstance(page, Page):
        return None
    return page.get_content_obj(language, fallback=False)


def json_ld(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


def page_data(*, request, content, language, title, description, url, clinic_name) -> dict:
    """The schema.org description of one page: MedicalWebPage for guide pages."""
    page = content.page if content else None
    plain = page is None or page.is_home or page.reverse_id in PLAIN_PAGE_REVERSE_IDS
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage" if plain else "MedicalWebPage",
        "name": title,
        "description": description,
        "url": url,
        "inLanguage": language,
        "publisher": {"@type": "MedicalOrganization", "name": clinic_name},
    }
    if not plain:
        data["audience"] = {"@type": "Patient"}
        review = footer_for(content)["review"] if getattr(content, "pk", None) else None
        if review:
            data["lastReviewed"] = review["reviewed_on"].isoformat()
            data["reviewedBy"] = {
                "@type": "Person",
                "name": review["reviewer_name"],
                "jobTitle": review["reviewer_title"],
            }
    return data
