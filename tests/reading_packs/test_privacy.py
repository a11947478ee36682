"""Pack pages set no cookie, are never cached or indexed, send no Referer, and refuse posts from
other sites; the database holds no code that opens a pack."""

import pytest
from django.db import connection
from django.test import Client, override_settings

from reading_packs.models import IssuedPack, PageRead
from tests.support.packs import SAME_ORIGIN, expire, issue, make_pack, make_page_with_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack():
    page, check = make_page_with_check()
    issued, code = issue(make_pack([page]))
    return issued, code, check


def _every_kind_of_answer(code, check):
    client = Client()
    yield client.get("/p/")
    yield client.get(f"/p/{code}/")
    yield client.get(f"/p/{code}/1/")
    yield client.post(f"/p/{code}/1/answer/", {"check": check.pk, "answer": 2}, **SAME_ORIGIN)
    yield client.post(f"/p/{code}/1/", **SAME_ORIGIN)
    yield client.get(f"/p/{code}/finish/")
    yield client.post(f"/p/{code}/finish/", {"questions": "x" * 1001}, **SAME_ORIGIN)
    yield client.post(f"/p/{code}/finish/", {"questions": "When can I drive?"}, **SAME_ORIGIN)
    yield client.post(f"/p/{code}/1/", HTTP_ORIGIN="https://evil.example")
    yield client.get("/p/KX7P-2M9Q/")


def test_no_pack_answer_sets_a_cookie_or_may_be_cached_indexed_or_referred(pack):
    _, code, check = pack
    statuses = []
    for response in _every_kind_of_answer(code, check):
        statuses.append(response.status_code)
        assert not response.cookies, response.cookies
        assert "no-store" in response["Cache-Control"]
        assert response["Referrer-Policy"] == "no-referrer"
        assert response["X-Robots-Tag"] == "noindex"
    assert statuses == [200, 200, 200, 302, 302, 200, 400, 302, 403, 404]


def test_pack_pages_never_come_from_the_page_cache(pack):
    _, code, _ = pack
    client = Client()
    assert "0 of 1 read" in client.get(f"/p/{code}/").content.decode()
    client.post(f"/p/{code}/1/", **SAME_ORIGIN)
    assert "1 of 1 read" in client.get(f"/p/{code}/").content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_REFERER": "https://evil.example/p/"},
        {},
    ],
    ids=[
        "other-origin",
        "null-origin-cross-site",
        "null-origin-alone",
        "same-site",
        "other-referer",
        "nothing",
    ],
)
def test_a_post_from_anywhere_but_this_site_is_refused_and_records_nothing(pack, headers):
    issued, code, check = pack
    client = Client()
    answers = [
        client.post(f"/p/{code}/1/", **headers),
        client.post(f"/p/{code}/1/answer/", {"check": check.pk, "answer": 2}, **headers),
        client.post(f"/p/{code}/finish/", {"questions": "Hello"}, **headers),
    ]
    assert [response.status_code for response in answers] == [403, 403, 403]
    assert "This form could not be sent" in answers[0].content.decode()
    issued.refresh_from_db()
    assert issued.finished_at is None and not PageRead.objects.exists() and not issued.check_answers.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "http://testserver"},
        # A page sent with Referrer-Policy: no-referrer makes browsers send "Origin: null".
        {"HTTP_ORIGIN": "null", "HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_REFERER": "http://testserver/p/"},
    ],
    ids=["origin", "null-origin-same-origin", "referer-only"],
)
def test_a_post_from_this_site_is_accepted_without_any_cookie(pack, headers):
    _, code, _ = pack
    response = Client(enforce_csrf_checks=True).post(f"/p/{code}/1/", **headers)
    assert response.status_code == 302
    assert PageRead.objects.count() == 1


def test_an_over_long_question_box_is_refused_and_what_was_typed_is_kept(pack):
    issued, code, _ = pack
    text = "Will I feel floaty? " * 60
    response = Client().post(f"/p/{code}/finish/", {"questions": text}, **SAME_ORIGIN)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Please shorten them to 1000 characters or fewer" in html
    assert text.strip() in html
    issued.refresh_from_db()
    assert issued.finished_at is None


def test_the_database_holds_no_code_only_a_keyed_hash(pack):
    issued, code, _ = pack
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM reading_packs_issuedpack")
        row = " ".join(str(value) for value in cursor.fetchone())
    assert code not in row and code.replace("-", "") not in row
    assert issued.code_hash in row


def test_rotating_the_secret_key_closes_open_codes_unless_the_old_key_is_kept_as_a_fallback(pack, settings):
    _, code, _ = pack
    old = settings.SECRET_KEY
    with override_settings(SECRET_KEY="a-new-secret-key-of-more-than-fifty-characters-000000"):
        assert Client().get(f"/p/{code}/").status_code == 404
        with override_settings(SECRET_KEY_FALLBACKS=[old]):
            assert Client().get(f"/p/{code}/").status_code == 200


def test_purge_deletes_records_only_long_after_their_code_expired(pack, settings):
    from django.core.management import call_command

    issued, code, _ = pack
    recent_page, _ = make_page_with_check("Maintenance")
    recent, _ = issue(make_pack([recent_page], slug="after"))
    settings.PORTAL_READING_RECORD_DAYS = 90
    expire(issued, days_ago=91)
    expire(recent, days_ago=89)
    Client().post(f"/p/{code}/1/", **SAME_ORIGIN)  # refused (410): expired links record nothing
    call_command("purge_reading_records")
    assert list(IssuedPack.objects.all()) == [recent]
