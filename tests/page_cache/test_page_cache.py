"""Patients get cached pages fast, and never an outdated one after a change staff would expect to see."""

import re

import pytest
from cms.cache import invalidate_cms_page_cache
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.test import Client

from clinic.constants import CRISIS_PAGE_REVERSE_ID
from clinic.details import forget_clinic_details
from clinic.models import ProviderCallToAction
from page_cache import store
from tests.support.factories import (
    make_draft_edit,
    make_page,
    make_superuser,
    make_user,
    staff_client,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    """A small published guide: home, a crisis page and the page under test."""
    author = make_superuser("guide-author")
    home = make_page("Welcome", template="education/pages/home.html", author=author)
    home.set_as_homepage()
    make_page("Get help now", reverse_id=CRISIS_PAGE_REVERSE_ID, author=author)
    page = make_page("Your infusion day", body="<p>The infusion takes about 40 minutes.</p>", author=author)
    return {"author": author, "home": home, "page": page, "url": page.get_absolute_url()}


def nav_titles(html: str) -> list[str]:
    nav = re.search(r'<nav class="site-nav[^>]*>(.*?)</nav>', html, re.S).group(1)
    return re.findall(r">([^<>]+)</a>", nav)


def test_a_warm_page_costs_no_query_and_a_cold_one_at_most_ten_after_a_publish(
    client, guide, django_assert_num_queries, django_assert_max_num_queries
):
    # A server's very first render also reads the clinic's details and this version's review
    # footer once; both stay cached until they change.
    with django_assert_max_num_queries(11):
        assert client.get(guide["url"]).status_code == 200
    with django_assert_num_queries(0):
        assert client.get(guide["url"]).status_code == 200

    # The first view after a publish elsewhere in the guide (the usual cold render) stays within 10.
    make_draft_edit(guide["home"], "<p>New welcome.</p>", guide["author"]).publish(guide["author"])
    with django_assert_max_num_queries(10):
        response = client.get(guide["url"])
    assert "about 40 minutes" in response.content.decode()
    with django_assert_num_queries(0):
        assert client.get(guide["url"]).status_code == 200


def test_a_cached_page_carries_exactly_the_headers_and_body_of_a_fresh_one(client, guide):
    fresh = client.get(guide["url"])
    cached = client.get(guide["url"])
    assert dict(cached.items()) == dict(fresh.items())
    assert cached.content == fresh.content
    # Browsers and CDNs re-check every time, so none of them keeps old clinical text after a publish.
    assert fresh["Cache-Control"] == "public, no-cache"
    assert "Expires" not in fresh


def test_a_cached_page_carries_the_page_feedback_form_with_nothing_personal_in_it(
    client, guide, django_assert_num_queries
):
    fresh = client.get(guide["url"]).content.decode()
    with django_assert_num_queries(0):
        cached = Client().get(guide["url"]).content.decode()
    assert cached == fresh
    form = re.search(r'<form class="page-feedback".*?</form>', cached, re.S).group(0)
    assert "Was this page useful?" in form
    assert f'name="page" value="{guide["page"].pk}"' in form
    assert "csrf" not in cached.lower()


def test_head_requests_are_answered_from_the_cache(client, guide, django_assert_num_queries):
    client.get(guide["url"])
    with django_assert_num_queries(0):
        response = client.head(guide["url"])
    assert response.status_code == 200
    assert int(response["Content-Length"]) > 0


def test_unpublishing_a_page_takes_it_away_at_once(client, guide):
    from djangocms_versioning.models import Version

    from tests.support.factories import page_content

    assert client.get(guide["url"]).status_code == 200
    Version.objects.get_for_content(page_content(guide["page"])).unpublish(guide["author"])
    response = client.get(guide["url"])
    assert response.status_code == 404
    assert "about 40 minutes" not in response.content.decode()


def test_a_page_published_at_a_cached_not_found_address_appears_at_once(client, guide):
    assert client.get("/new-after-care/").status_code == 404
    assert client.get("/new-after-care/").status_code == 404
    make_page("After-care", slug="new-after-care", author=guide["author"])
    assert client.get("/new-after-care/").status_code == 200


def test_moving_a_page_in_the_admin_changes_the_navigation_at_once(client, guide):
    assert nav_titles(client.get(guide["url"]).content.decode())[-1] == "Your infusion day"
    staff = staff_client(guide["author"])
    response = staff.post(f"/admin/cms/page/{guide['page'].pk}/move-page/", {"position": 0})
    assert response.status_code == 200, response.content

    assert nav_titles(client.get(guide["url"]).content.decode())[0] == "Your infusion day"


def test_changing_the_site_renders_pages_again(client, guide, django_assert_max_num_queries):
    client.get(guide["url"])
    site = Site.objects.get_current()
    site.name = "Riverside guide"
    site.save()
    with django_assert_max_num_queries(10) as queries:
        client.get(guide["url"])
    assert len(queries) > 0


def test_a_change_made_by_another_process_is_seen_within_the_check_interval(client, guide, settings):
    assert "+1 202 555 0100" in client.get(guide["url"]).content.decode()
    # What another worker leaves behind when it saves the call to action: the new row, the shared
    # caches moved on, and nothing at all in this process's memory.
    ProviderCallToAction.objects.filter(site_id=1).update(phone_number="+44 1865 902 000")
    forget_clinic_details(1)
    invalidate_cms_page_cache()
    cache.set(store.VERSION_KEY, "set-by-another-worker", timeout=None)

    settings.PAGE_CACHE_CHECK_INTERVAL = 60  # not yet time to look at the shared version
    assert "+1 202 555 0100" in client.get(guide["url"]).content.decode()
    settings.PAGE_CACHE_CHECK_INTERVAL = 0
    assert "+44 1865 902 000" in client.get(guide["url"]).content.decode()


def test_staff_with_a_session_never_get_or_leave_a_cached_page(client, guide):
    client.get(guide["url"])  # an anonymous copy is cached
    staff = staff_client(make_user("Editor"))
    staff_html = staff.get(guide["url"]).content.decode()
    assert "cms-toolbar" in staff_html

    anonymous_html = Client().get(guide["url"]).content.decode()
    assert "cms-toolbar" not in anonymous_html


@pytest.mark.parametrize("query", ["?print=1", "?edit", "?toolbar_off", "?utm_source=leaflet"])
def test_addresses_with_a_query_string_are_neither_served_nor_stored(
    client, guide, query, django_assert_max_num_queries
):
    client.get(guide["url"])
    with django_assert_max_num_queries(20) as queries:
        response = client.get(guide["url"] + query)
    assert len(queries) > 0  # rendered, not taken from the cached plain page
    assert response.status_code in (200, 302)


def test_a_draft_seen_by_staff_is_not_cached_for_patients(client, guide):
    draft = make_draft_edit(guide["page"], "<p>Draft wording nobody has reviewed.</p>", guide["author"])
    staff = staff_client(guide["author"])
    staff.get(guide["url"] + "?edit")
    staff.get(draft.content.get_absolute_url())
    html = client.get(guide["url"]).content.decode()
    assert "about 40 minutes" in html
    assert "Draft wording" not in html


def test_after_the_publish_commits_both_page_caches_move_on_again(guide, django_capture_on_commit_callbacks):
    # A worker rendering between django CMS's own clear (inside the transaction) and the commit
    # would cache the old text; the after-commit step must make such copies unreachable.
    from cms.cache import _get_cache_version

    draft = make_draft_edit(guide["page"], "<p>New wording.</p>", guide["author"])
    with django_capture_on_commit_callbacks() as callbacks:
        draft.publish(guide["author"])
    before = (cache.get(store.VERSION_KEY), _get_cache_version())
    for callback in callbacks:
        callback()
    after = (cache.get(store.VERSION_KEY), _get_cache_version())
    assert after[0] != before[0]
    assert after[1] != before[1]


def test_unknown_addresses_take_no_place_in_the_shared_cache(client, guide, settings):
    from django.core.cache import cache

    # A memory cache, whichever the run uses, so its entries can be counted.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    client.get(guide["url"])
    before = len(cache._cache)
    for number in range(300):
        assert client.get(f"/no-such-page-{number}/").status_code == 404
    assert len(cache._cache) - before < 10  # not one entry per address
    assert client.get(guide["url"]).status_code == 200
