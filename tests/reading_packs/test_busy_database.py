"""A patient's answers under load and while the database is locked, against a production server on
a SQLite file (the default install): nothing sent is lost, and no answer is a 5xx."""

import json
import sqlite3
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.support.servers import TEST_SECRET_KEY, Gunicorn, migrated_sqlite_database, run_django

pytestmark = pytest.mark.own_sqlite

# Codes are kept as a hash keyed with SECRET_KEY: set up under the servers' key, and with a cache
# of the process's own (no Redis), so that nothing cached here reaches another test's pages.
SETUP_ENV = {"SECRET_KEY": TEST_SECRET_KEY, "REDIS_URL": ""}

SETUP = """
import json
from tests.support.packs import issue, make_pack, make_page_with_check
pages = [make_page_with_check(f"Page {n}", question=f"Question {n}?")[0] for n in range(1, 6)]
packs = [make_pack(pages, slug=f"pack-{n}", name=f"Pack {n}") for n in range(1, 3)]
print(json.dumps([issue(packs[n % 2])[1] for n in range(10)]))
"""

COUNT = """
import json
from reading_packs.models import IssuedPack, PageRead
asked = IssuedPack.objects.exclude(questions="").values_list("questions", flat=True)
print(json.dumps({"reads": PageRead.objects.count(), "questions": list(asked)}))
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def post(server, path: str, fields: dict, timeout: float = 60) -> tuple[int, str]:
    request = urllib.request.Request(
        server.base_url + path,
        data=urllib.parse.urlencode(fields).encode(),
        headers={"Origin": server.base_url, "Content-Type": "application/x-www-form-urlencoded"},
    )
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def site(tmp_path):
    path = tmp_path / "site.sqlite3"
    database_url = migrated_sqlite_database(path)
    codes = json.loads(run_django(SETUP, database_url=database_url, extra_env=SETUP_ENV))
    return path, database_url, codes


def start(database_url, tmp_path, **extra_env) -> Gunicorn:
    server = Gunicorn(database_url=database_url, redis_url=None, key_prefix="", workers=4, log_dir=tmp_path,
                      extra_env=extra_env)  # fmt: skip
    server.wait_until_serving()
    return server


def counts(database_url) -> dict:
    return json.loads(run_django(COUNT, database_url=database_url, extra_env=SETUP_ENV))


def test_fifty_simultaneous_reads_from_several_packs_are_all_recorded(site, tmp_path):
    _path, database_url, codes = site
    server = start(database_url, tmp_path)
    try:
        # "I have read this page", the page's check left unanswered on purpose (asked once, then this).
        posts = [(f"/p/{code}/{page}/", {"unanswered": "skip"}) for code in codes for page in range(1, 6)]
        assert len(posts) == 50
        barrier = threading.Barrier(50)

        def send(item):
            barrier.wait()
            return post(server, *item)[0]

        with ThreadPoolExecutor(max_workers=50) as pool:
            statuses = list(pool.map(send, posts))
    finally:
        server.stop()
    assert [status for status in statuses if status >= 500] == [], server.log()
    assert set(statuses) == {302}
    assert counts(database_url)["reads"] == 50


def test_questions_sent_while_the_database_is_locked_come_back_in_the_form_and_save_later(site, tmp_path):
    path, database_url, codes = site
    # A short busy timeout, so the test need not wait out the default; the lock outlasts it.
    server = start(database_url, tmp_path, DATABASE_BUSY_TIMEOUT="1")
    finish = f"/p/{codes[0]}/finish/"
    question = "Can my partner <b>drive</b> me home afterwards?"
    lock = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        lock.execute("BEGIN IMMEDIATE")  # another process holds the write lock (up to 20 s)
        status, page = post(server, finish, {"questions": question})
        lock.execute("ROLLBACK")
        saved_status, _ = post(server, finish, {"questions": question})
    finally:
        lock.close()
        server.stop()

    assert status == 503, server.log()
    assert "This was not saved yet" in page
    assert f'action="{finish}"' in page  # the same address, so "Try again" sends it there
    assert "Can my partner &lt;b&gt;drive&lt;/b&gt; me home afterwards?</textarea>" in page
    assert 'class="get-help-now"' in page and "tel:" in page  # help stays one tap away
    assert question not in server.log() and codes[0] not in server.log()
    assert saved_status == 302
    assert counts(database_url)["questions"] == [question]


def test_a_short_lock_is_waited_out_and_the_answer_saved(site, tmp_path):
    path, database_url, codes = site
    server = start(database_url, tmp_path)  # the default busy timeout (20 s)
    lock = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
    try:
        lock.execute("BEGIN IMMEDIATE")
        release = threading.Timer(2, lambda: lock.execute("ROLLBACK"))
        release.start()
        status, _ = post(server, f"/p/{codes[1]}/2/", {"unanswered": "skip"})
        release.join()
    finally:
        lock.close()
        server.stop()
    assert status == 302, server.log()
    assert counts(database_url)["reads"] == 1
