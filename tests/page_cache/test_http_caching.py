"""What browsers and shared caches get from the page cache: gzip once, ETag and 304, cache headers."""

import gzip

import pytest
from django.test import Client

from tests.support.factories import log_in_with_second_factor, make_page, make_user

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture
def page():
    return make_page("Your infusion day", body="<p>" + "A nurse stays with you. " * 80 + "</p>")


def test_pages_are_sent_gzip_compressed_to_clients_that_accept_it(client, page):
    plain = client.get(page.get_absolute_url())
    compressed = client.get(page.get_absolute_url(), **GZIP)
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3
    assert int(compressed["Content-Length"]) == len(compressed.content)
    for response in (plain, compressed):
        assert "Accept-Encoding" in response["Vary"]
        assert "Cookie" in response["Vary"]


def test_a_compressed_page_from_the_page_cache_costs_no_query(client, page, django_assert_num_queries):
    first = client.get(page.get_absolute_url(), **GZIP)
    with django_assert_num_queries(0):
        again = client.get(page.get_absolute_url(), **GZIP)
    assert again.content == first.content  # compressed once, sent as stored
    assert again["ETag"] == first["ETag"]


def test_a_matching_etag_gets_304_from_the_page_cache_with_no_query(client, page, django_assert_num_queries):
    first = client.get(page.get_absolute_url())
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')  # a strong validator
    with django_assert_num_queries(0):
        revalidated = client.get(page.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert revalidated["ETag"] == etag
    assert revalidated["Cache-Control"] == first["Cache-Control"]
    # A CDN may weaken the tag; a list of tags matches if one does.
    assert client.get(page.get_absolute_url(), HTTP_IF_NONE_MATCH=f'"old", W/{etag}').status_code == 304
    assert client.get(page.get_absolute_url(), HTTP_IF_NONE_MATCH='"old"').status_code == 200


def test_a_publish_changes_the_etag(client, page):
    from tests.support.factories import make_draft_edit, make_superuser

    before = client.get(page.get_absolute_url())["ETag"]
    author = make_superuser("etag-author")
    make_draft_edit(page, "<p>The new text of the infusion page.</p>", author).publish(author)
    after = client.get(page.get_absolute_url(), HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200
    assert "The new text" in after.content.decode()
    assert after["ETag"] != before


def test_without_a_purged_frontend_cache_every_cache_revalidates(client, page, settings):
    settings.PORTAL_SHARED_CACHE_SECONDS = 0
    response = client.get(page.get_absolute_url())
    assert response["Cache-Control"] == "public, no-cache"


def test_shared_caches_may_keep_pages_that_the_portal_purges_but_browsers_revalidate(client, page, settings):
    settings.PORTAL_SHARED_CACHE_SECONDS = 86400
    settings.PORTAL_STALE_IF_ERROR_SECONDS = 3600
    for _ in range(2):  # fresh render, then the page cache
        cache_control = client.get(page.get_absolute_url())["Cache-Control"]
        directives = {part.strip() for part in cache_control.split(",")}
        assert directives == {"public", "max-age=0", "s-maxage=86400", "stale-if-error=3600"}


def test_errors_staff_pages_and_forms_are_never_shared(client, page, settings):
    settings.PORTAL_SHARED_CACHE_SECONDS = 86400
    not_found = client.get("/no-such-page/")
    assert not_found.status_code == 404
    assert "private" in not_found["Cache-Control"]
    assert "private" in client.get("/admin/login/")["Cache-Control"]
    assert "private" in client.get(page.get_absolute_url() + "?print=1")["Cache-Control"]

    staff = Client()
    log_in_with_second_factor(staff, make_user("Editor"))
    response = staff.get(page.get_absolute_url(), **GZIP)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "ETag" not in response  # never from the page cache (compressed on the way out instead)


def test_the_plain_and_the_gzip_page_carry_their_own_strong_etag_and_each_revalidates(client, page):
    url = page.get_absolute_url()
    plain = client.get(url)
    compressed = client.get(url, **GZIP)
    assert compressed["Content-Encoding"] == "gzip"
    assert plain["ETag"] != compressed["ETag"]  # RFC 9110, 8.8.3: one validator per representation
    assert not plain["ETag"].startswith("W/") and not compressed["ETag"].startswith("W/")
    assert client.get(url, HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304
    again = client.get(url, HTTP_IF_NONE_MATCH=compressed["ETag"], **GZIP)
    assert again.status_code == 304 and again["ETag"] == compressed["ETag"]
    # A tag of the other representation does not validate this one.
    assert client.get(url, HTTP_IF_NONE_MATCH=compressed["ETag"]).status_code == 200
