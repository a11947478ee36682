"""Administrators edit the call to action in one place; bad contact details are refused clearly."""

import pytest
from django.contrib.sites.models import Site

from clinic.models import ProviderCallToAction
from tests.support.factories import (
    call_to_action_form,
    call_to_action_url,
    log_in_with_second_factor,
    make_page,
    make_user,
)

pytestmark = pytest.mark.django_db


def test_every_install_has_a_call_to_action_for_its_site():
    cta = ProviderCallToAction.objects.get(site=Site.objects.get_current())
    assert cta.phone_href == "tel:+12025550100"


def test_saving_the_call_to_action_updates_every_page_at_once(
    administrator_client, client, django_capture_on_commit_callbacks
):
    page = make_page("About")
    anonymous = type(client)()
    assert "+1 202 555 0100" in anonymous.get(page.get_absolute_url()).content.decode()  # now cached

    with django_capture_on_commit_callbacks(execute=True):
        response = administrator_client.post(call_to_action_url(), call_to_action_form())
    assert response.status_code == 302

    for url in [page.get_absolute_url(), "/no-such-page/"]:
        html = anonymous.get(url).content.decode()
        assert '<a href="tel:+441865902000">+44 1865 902 000</a>' in html
        assert '<a href="https://riverside.example/book">Book or change an appointment</a>' in html
        assert "Riverside Ketamine Clinic" in html


@pytest.mark.parametrize(
    "phone",
    ["call us", "0800-CLINIC", "12", "+44 1865 902 000 ext 4", "1234567890123456789", "<script>"],
)
def test_a_phone_number_that_cannot_be_dialled_is_refused(administrator_client, phone):
    response = administrator_client.post(call_to_action_url(), call_to_action_form(phone_number=phone))
    assert response.status_code == 200
    html = response.content.decode()
    assert "phone number" in html.lower()
    assert ProviderCallToAction.objects.get(site_id=1).phone_number == "+1 202 555 0100"


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        # One digit short of the fictional demo number: the right characters, but no such number.
        ("+1 202 555 010", "“+1 202 555 010” is not a phone number patients can dial"),
        ("1234", "“1234” is not a phone number patients can dial in the United States or the United Kingdom"),
    ],
)
def test_a_number_with_digits_missing_is_refused_and_what_was_typed_is_kept(
    administrator_client, phone, message
):
    response = administrator_client.post(call_to_action_url(), call_to_action_form(phone_number=phone))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "check that no digit is missing or extra" in html
    assert f'name="phone_number" value="{phone}"' in html
    assert ProviderCallToAction.objects.get(site_id=1).phone_number == "+1 202 555 0100"


@pytest.mark.parametrize(
    ("phone", "country"),
    [
        ("+1 202 555 0100", {"crisis_country": "both"}),  # the fresh install's fictional number
        ("(202) 555-0100", {"crisis_country": "us"}),
        ("01865 902000", {"crisis_country": "uk"}),
        ("+44 1865 902 000", {"crisis_country": "us"}),
        (
            "(02) 1234 5678",
            {"crisis_country": "other", "crisis_region": "AU", "crisis_numbers": "Emergency: 000"},
        ),
    ],
)
def test_a_number_patients_can_dial_in_the_clinic_country_is_accepted(administrator_client, phone, country):
    response = administrator_client.post(
        call_to_action_url(), call_to_action_form(phone_number=phone, **country)
    )
    assert response.status_code == 302
    assert ProviderCallToAction.objects.get(site_id=1).phone_number == phone


def test_a_uk_number_without_its_country_code_is_refused_for_a_us_clinic(administrator_client):
    response = administrator_client.post(
        call_to_action_url(), call_to_action_form(phone_number="01865 902000", crisis_country="us")
    )
    assert response.status_code == 200
    assert "“01865 902000” is not a phone number patients can dial in the United States" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        " JavaScript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "/relative/path",
        "ftp://clinic.example/",
    ],
)
def test_an_unsafe_contact_link_is_refused_with_a_clear_message(administrator_client, link):
    response = administrator_client.post(call_to_action_url(), call_to_action_form(contact_url=link))
    assert response.status_code == 200
    assert "Use a link that starts with https://, http://, mailto: or tel:" in response.content.decode()
    assert ProviderCallToAction.objects.get(site_id=1).contact_url == "mailto:care@clinic.example"


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("https://", "Enter a complete web address"),
        ("mailto:not-an-address", "Enter an email address after mailto:"),
        ("tel:call-me", "Enter a phone number"),
        ("tel:1234", "“1234” is not a phone number patients can dial"),
    ],
)
def test_an_incomplete_contact_link_explains_itself(administrator_client, link, message):
    response = administrator_client.post(call_to_action_url(), call_to_action_form(contact_url=link))
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "link", ["mailto:care@riverside.example", "tel:+441865902000", "http://riverside.example/"]
)
def test_web_email_and_phone_links_are_accepted(administrator_client, link):
    response = administrator_client.post(call_to_action_url(), call_to_action_form(contact_url=link))
    assert response.status_code == 302
    assert ProviderCallToAction.objects.get(site_id=1).contact_url == link


def test_required_fields_cannot_be_left_empty(administrator_client):
    response = administrator_client.post(
        call_to_action_url(), call_to_action_form(clinic_name="", phone_number="", contact_url="")
    )
    assert response.status_code == 200
    assert response.content.decode().count("This field is required.") == 3


def test_the_call_to_action_cannot_be_deleted_or_duplicated(administrator_client):
    cta = ProviderCallToAction.objects.get(site_id=1)
    assert administrator_client.get(f"/admin/clinic/providercalltoaction/{cta.pk}/delete/").status_code == 403
    assert administrator_client.get("/admin/clinic/providercalltoaction/add/").status_code == 403


def test_editors_cannot_change_the_call_to_action(client):
    log_in_with_second_factor(client, make_user("Editor"))
    assert client.get(call_to_action_url()).status_code == 403
