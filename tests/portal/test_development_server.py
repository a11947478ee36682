"""`make run` serves the site with Django's runserver: it must answer odd paths as production does."""

import http.client
import os
import subprocess
import sys

import pytest

from tests.support.servers import ROOT, free_port, migrated_sqlite_database, poll

pytestmark = pytest.mark.own_sqlite


@pytest.fixture
def runserver(tmp_path):
    """`manage.py runserver` as `make run` starts it (DEBUG on), on a free port, on a scratch SQLite."""
    port = free_port()
    database = migrated_sqlite_database(tmp_path / "dev.sqlite3")  # as `make run` leaves it
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": database}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    log = open(tmp_path / "runserver.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )

    def get(path):
        # http.client sends the path exactly as given: no client-side clean-up of "..".
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def answers():
        try:
            return get("/healthz")[0] == 200
        except OSError:
            return False

    try:
        assert poll(answers, 30, interval=0.2), (tmp_path / "runserver.log").read_text()
        yield get
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()


def test_the_development_server_answers_404_for_a_path_climbing_out_of_static_and_serves_static_files(
    runserver,
):
    for path in ("/static/../manage.py", "/static/%2e%2e/manage.py"):
        # As under gunicorn: whitenoise has no such file, the slash-appending redirect sends the
        # reader on, and that address is a page that does not exist.
        status, body = runserver(path)
        assert status == 301, (path, status)
        status, body = runserver(path + "/")
        assert status == 404, (path, status)
        assert b"DJANGO_SETTINGS_MODULE" not in body
    status, body = runserver("/static/css/portal.css")
    assert status == 200
    assert b"{" in body
