"""PORTAL_BASE_URL names the site: the Sites framework (CMS toolbar, links) never says example.com."""

import pytest
from django.contrib.sites.models import Site
from django.core.management import call_command

from tests.support.factories import make_page, make_user, staff_client

pytestmark = pytest.mark.django_db


def test_a_migrated_database_names_the_site_after_portal_base_url():
    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("127.0.0.1:8000", "127.0.0.1:8000")  # the debug default


def test_a_new_portal_base_url_renames_the_site_at_the_next_migrate_and_the_toolbar_shows_it(settings):
    settings.PORTAL_BASE_URL = "https://guide.clinic.example"
    call_command("migrate", verbosity=0)
    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("guide.clinic.example", "guide.clinic.example")
    page = make_page("About")
    html = staff_client(make_user("Editor")).get(page.get_absolute_url() + "?edit").content.decode()
    assert "guide.clinic.example" in html
    assert "example.com" not in html
