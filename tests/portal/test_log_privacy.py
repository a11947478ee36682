"""No log line holds a reading-pack code or a patient's address: a whole pack journey under gunicorn in
production mode, with the shipped logging configuration and gunicorn.conf.py, the access log on,
behind a proxy that forwards the patient's address."""

import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.support.servers import TEST_SECRET_KEY, Gunicorn, migrated_sqlite_database, run_django

pytestmark = pytest.mark.own_sqlite

PATIENT_ADDRESS = "203.0.113.77"  # a documentation address (RFC 5737), as the proxy saw the patient

MAKE_PACK = """
from reading_packs import codes
from tests.support.packs import issue, make_pack, make_page_with_check
page, check = make_page_with_check()
issued, code = issue(make_pack([page]))
print(code, check.pk)
"""


def send(base: str, path: str, data: dict | None = None) -> int:
    headers = {"X-Forwarded-For": PATIENT_ADDRESS, "User-Agent": "PatientPhone/1.0"}
    body = None
    if data is not None:
        body = urllib.parse.urlencode(data).encode()
        headers |= {"Origin": base, "Content-Type": "application/x-www-form-urlencoded"}
    request = urllib.request.Request(base + path, data=body, headers=headers)
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def site(tmp_path):
    database = migrated_sqlite_database(tmp_path / "site.sqlite3")
    # Made with the servers' key: only a keyed hash of the code is stored.
    code, check_id = run_django(
        MAKE_PACK, database_url=database, extra_env={"SECRET_KEY": TEST_SECRET_KEY}
    ).split()
    server = Gunicorn(
        database_url=database,
        redis_url=None,
        key_prefix="",
        workers=1,
        log_dir=tmp_path,
        extra_env={
            "GUNICORN_ACCESS_LOG": "-",  # an operator switched it on
            "LOG_LEVEL": "INFO",
            "TRUSTED_PROXY_COUNT": "1",
        },
    )
    server.wait_until_serving()
    try:
        yield server, code, check_id
    finally:
        server.stop()


def test_a_whole_pack_journey_leaves_no_code_and_no_patient_address_in_any_log(site):
    server, code, check_id = site
    base = server.base_url
    compact = code.replace("-", "")
    journey = [
        ("/p/", None, 200),
        (f"/p/?code={code.lower()}", None, 302),  # the code typed in the box
        (f"/p/{code}/", None, 200),  # the slip's link
        (f"/p/{code}/1/", None, 200),
        (f"/p/{code}/1/answer/", {"check": check_id, "answer": "1"}, 302),
        (f"/p/{code}/1/answer/", {"check": check_id, "answer": "2"}, 302),
        (f"/p/{code}/1/", {}, 302),  # "I have read this page"
        (f"/p/{code}/finish/", None, 200),
        (f"/p/{code}/finish/", {"questions": "Can I drive the next day?"}, 302),
        ("/p/ZZZZ-ZZZZ/", None, 404),  # a wrong code
        ("/p/?code=WXYZ-WXYZ", None, 302),
        ("/es/p/QQQQ-QQQQ/", None, 404),
    ]
    for path, data, status in journey:
        assert send(base, path, data) == status, path

    server.stop()
    log = server.log_path.read_text()
    assert re.search(r'"GET /p/\[code\]/ HTTP/1\.1" 200', log), log[-3000:]  # the access log was on
    assert "Not Found: /p/[code]/" in log  # Django's own line, without the code
    for secret in (code, compact, code.lower(), "ZZZZ-ZZZZ", "WXYZ-WXYZ", "QQQQ-QQQQ", PATIENT_ADDRESS):
        assert secret not in log, secret
    assert "PatientPhone" not in log
