"""robots.txt and sitemap.xml, as a search engine reads them."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from djangocms_versioning.models import Version
from lxml import etree

from tests.support.factories import add_spanish_version, make_page, make_superuser, page_content

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parents[1] / "support" / "xml"
NAMESPACES = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def test_robots_txt_allows_the_guide_and_keeps_crawlers_out_of_private_and_endless_addresses(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    disallowed = {line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow: ")}
    assert disallowed == {
        "/p/",
        "/es/p/",
        "/staff/",
        "/admin/",
        "/feedback/",
        "/es/feedback/",
        "/search/",
        "/es/buscar/",
    }
    assert f"Sitemap: {settings.PORTAL_BASE_URL}/sitemap.xml" in lines


@pytest.fixture
def site():
    author = make_superuser("author")
    home = make_page("Welcome", template="education/pages/home.html", author=author)
    home.set_as_homepage()
    add_spanish_version(home, "Bienvenida", "bienvenida", "<p>Hola.</p>", author)
    about = make_page("About ketamine", author=author)
    add_spanish_version(about, "Sobre la ketamina", "sobre-la-ketamina", "<p>La ketamina.</p>", author)
    english_only = make_page("Only in English", author=author)
    make_page("Draft only", published=False, author=author)
    withdrawn = make_page("Withdrawn", author=author)
    Version.objects.get_for_content(page_content(withdrawn)).unpublish(author)
    return {"home": home, "about": about, "english_only": english_only}


def parse_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    document = etree.fromstring(response.content)
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    schema.assertValid(document)
    return document


def test_the_sitemap_is_valid_and_lists_every_published_page_in_each_language(client, site):
    document = parse_sitemap(client)
    locations = document.xpath("//s:url/s:loc/text()", namespaces=NAMESPACES)
    paths = sorted(urlsplit(location).path for location in locations)
    assert paths == sorted(["/", "/es/", "/about-ketamine/", "/es/sobre-la-ketamina/", "/only-in-english/"])
    assert all(location.startswith(settings.PORTAL_BASE_URL + "/") for location in locations)
    for path in paths:
        assert client.get(path).status_code == 200, path
    assert not [p for p in paths if p.startswith(("/p/", "/es/p/", "/staff/", "/admin/")) or "print" in p]


def test_each_page_names_its_other_language_and_the_date_its_version_was_published(client, site):
    document = parse_sitemap(client)
    entries = {
        urlsplit(url.findtext("s:loc", namespaces=NAMESPACES)).path: url
        for url in document.xpath("//s:url", namespaces=NAMESPACES)
    }
    about = entries["/about-ketamine/"]
    links = {
        link.get("hreflang"): urlsplit(link.get("href")).path
        for link in about.findall("xhtml:link", namespaces=NAMESPACES)
    }
    assert links == {"en": "/about-ketamine/", "es": "/es/sobre-la-ketamina/"}
    assert entries["/only-in-english/"].findall("xhtml:link", namespaces=NAMESPACES) == []
    published = Version.objects.get_for_content(page_content(site["about"])).modified
    assert about.findtext("s:lastmod", namespaces=NAMESPACES) == published.date().isoformat()
