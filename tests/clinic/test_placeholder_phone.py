"""The fictional placeholder number is for the local demo only: a production site never offers it."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from clinic.details import forget_clinic_details
from clinic.models import ProviderCallToAction
from tests.support.factories import make_page

pytestmark = pytest.mark.django_db


def test_production_pages_offer_the_contact_link_instead_of_the_fictional_number(client):
    page = make_page("About")
    forget_clinic_details(1)
    with override_settings(SHOW_PLACEHOLDER_PHONE=False):
        html = client.get(page.get_absolute_url()).content.decode()
    assert "555" not in html and "tel:+1202" not in html
    assert '<a href="mailto:care@clinic.example">Email the clinic</a>' in html


def test_the_local_demo_keeps_the_placeholder_so_the_box_is_complete(client):
    page = make_page("About")
    forget_clinic_details(1)
    assert 'href="tel:+12025550100"' in client.get(page.get_absolute_url()).content.decode()


def test_a_real_number_is_shown_in_production(client):
    ProviderCallToAction.objects.filter(site_id=1).update(phone_number="+44 1865 902 000")
    page = make_page("About")
    forget_clinic_details(1)
    with override_settings(SHOW_PLACEHOLDER_PHONE=False):
        html = client.get(page.get_absolute_url()).content.decode()
    assert '<a href="tel:+441865902000">+44 1865 902 000</a>' in html


def test_check_deploy_warns_about_the_placeholder_until_a_real_number_is_set():
    with pytest.raises(SystemCheckError, match=r"clinic\.W001"):
        call_command("check", deploy=True, fail_level="WARNING", tags=["compatibility"])
    ProviderCallToAction.objects.filter(site_id=1).update(phone_number="+44 1865 902 000")
    call_command("check", deploy=True, fail_level="WARNING", tags=["compatibility"])


def test_staff_see_a_warning_in_the_toolbar_while_the_number_is_a_placeholder():
    from tests.support.factories import make_user, staff_client

    page = make_page("About")
    editor = staff_client(make_user("Editor"))
    assert 'data-testid="placeholder-phone-warning"' in editor.get(page.get_absolute_url()).content.decode()
    ProviderCallToAction.objects.filter(site_id=1).update(phone_number="+44 1865 902 000")
    assert (
        'data-testid="placeholder-phone-warning"' not in editor.get(page.get_absolute_url()).content.decode()
    )
