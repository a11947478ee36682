import logging

from django import template
from django.db import DatabaseError

from clinic.constants import CRISIS_PAGE_REVERSE_ID
from clinic.details import clinic_details, crisis_page_fallback_url, published_page_url

logger = logging.getLogger(__name__)
register = template.Library()


@register.simple_tag
def clinic_settings():
    return clinic_details()


@register.simple_tag(takes_context=True)
def url_for_page(context, reverse_id: str):
    """The URL of a page found by its reverse id, or None if it has none.

    A page already loads the (cached) menu nodes for its navigation, hidden pages included; finding
    the page there saves a query on every cold render. Error pages have no menu and ask the database.
    """
    renderer = context.get("cms_menu_renderer")
    if renderer is not None:
        try:
            nodes = renderer.get_nodes()
        except DatabaseError:
            logger.warning("Database unavailable while reading the menu")
        else:
            # The menu holds every published page, hidden ones too: absent there means not published.
            return next(
                (node.get_absolute_url() for node in nodes if node.attr.get("reverse_id") == reverse_id), None
            )
    return published_page_url(reverse_id)


@register.simple_tag(takes_context=True)
def get_help_now_url(context):
    return url_for_page(context, CRISIS_PAGE_REVERSE_ID) or crisis_page_fallback_url()


@register.simple_tag
def crisis_page_fallback():
    """The crisis page's seeded address in the current language, found without the database."""
    return crisis_page_fallback_url()
