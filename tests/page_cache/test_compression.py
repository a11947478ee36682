"""Every HTML answer of 1 KB or more is compressed, private ones too; each static file's coding has
its own ETag; a HEAD has the GET's headers and no body. Through the test client, and through a
production gunicorn with collected (pre-compressed) static files."""

import gzip
import http.client
import json

import pytest
from django.test import Client

from tests.support.factories import PatientClient, make_page
from tests.support.packs import issue, make_pack
from tests.support.servers import TEST_SECRET_KEY, Gunicorn, migrated_sqlite_database, run_django

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture
def pack_code(db):
    page = make_page("Your infusion day", body="<p>" + "A nurse stays with you. " * 40 + "</p>")
    return issue(make_pack([page]))[1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/p/{code}/", "/p/{code}/1/", "/p/{code}/finish/", "/your-infusion-day/?print=1", "/admin/login/"],
)
def test_private_pages_are_compressed_for_browsers_that_accept_it(pack_code, path):
    address = path.format(code=pack_code)
    client = PatientClient() if address.startswith("/p/") else Client()
    plain = client.get(address)
    compressed = client.get(address, **GZIP)
    assert plain.status_code == compressed.status_code == 200
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content).decode().count("</html>") == 1
    assert len(compressed.content) < len(plain.content)
    for response in (plain, compressed):
        assert "accept-encoding" in response["Vary"].lower()
        assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_small_answer_is_sent_as_it_is(client):
    response = client.get("/robots.txt", **GZIP)
    assert len(response.content) < 1024 and "Content-Encoding" not in response


# Codes are kept as a hash keyed with SECRET_KEY: set up under the servers' key, and with a cache
# of the process's own (no Redis), so that nothing cached here reaches another test's pages.
SETUP_ENV = {"SECRET_KEY": TEST_SECRET_KEY, "REDIS_URL": ""}

SETUP = """
import json
from tests.support.factories import make_page
from tests.support.packs import issue, make_pack
page = make_page("Your infusion day", body="<p>" + "A nurse stays with you. " * 40 + "</p>")
print(json.dumps(issue(make_pack([page]))[1]))
"""


@pytest.fixture
def server(tmp_path):
    database_url = migrated_sqlite_database(tmp_path / "site.sqlite3")
    code = json.loads(run_django(SETUP, database_url=database_url, extra_env=SETUP_ENV))
    server = Gunicorn(database_url=database_url, redis_url=None, key_prefix="", workers=1, log_dir=tmp_path)
    server.wait_until_serving()
    yield server, code
    server.stop()


def request(server, method, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


@pytest.mark.own_sqlite
def test_head_answers_carry_the_get_headers_and_no_body(server):
    server, code = server
    for path in (f"/p/{code}/", "/your-infusion-day/", "/get-help-now-does-not-exist/"):
        get_status, get_headers, body = request(server, "GET", path, {"Accept-Encoding": "gzip"})
        head_status, head_headers, head_body = request(server, "HEAD", path, {"Accept-Encoding": "gzip"})
        assert head_status == get_status and head_body == b""
        assert get_headers["content-length"] == str(len(body))
        if path.startswith("/p/") or get_status == 404:
            # Not from the page cache: padded by up to 100 random bytes at each compression (BREACH).
            assert abs(int(head_headers["content-length"]) - len(body)) <= 100
        else:
            assert head_headers["content-length"] == get_headers["content-length"]
        assert head_headers.get("content-encoding") == get_headers.get("content-encoding")
    assert "HEAD" not in server.log() and "body" not in server.log().lower()


@pytest.mark.own_sqlite
def test_each_coding_of_a_static_file_has_its_own_etag_and_each_revalidates(server):
    server, _code = server
    _, _, page = request(server, "GET", "/your-infusion-day/")
    stylesheet = page.decode().split('href="/static/css/portal.', 1)[1].split('"', 1)[0]
    path = f"/static/css/portal.{stylesheet}"
    tags = {}
    for coding in ("br", "gzip", "identity"):
        status, headers, _ = request(server, "GET", path, {"Accept-Encoding": coding})
        assert status == 200
        assert headers.get("content-encoding", "identity") == coding
        assert "Accept-Encoding" in headers["vary"]
        tags[coding] = headers["etag"]
        again, revalidated, _ = request(
            server, "GET", path, {"Accept-Encoding": coding, "If-None-Match": tags[coding]}
        )
        assert again == 304 and revalidated["etag"] == tags[coding]
    assert len(set(tags.values())) == 3 and not any(tag.startswith("W/") for tag in tags.values())
