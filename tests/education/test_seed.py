"""The demo guide: complete, in order, plain enough to read, and marked as an example (run again:
test_seed_reruns.py)."""

import re

import pytest
import textstat
from cms.models import Page, PageContent
from django.conf import settings
from djangocms_versioning.models import Version

from education.demo.guide import GLOSSARY, GUIDE
from tests.support.fixtures import seeded_once_per_module

pytestmark = pytest.mark.django_db

EXPECTED_NAVIGATION = [
    "Home",
    "About ketamine therapy",
    "Your assessment",
    "Your infusion day",
    "After your first course",
    "Risks and side effects",
    "Before your appointment",
    "Get help now",
]
# The glossary is reached from every page's footer and from the words themselves, not the menu.
NOT_IN_NAVIGATION = {"glossary", "privacy"}


seeded = seeded_once_per_module("seed_demo_guide")


def visible_text(html: str) -> str:
    """The words a patient reads in the main article, without markup."""
    article = re.search(r"<article[^>]*>(.*?)</article>", html, re.S).group(1)
    text = re.sub(r"<[^>]+>", " ", article)
    text = re.sub(r"&[a-z]+;", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def test_seed_creates_the_guide_in_navigation_order(seeded, client):
    html = client.get("/").content.decode()
    nav = re.search(r'<nav class="site-nav[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert re.findall(r">([^<>]+)</a>", nav) == EXPECTED_NAVIGATION
    assert {spec["reverse_id"] for spec in GUIDE if not spec.get("in_navigation", True)} == NOT_IN_NAVIGATION


def test_every_seeded_page_is_published_by_a_real_user_and_marked_as_example(seeded, client):
    for page in Page.objects.all():
        content = PageContent.admin_manager.get(page=page, language="en")
        version = Version.objects.get_for_content(content)
        assert version.state == "published"
        assert version.created_by.username == "demo-content"
        response = client.get(page.get_absolute_url())
        assert response.status_code == 200
        assert "Example content." in response.content.decode()
        assert "must check this page before patients use it" in response.content.decode()


@pytest.mark.parametrize("spec", GUIDE, ids=[spec["reverse_id"] for spec in GUIDE])
def test_seeded_page_reads_at_grade_8_or_lower(seeded, client, spec):
    page = Page.objects.get(reverse_id=spec["reverse_id"])
    text = visible_text(client.get(page.get_absolute_url()).content.decode())
    assert len(text.split()) > 40
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= 8, f"{spec['title']} reads at grade {grade}"


def test_crisis_page_gives_the_numbers_as_phone_links(seeded, client):
    html = client.get("/get-help-now/").content.decode()
    for number in ["tel:988", "tel:911", "tel:999", "tel:111", "tel:116123"]:
        assert f'href="{number}"' in html


def test_the_privacy_page_is_linked_from_every_page_but_not_in_the_navigation(seeded, client):
    for url in ["/", "/your-assessment/", "/no-such-page/"]:
        html = client.get(url).content.decode()
        nav = re.search(r'<nav class="site-nav[^>]*>(.*?)</nav>', html, re.S)
        assert nav is None or "Privacy" not in nav.group(1)
        footer = re.search(r'<footer class="site-footer[^>]*>(.*?)</footer>', html, re.S).group(1)
        assert 'href="/privacy/"' in footer, url
    text = visible_text(client.get("/privacy/").content.decode())
    for promise in ["no cookies", "no trackers", "staff account and a log", "does not record who reads"]:
        assert promise in text


def test_seeded_pages_use_the_guide_building_blocks(seeded, client):
    infusion = client.get("/your-infusion-day/").content.decode()
    assert 'class="key-facts"' in infusion and 'class="steps"' in infusion
    assert '<details class="question">' in infusion
    assert '<dfn class="glossary-term">cannula</dfn>' in infusion
    risks = client.get("/risks-and-side-effects/").content.decode()
    assert "care-card--emergency" in risks and "care-card--urgent" in risks
    glossary = client.get("/glossary/").content.decode()
    assert glossary.count("<dt>") == len(GLOSSARY)
    checklist = client.get("/before-your-appointment/").content.decode()
    assert checklist.count('class="checklist"') == 2


# --- Clinical governance ------------------------------------------------------------------
def test_seeded_pages_say_honestly_that_no_clinician_has_reviewed_them(seeded, client):
    from governance.models import ClinicalReview

    assert not ClinicalReview.objects.exists()  # the seed invents no review records
    for page in Page.objects.all():
        html = client.get(page.get_absolute_url()).content.decode()
        assert "This page has not had a clinical review yet." in html


def test_the_dashboard_lists_every_seeded_page_as_needing_review(seeded, client):
    from tests.support.factories import log_in_with_second_factor, make_user

    log_in_with_second_factor(client, make_user("Clinical reviewer"))
    html = client.get("/staff/reviews/").content.decode()
    # Every page in each language: a translation needs its own review.
    versions = len(GUIDE) * len(settings.LANGUAGES)
    assert f"{versions} pages need a clinical review" in html
    # One line for them all, not a wall of identical red rows.
    assert f"{versions} example pages need their first clinical review" in html
    assert html.count("Published without a clinical review") == 0
