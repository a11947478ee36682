"""What a search leaves behind (nothing about the searcher), and how its results page is cached."""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from site_search.models import SearchDocument, SearchWord
from tests.support.factories import make_page, make_superuser

pytestmark = pytest.mark.django_db

QUERY = "zanzibarquokka"


@pytest.fixture
def pages(after_commit):
    with after_commit():
        return [make_page(f"Page {n}", "<p>About the bladder.</p>") for n in range(3)]


def test_no_log_line_and_no_row_holds_the_query(client, caplog, pages):
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        for path, params in [
            ("/search/", {"q": QUERY}),
            ("/search/", {"q": f"bladder {QUERY}"}),
            ("/search/", {"q": QUERY, "page": "7"}),  # a 404, which Django logs
            ("/search/", {"q": QUERY, "page": "x"}),
            ("/es/buscar/", {"q": QUERY}),
            ("/search", {"q": QUERY}),  # redirected to /search/
        ]:
            assert client.get(path, params).status_code in (200, 301, 404)
    lines = [f"{record.getMessage()} {record.args!r}" for record in caplog.records]
    assert any("Not Found: /search/" in line for line in lines)  # the path is logged, nothing more
    assert not [line for line in lines if QUERY in line]
    # Nothing written anywhere holds it: only reads ran.
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
    ]
    assert not [sql for sql in writes if QUERY in sql]
    assert not SearchWord.objects.filter(key__contains=QUERY).exists()
    assert not SearchDocument.objects.filter(body__contains=QUERY).exists()


def test_results_pages_are_cached_like_guide_pages_and_publishing_refreshes_them(client, pages, after_commit):
    guide = client.get(pages[0].get_absolute_url())
    first = client.get("/search/", {"q": "bladder"})
    assert first["Cache-Control"] == guide["Cache-Control"] == "public, no-cache"
    assert first["ETag"] and first["Referrer-Policy"] == "no-referrer"
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/search/", {"q": "bladder"})
    assert len(queries) == 0  # served from the page cache
    assert again.content == first.content
    assert client.get("/search/", {"q": "bladder"}, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    with after_commit():
        make_page("Page 4", "<p>Also about the bladder.</p>", author=make_superuser("other"))
    assert b"Page 4" in client.get("/search/", {"q": "bladder"}).content


def test_other_query_strings_are_never_cached(client, pages):
    client.get("/search/", {"q": "bladder", "utm_source": "x"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": "bladder", "utm_source": "x"})
    assert response.status_code == 200
    assert len(queries) > 0


def test_an_uncached_search_costs_the_same_queries_whatever_the_number_of_pages(client, after_commit):
    def queries_for_a_search() -> int:
        from page_cache import store

        # Once to fill the caches every page shares (clinic details, the menu), then measured.
        client.get("/search/", {"q": "bladder"})
        store.invalidate()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/search/", {"q": "bladder"}).status_code == 200
        return len(queries)

    with after_commit():
        author = make_superuser("many")
        for n in range(3):
            make_page(f"Page {n}", "<p>About the bladder.</p>", author=author)
    few = queries_for_a_search()
    with after_commit():
        for n in range(3, 25):
            make_page(f"Page {n}", "<p>About the bladder.</p>", author=author)
    assert queries_for_a_search() == few
