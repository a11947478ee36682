"""`make run PORT=…` tells the truth about its address: the links it emails and the site the CMS
toolbar names carry the port it serves on, not 8000."""

import http.cookiejar
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.parse
import urllib.request

import pytest

from tests.conftest import require_service
from tests.support.servers import ROOT, fetch, free_port, migrated_sqlite_database, poll, run_django

pytestmark = pytest.mark.own_sqlite

MAKE_COLLEAGUE = """
from tests.support.factories import make_user
make_user("Editor", username="eli")
from django.contrib.sites.models import Site
print(Site.objects.get(pk=1).domain)
"""


def test_make_run_on_another_port_puts_that_port_in_links_and_the_site(tmp_path):
    require_service(shutil.which("make") is not None, "make")
    port = free_port()
    # Already migrated (a copy of the run's template), so `make run` spends its time on what this
    # test is about; its own migrate finds nothing to do.
    database = migrated_sqlite_database(tmp_path / "run.sqlite3")
    env = {**os.environ, "DATABASE_URL": database}
    env.pop("PORTAL_BASE_URL", None)
    log_path = tmp_path / "make-run.log"
    with open(log_path, "w") as log:
        make = subprocess.Popen(
            ["make", "run", f"PORT={port}"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"

        def serving():
            try:
                return fetch(base + "/healthz", timeout=2)[0] == 200
            except OSError:
                return make.poll() is not None

        assert poll(serving, 240, interval=0.5) and make.poll() is None, log_path.read_text()[-3000:]
        domain = run_django(MAKE_COLLEAGUE, database_url=database)
        assert domain == f"127.0.0.1:{port}"  # the CMS toolbar's and absolute links' site

        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        opener.open(base + "/admin/password_reset/", timeout=10).read()
        token = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "email": "eli@clinic.example"}).encode()
        request = urllib.request.Request(
            base + "/admin/password_reset/", data=data, headers={"Referer": base}
        )
        opener.open(request, timeout=10).read()

        def printed_link():
            return re.search(rf"http://127\.0\.0\.1:{port}/admin/reset/\S+", log_path.read_text())

        assert poll(printed_link, 10, interval=0.2), log_path.read_text()[-3000:]
        assert "127.0.0.1:8000" not in log_path.read_text().split("Staff log in at")[-1]
    finally:
        os.killpg(make.pid, signal.SIGTERM)
        try:
            make.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(make.pid, signal.SIGKILL)
        time.sleep(0.1)
