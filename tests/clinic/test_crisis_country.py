"""Patients see the crisis numbers of the clinic's country wherever numbers appear, in both languages."""

import re

import pytest
from django.test import Client

from clinic.models import CallToActionWording, ProviderCallToAction
from tests.support.factories import call_to_action_form, call_to_action_url, make_user, staff_client
from tests.support.fixtures import seeded_once_per_module
from tests.support.packs import issue

pytestmark = pytest.mark.django_db

US = {"988", "911"}
UK = {"999", "111", "116123"}
IRELAND = {"112", "116123"}
EXPECTED = {"us": US, "uk": UK, "both": US | UK, "other": IRELAND}
# The pages a patient reaches, by reverse id of the seeded page, in each language.
RISKS = {"en": "/risks-and-side-effects/", "es": "/es/riesgos-y-efectos-secundarios/"}
CRISIS_PAGE = {"en": "/get-help-now/", "es": "/es/pida-ayuda-ahora/"}
PREFIX = {"en": "", "es": "/es"}


seeded = seeded_once_per_module("seed_demo_guide", "seed_demo_packs")


def choose(country: str) -> None:
    """Set the country as the admin form would, words in Spanish included (post_save clears the caches)."""
    cta = ProviderCallToAction.objects.get(site_id=1)
    cta.crisis_country = country
    cta.crisis_region = "IE" if country == "other" else ""
    cta.crisis_numbers = (
        "Emergency services: 112\nSamaritans Ireland (free, day and night): 116 123"
        if country == "other"
        else ""
    )
    cta.full_clean()
    cta.save()
    wording = CallToActionWording.objects.get(call_to_action=cta, language="es")
    wording.crisis_numbers = (
        "Emergencias: 112\nSamaritans Irlanda (gratis, de día y de noche): 116 123"
        if country == "other"
        else ""
    )
    wording.full_clean()
    wording.save()


def numbers_in(html: str) -> set[str]:
    return set(re.findall(r'href="tel:\+?(\d+)"', html))


def part(html: str, pattern: str) -> str:
    found = re.search(pattern, html, re.S)
    assert found, pattern
    return found.group(0)


SIGNPOST = r'<aside class="crisis-signpost wrap"[^>]*>.*?</aside>'
PRINTED_SIGNPOST = r'<aside class="crisis-signpost wrap print-only"[^>]*>.*?</aside>'
EMERGENCY_CARD = r'<section class="care-card care-card--emergency".*?</section>'
CRISIS_PAGE_NUMBERS = r'<div class="crisis-numbers".*?</div>'


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("country", ["us", "uk", "both", "other"])
def test_every_place_with_crisis_numbers_follows_the_clinic_country(client, seeded, country, language):
    choose(country)
    expected = EXPECTED[country]
    risks = client.get(RISKS[language]).content.decode()
    places = {
        "crisis box": part(risks, SIGNPOST),
        "emergency care card": part(risks, EMERGENCY_CARD),
        "crisis page": part(client.get(CRISIS_PAGE[language]).content.decode(), CRISIS_PAGE_NUMBERS),
        "printed page": part(client.get(f"{PREFIX[language]}/?print=1").content.decode(), PRINTED_SIGNPOST),
        "404 page": part(client.get(f"{PREFIX[language]}/no-such-page/").content.decode(), PRINTED_SIGNPOST),
    }
    for place, html in places.items():
        assert numbers_in(html) == expected, (place, numbers_in(html))
    crisis_page = client.get(CRISIS_PAGE[language]).content.decode()
    if language == "es" and country in ("us", "both"):
        assert "marque 2" in places["crisis page"] and "AYUDA" in places["crisis page"]
        assert "marque 2" in places["crisis box"]
    if country == "other":
        label = "Samaritans Irlanda" if language == "es" else "Samaritans Ireland"
        assert label in places["crisis box"] and label in places["crisis page"]
    if country == "us":
        assert "A&amp;E" not in risks and "NHS 111" not in crisis_page
    if country == "uk":
        assert "Suicide &amp; Crisis Lifeline" not in crisis_page and "988" not in risks


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("country", ["us", "uk", "other"])
def test_the_crisis_box_in_a_reading_pack_and_on_its_slip_follows_the_clinic_country(
    client, seeded, country, language
):
    from reading_packs.models import ReadingPack

    choose(country)
    pack = ReadingPack.objects.get(slug="first-infusion")
    coordinator = staff_client(make_user("Care coordinator"))
    slip = coordinator.post(
        f"/staff/packs/{pack.slug}/issue/", {"language": language}, follow=True
    ).content.decode()
    assert numbers_in(part(slip, r'<div class="slip__crisis".*?</div>')) == EXPECTED[country]
    _issued, code = issue(pack, language=language)
    page = client.get(f"{PREFIX[language]}/p/{code}/1/").content.decode()
    assert numbers_in(part(page, SIGNPOST)) == EXPECTED[country]


