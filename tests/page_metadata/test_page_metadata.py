"""What every page tells search engines and link previews: one canonical link, a description,
Open Graph tags and, on guide pages, schema.org structured data valid against schema.org."""

import json
import re

import pytest
from django.conf import settings
from django.test import Client

from tests.support import schema_org
from tests.support.factories import make_page, make_reviewed_page
from tests.support.packs import issue, make_pack

pytestmark = pytest.mark.django_db


def canonical_links(html: str) -> list[str]:
    return re.findall(r'<link rel="canonical" href="([^"]*)">', html)


def meta(html: str, attribute: str, name: str) -> list[str]:
    return re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)


def json_ld(html: str) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


@pytest.fixture
def pages():
    home = make_page("Welcome", template="education/pages/home.html")
    home.set_as_homepage()
    reviewed = make_reviewed_page("Your infusion day", meta_description="What happens on the day.")
    unreviewed = make_page("About ketamine")
    privacy = make_page("Privacy", reverse_id="privacy")
    return {"home": home, "reviewed": reviewed, "unreviewed": unreviewed, "privacy": privacy}


def test_every_page_has_exactly_one_canonical_link_to_itself_without_a_query(client, pages):
    _, code = issue(make_pack([pages["reviewed"]]))
    for path in [
        "/",
        "/your-infusion-day/",
        "/your-infusion-day/?print=1",
        "/your-infusion-day/?utm_source=chat",
        "/privacy/",
        "/search/?q=infusion",
        "/es/buscar/?q=infusion",
        f"/p/{code}/",
    ]:
        html = Client().get(path).content.decode()
        assert canonical_links(html) == [settings.PORTAL_BASE_URL + path.split("?")[0]], path
        assert len(meta(html, "name", "description")) == 1, path
        assert meta(html, "name", "description")[0].strip(), path


def test_the_print_view_points_to_the_page_and_is_not_indexed(client, pages):
    html = client.get("/your-infusion-day/?print=1").content.decode()
    assert canonical_links(html) == [settings.PORTAL_BASE_URL + "/your-infusion-day/"]
    assert meta(html, "name", "robots") == ["noindex"]
    assert meta(client.get("/your-infusion-day/").content.decode(), "name", "robots") == []


def test_descriptions_come_from_the_page_or_say_what_the_guide_is(client, pages):
    assert meta(client.get("/your-infusion-day/").content.decode(), "name", "description") == [
        "What happens on the day."
    ]
    (fallback,) = meta(client.get("/about-ketamine/").content.decode(), "name", "description")
    assert "ketamine therapy" in fallback


def test_open_graph_and_twitter_tags_give_a_link_preview_its_title_and_summary(client, pages):
    html = client.get("/your-infusion-day/").content.decode()
    assert meta(html, "property", "og:title") == ["Your infusion day"]
    assert meta(html, "property", "og:description") == ["What happens on the day."]
    assert meta(html, "property", "og:url") == [settings.PORTAL_BASE_URL + "/your-infusion-day/"]
    (site_name,) = meta(html, "property", "og:site_name")
    assert site_name and site_name in html.split("<title>")[1].split("</title>")[0]
    assert meta(html, "property", "og:locale") == ["en_US"]
    assert meta(html, "name", "twitter:card") == ["summary"]
    assert meta(html, "property", "og:image") == []  # no logo uploaded: no image


def test_guide_pages_describe_themselves_as_a_medical_web_page_valid_for_schema_org(client, pages):
    (data,) = json_ld(client.get("/your-infusion-day/").content.decode())
    assert schema_org.errors(data) == []
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == "Your infusion day"
    assert data["description"] == "What happens on the day."
    assert data["inLanguage"] == "en"
    assert data["audience"] == {"@type": "Patient"}
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr Asha Patel",
        "jobTitle": "Consultant psychiatrist",
    }
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["lastReviewed"])
    assert data["publisher"]["@type"] == "MedicalOrganization" and data["publisher"]["name"]


def test_a_page_without_a_review_claims_none_and_the_home_and_privacy_pages_are_web_pages(client, pages):
    (unreviewed,) = json_ld(client.get("/about-ketamine/").content.decode())
    assert schema_org.errors(unreviewed) == []
    assert "reviewedBy" not in unreviewed and "lastReviewed" not in unreviewed
    for path in ("/", "/privacy/"):
        (data,) = json_ld(client.get(path).content.decode())
        assert data["@type"] == "WebPage"
        assert schema_org.errors(data) == []


def test_the_schema_org_check_can_fail():
    assert schema_org.errors({"@type": "MedicalWebPage", "lastReviewed": "last week"})
    assert schema_org.errors({"@type": "MedicalWebPage", "reviewedBy": {"@type": "Patient"}}) == []
    assert schema_org.errors({"@type": "MedicalWebPage", "audience": {"@type": "Person"}})
    assert schema_org.errors({"@type": "WebPage", "jobTitle": "Nurse"})
    assert schema_org.errors({"@type": "MedicalWebPages"})


def test_structured_data_is_data_under_the_strict_policy_and_cannot_close_its_script(client):
    make_page("Risks </script><script>alert(1)</script>", meta_description="A & B <b>", slug="risks")
    response = client.get("/risks/")
    html = response.content.decode()
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert "<" not in block and ">" not in block
    assert json.loads(block)["name"] == "Risks </script><script>alert(1)</script>"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
