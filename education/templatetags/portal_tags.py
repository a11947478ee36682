import logging

from django import template
from django.db import DatabaseError

from education.site_settings import CRISIS_PAGE_REVERSE_ID, clinic_details, crisis_page_url

logger = logging.getLogger(__name__)
register = template.Library()


@register.simple_tag
def clinic_settings():
    return clinic_details()


@register.simple_tag(takes_context=True)
def get_help_now_url(context):
    # A page already loads the (cached) menu nodes for its navigation; finding the crisis page there
    # saves a query on every cold render. Error pages have no menu and ask the database instead.
    renderer = context.get("cms_menu_renderer")
    if renderer is not None:
        try:
            for node in renderer.get_nodes():
                if node.attr.get("reverse_id") == CRISIS_PAGE_REVERSE_ID:
                    return node.get_absolute_url()
        except DatabaseError:
            logger.warning("Database unavailable while reading the menu")
    return crisis_page_url()