@pytest.mark.urls("tests.support.urls_with_crash")
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("country", ["us", "uk"])
def test_the_500_page_gives_the_clinic_country_numbers_and_its_language_crisis_page(
    seeded, country, language
):
    choose(country)
    response = Client(raise_request_exception=False).get(f"{PREFIX[language]}/crash-for-test/")
    assert response.status_code == 500
    html = response.content.decode()
    assert numbers_in(part(html, SIGNPOST)) == EXPECTED[country]
    assert f'<a class="get-help-now" href="{CRISIS_PAGE[language]}">' in html


@pytest.mark.urls("tests.support.urls_with_database_outage")
@pytest.mark.parametrize("language", ["en", "es"])
def test_while_the_database_is_down_the_503_page_gives_both_countries_and_its_language_crisis_page(language):
    response = Client(raise_request_exception=False).get(f"{PREFIX[language]}/database-down-for-test/")
    assert response.status_code == 503
    html = response.content.decode()
    assert numbers_in(part(html, SIGNPOST)) == US | UK  # the clinic's choice cannot be read: both
    assert f'<a class="get-help-now" href="{CRISIS_PAGE[language]}">' in html


def test_the_form_offers_the_countries_by_name_with_both_as_the_default(administrator_client):
    html = administrator_client.get(call_to_action_url()).content.decode()
    for label in ["United States", "United Kingdom", "United States and United Kingdom", "Another country"]:
        assert label in html
    assert re.search(r'<input type="radio" name="crisis_country" value="both"[^>]*checked', html)
    assert '<option value="IE">Ireland (+353)</option>' in html
    assert ProviderCallToAction.objects.get(site_id=1).crisis_country == "both"


def test_saving_the_country_in_the_admin_updates_every_cached_page_in_both_languages(
    administrator_client, seeded, django_capture_on_commit_callbacks
):
    anonymous = Client()
    for url in (*RISKS.values(), *CRISIS_PAGE.values()):
        assert numbers_in(anonymous.get(url).content.decode()) >= US | UK  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        response = administrator_client.post(call_to_action_url(), call_to_action_form(crisis_country="uk"))
    assert response.status_code == 302
    for url in (*RISKS.values(), *CRISIS_PAGE.values()):
        html = anonymous.get(url).content.decode()
        assert "988" not in html and "tel:911" not in html, url
        assert {"999", "111", "116123"} <= numbers_in(html), url


@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        (
            {"crisis_country": "other", "crisis_region": "", "crisis_numbers": "Emergency: 112"},
            "Choose the country where patients dial the clinic&#x27;s own numbers.",
        ),
        (
            {"crisis_country": "other", "crisis_region": "IE", "crisis_numbers": ""},
            "Enter at least one crisis number",
        ),
        (
            {"crisis_country": "other", "crisis_region": "IE", "crisis_numbers": "Lifeline: 988"},
            "“988” is not a phone number patients can dial in Ireland",
        ),
        (
            {"crisis_country": "other", "crisis_region": "IE", "crisis_numbers": "Emergency: 11"},
            "“11” is not a phone number patients can dial in Ireland",
        ),
        (
            {"crisis_country": "us", "crisis_numbers": "Emergency: 112"},
            "These numbers are shown only for “Another country”",
        ),
        (
            {"crisis_country": "other", "crisis_region": "IE", "crisis_numbers": "Emergency: one one two"},
            "“one one two” is not a phone number.",
        ),
    ],
)
def test_the_clinic_own_crisis_numbers_must_be_diallable_and_keep_what_was_typed(
    administrator_client, changes, field_message
):
    response = administrator_client.post(call_to_action_url(), call_to_action_form(**changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert field_message in html
    assert changes["crisis_numbers"] in html  # what was typed is still there
    assert ProviderCallToAction.objects.get(site_id=1).crisis_country == "both"


def test_the_spanish_words_must_list_the_same_numbers(administrator_client):
    data = call_to_action_form(
        crisis_country="other",
        crisis_region="IE",
        crisis_numbers="Emergency services: 112\nSamaritans: 116 123",
    )
    data["wordings-0-crisis_numbers"] = "Emergencias: 112\nSamaritans: 116 000"
    response = administrator_client.post(call_to_action_url(), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "List the same numbers as the clinic&#x27;s own crisis numbers above" in html
    assert "Samaritans: 116 000" in html
    data["wordings-0-crisis_numbers"] = "Emergencias: 112\nSamaritans: 116 123"
    assert administrator_client.post(call_to_action_url(), data).status_code == 302
    assert ProviderCallToAction.objects.get(site_id=1).crisis_country == "other"
