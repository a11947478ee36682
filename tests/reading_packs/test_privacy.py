"""Pack pages set no cookie, are never cached or indexed, send no Referer, and refuse posts from
other sites; the database holds no code that opens a pack."""

import pytest
from django.db import connection
from django.test import Client, override_settings

from reading_packs.models import IssuedPack, PageRead
from tests.support.factories import PatientClient
from tests.support.packs import SAME_ORIGIN, expire, issue, make_pack, make_page_with_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack():
    page, check = make_page_with_check()
    issued, code = issue(make_pack([page]))
    return issued, code, check


def _every_kind_of_answer(code, check):
    client = PatientClient()
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
        # The Referer goes to this site only: the code in the address never leaves it.
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Robots-Tag"] == "noindex"
    assert statuses == [200, 200, 200, 302, 302, 200, 400, 302, 403, 404]


def test_pack_pages_never_come_from_the_page_cache(pack):
    _, code, _ = pack
    client = PatientClient()
    assert "0 of 1 read" in client.get(f"/p/{code}/").content.decode()
    client.post(f"/p/{code}/1/", {"unanswered": "skip"}, **SAME_ORIGIN)
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
    client = PatientClient()
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
        {"HTTP_ORIGIN": "null", "HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_REFERER": "http://testserver/p/"},
        # Browsers without Fetch Metadata (Safari before 16.4, iOS 15): the same-origin Referer
        # that the pack pages' Referrer-Policy now lets them send, with Origin absent or the site.
        {"HTTP_REFERER": "http://testserver/p/KX7P-2M9Q/1/"},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_REFERER": "http://testserver/p/KX7P-2M9Q/1/"},
    ],
    ids=["origin", "null-origin-same-origin", "referer-only", "old-browser-referer", "old-browser-both"],
)
def test_a_post_from_this_site_is_accepted_without_any_cookie(pack, headers):
    _, code, _ = pack
    response = PatientClient(enforce_csrf_checks=True).post(
        f"/p/{code}/1/", {"unanswered": "skip"}, **headers
    )
    assert response.status_code == 302
    assert PageRead.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "null", "HTTP_REFERER": "https://evil.example/p/"},
        {"HTTP_REFERER": "https://evil.example/"},
        {},
    ],
    ids=["null-origin-alone", "null-origin-foreign-referer", "foreign-referer", "nothing"],
)
def test_a_post_that_cannot_show_it_came_from_this_site_stays_refused(pack, headers):
    _, code, _ = pack
    assert PatientClient().post(f"/p/{code}/1/", **headers).status_code == 403
    assert PageRead.objects.count() == 0


def test_patient_forms_refuse_files_and_oversized_bodies_before_reading_them(pack, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    issued, code, _ = pack
    upload = SimpleUploadedFile("scan.pdf", b"%PDF" + b"0" * 5_000_000)
    # Django's test client sends multipart, as a form with a file field would.
    response = Client().post(f"/p/{code}/finish/", {"questions": "Hi", "file": upload}, **SAME_ORIGIN)
    assert response.status_code == 415
    assert "do not take files" in response.content.decode()
    too_long = PatientClient().post(
        f"/p/{code}/finish/", "questions=" + "a" * 40_000,
        content_type="application/x-www-form-urlencoded", **SAME_ORIGIN,
    )  # fmt: skip
    assert too_long.status_code == 413
    issued.refresh_from_db()
    assert issued.finished_at is None and issued.questions == ""
    # A full question box in any script still fits (4-byte characters, percent-encoded).
    question = "🙂" * 250 + "ß" * 250 + "ж" * 250 + "中" * 250
    response = PatientClient().post(f"/p/{code}/finish/", {"questions": question}, **SAME_ORIGIN)
    assert response.status_code == 302
    issued.refresh_from_db()
    assert issued.questions == question


def test_head_on_pack_pages_is_answered_like_get_without_a_body(pack):
    _, code, _ = pack
    for path in ("/p/", f"/p/{code}/", f"/p/{code}/1/", f"/p/{code}/finish/"):
        response = PatientClient().head(path)
        assert response.status_code == 200, path
        assert response.content == b""


def test_an_over_long_question_box_is_refused_and_what_was_typed_is_kept(pack):
    issued, code, _ = pack
    text = "Will I feel floaty? " * 60
    response = PatientClient().post(f"/p/{code}/finish/", {"questions": text}, **SAME_ORIGIN)
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
        assert PatientClient().get(f"/p/{code}/").status_code == 404
        with override_settings(SECRET_KEY_FALLBACKS=[old]):
            assert PatientClient().get(f"/p/{code}/").status_code == 200


def test_purge_deletes_records_only_long_after_their_code_expired(pack, settings):
    from django.core.management import call_command

    issued, code, _ = pack
    recent_page, _ = make_page_with_check("Maintenance")
    recent, _ = issue(make_pack([recent_page], slug="after"))
    settings.PORTAL_READING_RECORD_DAYS = 90
    expire(issued, days_ago=91)
    expire(recent, days_ago=89)
    PatientClient().post(f"/p/{code}/1/", **SAME_ORIGIN)  # refused (410): expired links record nothing
    call_command("purge_reading_records")
    assert list(IssuedPack.objects.all()) == [recent]
