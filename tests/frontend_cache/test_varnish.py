"""The shipped Varnish configuration in front of real gunicorn: patients are served from Varnish,
staff never are, a publish is visible within a second, Varnish never re-caches the old page that a
worker still holds, and an outage behind Varnish goes unseen."""

import gzip
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest

from tests.conftest import require_service
from tests.support.scripts import CREATE_INFUSION_PAGE, PUBLISH_INFUSION_CHANGE
from tests.support.servers import (
    ROOT,
    VARNISHD,
    Gunicorn,
    TaskWorker,
    Varnish,
    poll,
    postgres_server_url,
    redis_namespace,
    run_django,
    scratch_postgres_database,
)

pytestmark = [pytest.mark.postgres, pytest.mark.own_postgres]


@contextmanager
def running_site_behind_varnish(tmp_path, gunicorn_env: dict):
    require_service(VARNISHD is not None, "Varnish (apt-get install varnish)")
    server = postgres_server_url()
    require_service(server is not None, "PostgreSQL on 127.0.0.1:5432")
    with redis_namespace("test-varnish") as (redis, prefix), scratch_postgres_database(server) as database:
        env = {"REDIS_URL": redis, "CACHE_KEY_PREFIX": prefix}
        url = run_django(CREATE_INFUSION_PAGE.format(repeat=40), database_url=database, extra_env=env)
        gunicorn = Gunicorn(database_url=database, redis_url=redis, key_prefix=prefix, workers=2,
                            log_dir=tmp_path, extra_env=gunicorn_env)  # fmt: skip
        varnish = Varnish(gunicorn.port)
        try:
            gunicorn.wait_until_serving()
            varnish.wait_until_serving()
            yield {
                "gunicorn": gunicorn,
                "varnish": varnish,
                "url": url,
                "database": database,
                "env": {**env, **gunicorn_env, "PORTAL_VARNISH_URLS": varnish.base_url},
            }
        finally:
            varnish.stop()
            gunicorn.stop()


@pytest.fixture
def site_behind_varnish(tmp_path):
    with running_site_behind_varnish(tmp_path, {"PORTAL_SHARED_CACHE_SECONDS": "2"}) as site:
        yield site


# Wider than the default 0.2 s, so that a purge sent before every worker has re-read the shared page
# cache version reliably lets Varnish fetch, and keep, the old page (as it did before the purger
# waited for it). Every process of the site, the publishing one included, uses the same interval.
SLOW_CHECK_INTERVAL = "1.0"


@pytest.fixture
def busy_site_behind_varnish_keeping_pages_long(tmp_path):
    gunicorn_env = {"PORTAL_SHARED_CACHE_SECONDS": "3600", "PAGE_CACHE_CHECK_INTERVAL": SLOW_CHECK_INTERVAL}
    with running_site_behind_varnish(tmp_path, gunicorn_env) as site:
        yield site


