"""The guide in Spanish under /es/: the same safety net on every page, no cookie, plain Spanish."""

import pytest
import textstat
from cms.models import Page, PageContent
from django.test import Client

from clinic.models import CallToActionWording
from education.demo.guide_es import GUIDE as GUIDE_ES
from governance.readability import rendered_html, text_of_html
from tests.support.factories import make_page
from tests.support.fixtures import seeded_once_per_module

pytestmark = pytest.mark.django_db


seeded = seeded_once_per_module("seed_demo_guide")


def spanish_urls():
    return [
        PageContent.objects.get(page__reverse_id=reverse_id, language="es").page.get_absolute_url("es")
        for reverse_id in GUIDE_ES
    ]


def test_every_seeded_page_has_a_spanish_version_with_the_safety_net(client, seeded):
    urls = spanish_urls()
    assert len(urls) == 10 and all(url.startswith("/es/") for url in urls)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="es">' in html
        assert "Contenido de ejemplo" in html
        assert 'data-testid="provider-call-to-action"' in html
        assert "Hable con un profesional de la salud con licencia" in html
        assert ">Pida ayuda ahora</a>" in html
        assert 'href="tel:988"' in html and "marque 2" in html and "AYUDA" in html
        assert 'hreflang="en"' in html
        assert not response.cookies, url
        assert "Accept-Language" not in response.get("Vary", "")


def test_the_language_link_goes_to_the_same_page_and_back(client, seeded):
    english = Page.objects.get(reverse_id="infusion-day").get_absolute_url("en")
    html = client.get(english).content.decode()
    assert 'href="/es/el-dia-de-su-infusion/" lang="es" hreflang="es" rel="alternate">Español</a>' in html
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/el-dia-de-su-infusion/">' in html
    spanish = client.get("/es/el-dia-de-su-infusion/").content.decode()
    assert f'href="{english}" lang="en" hreflang="en" rel="alternate">English</a>' in spanish


def test_a_page_not_yet_translated_links_to_the_spanish_home_and_says_so(client):
    home = make_page("Welcome", template="education/pages/home.html")
    home.set_as_homepage()
    page = make_page("Only in English")
    html = client.get(page.get_absolute_url()).content.decode()
    assert 'href="/es/" lang="es" hreflang="es">' in html
    assert "esta página aún no está traducida" in html
    assert client.get("/es/only-in-english/").status_code == 404  # never English text under /es/


def test_the_spanish_404_is_in_spanish_with_the_call_to_action(client, seeded):
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "No encontramos esta página" in html
    assert "Hable con un profesional de la salud con licencia" in html
    assert not response.cookies


def test_no_cookie_and_no_language_negotiation_in_either_language(seeded):
    browser = Client(HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")
    english = browser.get(Page.objects.get(reverse_id="infusion-day").get_absolute_url("en"))
    assert english.status_code == 200  # no redirect to /es/ because the browser prefers Spanish
    assert '<html lang="en">' in english.content.decode()
    for response in (english, browser.get("/es/el-dia-de-su-infusion/")):
        assert not response.cookies
        assert "Set-Cookie" not in response


def test_each_language_path_is_served_from_the_page_cache(client, seeded, django_assert_num_queries):
    english = Page.objects.get(reverse_id="infusion-day").get_absolute_url("en")
    for url in (english, "/es/el-dia-de-su-infusion/"):
        first = client.get(url)
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again.content == first.content
    assert client.get(english).content != client.get("/es/el-dia-de-su-infusion/").content


def test_administrators_word_the_call_to_action_per_language(client, seeded):
    wording = CallToActionWording.objects.get(language="es")
    wording.heading = "Consulte a su equipo de salud"
    wording.save()
    assert "Consulte a su equipo de salud" in client.get("/es/el-dia-de-su-infusion/").content.decode()
    english = client.get(Page.objects.get(reverse_id="infusion-day").get_absolute_url("en")).content.decode()
    assert "Talk to a licensed healthcare provider" in english
    assert "Consulte a su equipo" not in english
    # The number and links are shared by every language.
    assert 'href="tel:+12025550100"' in english


def test_every_seeded_spanish_page_reads_at_fernandez_huerta_70_or_higher(seeded):
    scores = {}
    textstat.set_lang("es")
    try:
        for reverse_id in GUIDE_ES:
            content = PageContent.objects.get(page__reverse_id=reverse_id, language="es")
            text = text_of_html(rendered_html(content))
            scores[reverse_id] = textstat.fernandez_huerta(text)
    finally:
        textstat.set_lang("en_US")
    print("Fernández-Huerta per Spanish page:", scores)
    assert all(score >= 70 for score in scores.values()), scores
