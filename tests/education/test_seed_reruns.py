"""The demo guide's seed run again: over itself it doubles nothing, and over an older guide it adds
the pages new to it in their place."""

import re

import pytest
from cms.models import Page, PageContent
from django.core.management import call_command
from djangocms_versioning.models import Version

from education.demo.guide import GUIDE

from .test_seed import EXPECTED_NAVIGATION

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo_guide", verbosity=0)


def test_running_the_seed_twice_doubles_nothing():
    seed()
    counts = (Page.objects.count(), PageContent.admin_manager.count(), Version.objects.count())
    seed()
    assert (Page.objects.count(), PageContent.admin_manager.count(), Version.objects.count()) == counts
    assert counts[0] == len(GUIDE)


def test_a_page_new_to_the_seed_joins_an_older_guide_in_its_place(client, monkeypatch):
    from education.management.commands import seed_demo_guide

    older = [spec for spec in GUIDE if spec["reverse_id"] != "before-your-appointment"]
    monkeypatch.setattr(seed_demo_guide, "GUIDE", older)
    seed()
    monkeypatch.setattr(seed_demo_guide, "GUIDE", GUIDE)
    seed()
    html = client.get("/").content.decode()
    nav = re.search(r'<nav class="site-nav[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert re.findall(r">([^<>]+)</a>", nav) == EXPECTED_NAVIGATION
