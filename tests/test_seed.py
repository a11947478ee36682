"""The demo guide: complete, in order, idempotent, plain enough to read, and marked as an example."""

import re

import pytest
import textstat
from cms.models import Page, PageContent
from django.core.management import call_command
from djangocms_versioning.models import Version

from education.demo.guide import GUIDE

pytestmark = pytest.mark.django_db

EXPECTED_NAVIGATION = [
    "Home",
    "About ketamine therapy",
    "Your assessment",
    "Your infusion day",
    "After your first course",
    "Risks and side effects",
    "Get help now",
]


def seed():
    call_command("seed_demo_guide", verbosity=0)


def visible_text(html: str) -> str:
    """The words a patient reads in the main article, without markup."""
    article = re.search(r"<article[^>]*>(.*?)</article>", html, re.S).group(1)
    text = re.sub(r"<[^>]+>", " ", article)
    text = re.sub(r"&[a-z]+;", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def test_seed_creates_the_guide_in_navigation_order(client):
    seed()
    html = client.get("/").content.decode()
    nav = re.search(r'<nav class="site-nav[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert re.findall(r">([^<>]+)</a>", nav) == EXPECTED_NAVIGATION


def test_running_the_seed_twice_doubles_nothing():
    seed()
    counts = (Page.objects.count(), PageContent.admin_manager.count(), Version.objects.count())
    seed()
    assert (Page.objects.count(), PageContent.admin_manager.count(), Version.objects.count()) == counts
    assert counts[0] == len(GUIDE)


def test_every_seeded_page_is_published_by_a_real_user_and_marked_as_example(client):
    seed()
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
def test_seeded_page_reads_at_grade_8_or_lower(client, spec):
    seed()
    page = Page.objects.get(reverse_id=spec["reverse_id"])
    text = visible_text(client.get(page.get_absolute_url()).content.decode())
    assert len(text.split()) > 40
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= 8, f"{spec['title']} reads at grade {grade}"


def test_crisis_page_gives_the_numbers_as_phone_links(client):
    seed()
    html = client.get("/get-help-now/").content.decode()
    for number in ["tel:988", "tel:911", "tel:999", "tel:111", "tel:116123"]:
        assert f'href="{number}"' in html


# --- Clinical governance (issue 3) ------------------------------------------------------------------
def test_seeded_pages_say_honestly_that_no_clinician_has_reviewed_them(client):
    from education.review_models import ClinicalReview

    seed()
    assert not ClinicalReview.objects.exists()  # the seed invents no review records
    for page in Page.objects.all():
        html = client.get(page.get_absolute_url()).content.decode()
        assert "This page has not had a clinical review yet." in html


def test_the_dashboard_lists_every_seeded_page_as_needing_review(client):
    from tests.factories import make_user

    seed()
    client.force_login(make_user("Clinical reviewer"))
    html = client.get("/staff/reviews/").content.decode()
    assert f"{len(GUIDE)} pages need a clinical review" in html
    assert html.count("Published without a clinical review") == len(GUIDE)