def test_patients_are_served_by_varnish_and_staff_never_are(site_behind_varnish):
    varnish, url = site_behind_varnish["varnish"], site_behind_varnish["url"]
    status, headers, _ = varnish.get(url, {"Accept-Encoding": "gzip"})
    assert status == 200
    status, headers, body = varnish.get(url, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["X-Cache"] == "hit"
    assert headers["Content-Encoding"] == "gzip"
    assert b"Version one" in gzip.decompress(body)
    # A browser's revalidation is answered by Varnish itself.
    status, _, body = varnish.get(url, {"If-None-Match": headers["ETag"]})
    assert status == 304

    for cookie in ("sessionid=abc123", "csrftoken=xyz; sessionid=abc123"):
        for _ in range(2):
            status, headers, _ = varnish.get(url, {"Cookie": cookie})
            assert headers["X-Cache"] == "miss", cookie
    for path in ("/admin/login/", "/staff/reviews/"):
        varnish.get(path)
        assert varnish.get(path)[1]["X-Cache"] == "miss", path
    # Only the portal's own machines may purge.
    assert varnish.get(url)[0] == 200


def test_a_publish_is_visible_through_varnish_within_a_second(site_behind_varnish):
    varnish, url = site_behind_varnish["varnish"], site_behind_varnish["url"]
    # Warm: on a loaded machine a first fetch may outlast the short test TTL, so ask until a hit.
    assert poll(lambda: varnish.get(url)[1]["X-Cache"] == "hit", deadline_seconds=10, interval=0.05)

    # The publish runs in a separate process (as an editor's request in a worker would), and its
    # purge runs after the commit, in the background.
    run_django(
        PUBLISH_INFUSION_CHANGE,
        database_url=site_behind_varnish["database"],
        extra_env=site_behind_varnish["env"],
    )
    committed = time.monotonic()
    seen = poll(lambda: b"Version two" in varnish.get(url)[2], deadline_seconds=1.0, interval=0.02)
    assert seen, f"Varnish still served the old page {time.monotonic() - committed:.2f} s after the publish"
    assert b"Version one" not in varnish.get(url)[2]


def test_varnish_never_keeps_the_old_page_a_worker_still_holds_after_a_publish(
    busy_site_behind_varnish_keeping_pages_long,
):
    site = busy_site_behind_varnish_keeping_pages_long
    varnish, gunicorn, url = site["varnish"], site["gunicorn"], site["url"]
    # Varnish keeps a plain and a gzip copy; each is purged, and fetched again, on its own.
    representations = ({}, {"Accept-Encoding": "gzip"})

    def version_in_varnish(headers):
        status, response_headers, body = varnish.get(url, headers)
        assert status == 200
        if response_headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        if b"Version two" in body:
            return "new"
        assert b"Version one" in body, body[:500]
        return "old"

    for headers in representations:
        version_in_varnish(headers)
        assert varnish.get(url, headers)[1]["X-Cache"] == "hit"

    # Both workers hold the page in their own memory (more requests at once than workers).
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert set(pool.map(lambda _: gunicorn.get(url)[0], range(40))) == {200}

    def keep_workers_busy():
        # Other patients reading straight from gunicorn keep both workers checking the shared version
        # now and then, so each goes on serving its old copy for up to the check interval after the
        # commit. They read another address (a missing page): the page under test must not be
        # rendered while the publish is under way, or django CMS's own page cache may store that
        # render, old text and all, under the version the commit brings (it reads the version when
        # it stores, not when the render began), which no purge timing can cure.
        while not publish.done():
            assert gunicorn.get("/no-such-page/")[0] == 404

    with ThreadPoolExecutor(max_workers=5) as pool:
        # The publish runs in a separate process, as an editor's request in another worker would; its
        # purge is sent from there, after the commit, in the background.
        publish = pool.submit(
            run_django, PUBLISH_INFUSION_CHANGE, database_url=site["database"], extra_env=site["env"]
        )
        readers = [pool.submit(keep_workers_busy) for _ in range(4)]
        seen = {id(headers): [] for headers in representations}

        def varnish_is_fresh():
            for headers in representations:
                seen[id(headers)].append(version_in_varnish(headers))
            return publish.done() and all(history[-1] == "new" for history in seen.values())

        # Until the purge, Varnish keeps the old page (for up to an hour here); after it, the new one.
        fresh = poll(varnish_is_fresh, deadline_seconds=30, interval=0.01)
        publish.result()
        for reader in readers:
            reader.result()
    if not fresh:
        # Whether the workers themselves still serve the old page tells a purge sent too early from
        # an old page kept behind Varnish.
        behind = ["new" if "Version two" in gunicorn.get(url)[2] else "old" for _ in range(10)]
        raise AssertionError(
            f"Varnish went on serving the old page after the publish's purge: {_runs(seen)}; "
            f"gunicorn itself now serves: {', '.join(behind)}"
        )

    # Many more requests: neither copy in Varnish ever goes back to the old page, and it ends fresh.
    poll(lambda: varnish_is_fresh() and False, deadline_seconds=1.5, interval=0.005)
    assert varnish_is_fresh()
    for history in seen.values():
        first_new = history.index("new")
        assert "old" not in history[first_new:], f"Varnish served the old page again: {_runs(seen)}"


def _runs(seen: dict) -> str:
    """What each copy in Varnish served, in order, as runs: "old x52, new x80 | old x52, new x80"."""
    described = []
    for history in seen.values():
        runs = []
        for value in history:
            if runs and runs[-1][0] == value:
                runs[-1][1] += 1
            else:
                runs.append([value, 1])
        described.append(", ".join(f"{value} x{count}" for value, count in runs))
    return " | ".join(described)


def test_varnish_keeps_answering_while_the_portal_is_down(site_behind_varnish):
    varnish, gunicorn, url = (site_behind_varnish[k] for k in ("varnish", "gunicorn", "url"))
    varnish.get(url)
    assert varnish.get(url)[1]["X-Cache"] == "hit"
    time.sleep(2.5)  # past the page's s-maxage of 2 s: only grace keeps it now
    gunicorn.stop()
    for _ in range(5):
        status, _, body = varnish.get(url)
        assert status == 200
        assert b"Version one" in body


@pytest.fixture
def site_behind_varnish_keeping_pages_long(tmp_path):
    with running_site_behind_varnish(tmp_path, {"PORTAL_SHARED_CACHE_SECONDS": "3600"}) as site:
        yield site


def test_a_purge_outlives_the_web_process_that_asked_for_it(site_behind_varnish_keeping_pages_long, tmp_path):
    """The publishing process dies the moment its change commits; the task worker, started later,
    still sends the BAN, and stops cleanly when told to."""
    site = site_behind_varnish_keeping_pages_long
    varnish, url = site["varnish"], site["url"]
    assert poll(lambda: varnish.get(url)[1]["X-Cache"] == "hit", deadline_seconds=10, interval=0.05)

    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": site["database"], "PORTAL_TASKS_RUN_IMMEDIATELY": "0",
           **site["env"], "DJANGO_SETTINGS_MODULE": "portal.settings"}  # fmt: skip
    script = (
        "import django, os, signal\ndjango.setup()\n"
        + PUBLISH_INFUSION_CHANGE
        + "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    died = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, timeout=60)
    assert died.returncode == -signal.SIGKILL, died.stderr[-2000:]
    time.sleep(1.0)
    assert b"Version one" in varnish.get(url)[2]  # nothing was purged: the purge waits in the database

    worker = TaskWorker(
        database_url=site["database"],
        redis_url=site["env"]["REDIS_URL"],
        key_prefix=site["env"]["CACHE_KEY_PREFIX"],
        log_dir=tmp_path,
        extra_env=site["env"],
    )
    try:
        seen = poll(lambda: b"Version two" in varnish.get(url)[2], deadline_seconds=15, interval=0.1)
        assert seen, worker.log()
    finally:
        status = worker.stop()
    assert status == 0, worker.log()
