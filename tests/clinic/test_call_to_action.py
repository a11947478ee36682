"""Administrators edit the call to action in one place; bad contact details are refused clearly."""

import pytest
from django.contrib.sites.models import Site

from clinic.models import ProviderCallToAction
from tests.support.factories import log_in_with_second_factor, make_page, make_user

pytestmark = pytest.mark.django_db


def change_url():
    cta = ProviderCallToAction.objects.get(site_id=1)
    return f"/admin/clinic/providercalltoaction/{cta.pk}/change/"


def form_data(**changes):
    from clinic.models import CallToActionWording

    # The inline for the other languages' wording, as the admin's form sends it back unchanged.
    wordings = list(CallToActionWording.objects.filter(call_to_action__site_id=1))
    data = {
        "wordings-TOTAL_FORMS": str(len(wordings)),
        "wordings-INITIAL_FORMS": str(len(wordings)),
        "wordings-MIN_NUM_FORMS": "0",
        "wordings-MAX_NUM_FORMS": "1000",
    }
    for index, wording in enumerate(wordings):
        data.update(
            {
                f"wordings-{index}-id": str(wording.pk),
                f"wordings-{index}-call_to_action": str(wording.call_to_action_id),
                f"wordings-{index}-language": wording.language,
                f"wordings-{index}-heading": wording.heading,
                f"wordings-{index}-message": wording.message,
                f"wordings-{index}-contact_label": wording.contact_label,
            }
        )
    data |= {
        "site": "1",
        "clinic_name": "Riverside Ketamine Clinic",
        "heading": "Talk to a licensed healthcare provider",
        "message": "Always talk to a licensed healthcare provider before you change any treatment.",
        "phone_number": "+44 1865 902 000",
        "contact_url": "https://riverside.example/book",
        "contact_label": "Book or change an appointment",
    }
    data.update(changes)
    return data


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
        response = administrator_client.post(change_url(), form_data())
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
    response = administrator_client.post(change_url(), form_data(phone_number=phone))
    assert response.status_code == 200
    html = response.content.decode()
    assert "phone number" in html.lower()
    assert ProviderCallToAction.objects.get(site_id=1).phone_number == "+1 202 555 0100"


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
    response = administrator_client.post(change_url(), form_data(contact_url=link))
    assert response.status_code == 200
    assert "Use a link that starts with https://, http://, mailto: or tel:" in response.content.decode()
    assert ProviderCallToAction.objects.get(site_id=1).contact_url == "mailto:care@clinic.example"


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("https://", "Enter a complete web address"),
        ("mailto:not-an-address", "Enter an email address after mailto:"),
        ("tel:call-me", "Enter a phone number"),
    ],
)
def test_an_incomplete_contact_link_explains_itself(administrator_client, link, message):
    response = administrator_client.post(change_url(), form_data(contact_url=link))
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "link", ["mailto:care@riverside.example", "tel:+441865902000", "http://riverside.example/"]
)
def test_web_email_and_phone_links_are_accepted(administrator_client, link):
    response = administrator_client.post(change_url(), form_data(contact_url=link))
    assert response.status_code == 302
    assert ProviderCallToAction.objects.get(site_id=1).contact_url == link


def test_required_fields_cannot_be_left_empty(administrator_client):
    response = administrator_client.post(
        change_url(), form_data(clinic_name="", phone_number="", contact_url="")
    )
    assert response.status_code == 200
    assert response.content.decode().count("This field is required.") == 3


def test_the_call_to_action_cannot_be_deleted_or_duplicated(administrator_client):
    cta = ProviderCallToAction.objects.get(site_id=1)
    assert administrator_client.get(f"/admin/clinic/providercalltoaction/{cta.pk}/delete/").status_code == 403
    assert administrator_client.get("/admin/clinic/providercalltoaction/add/").status_code == 403


def test_editors_cannot_change_the_call_to_action(client):
    log_in_with_second_factor(client, make_user("Editor"))
    assert client.get(change_url()).status_code == 403
