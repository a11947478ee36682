from django import template

from education.site_settings import clinic_details, crisis_page_url

register = template.Library()


@register.simple_tag
def clinic_settings():
    return clinic_details()


@register.simple_tag
def get_help_now_url():
    return crisis_page_url()
