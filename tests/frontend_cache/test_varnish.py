"""The shipped Varnish configuration in front of real gunicorn: patients are served from Varnish,
staff never are, a publish is visible within a second, and an outage behind Varnish goes unseen."""

import gzip
import time

import pytest

from tests.conftest import require_service
from tests.support.scripts import CREATE_INFUSION_PAGE, PUBLISH_INFUSION_CHANGE
from tests.support.servers import (
    VARNISHD,
    Gunicorn,
    Varnish,
    poll,
    postgres_server_url,
    redis_namespace,
    run_django,
    scratch_postgres_database,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def site_behind_varnish(tmp_path):
    require_service(VARNISHD is not None, "Varnish (apt-get install varnish)")
    server = postgres_server_url()
    require_service(server is not None, "PostgreSQL on 127.0.0.1:5432")
    with redis_namespace("test-varnish") as (redis, prefix), scratch_postgres_database(server) as database:
        env = {"REDIS_URL": redis, "CACHE_KEY_PREFIX": prefix}
        url = run_django(CREATE_INFUSION_PAGE.format(repeat=40), database_url=database, extra_env=env)
        gunicorn = Gunicorn(database_url=database, redis_url=redis, key_prefix=prefix, log_dir=tmp_path,
                            extra_env={"PORTAL_SHARED_CACHE_SECONDS": "2"})  # fmt: skip
        varnish = Varnish(gunicorn.port)
        try:
            gunicorn.wait_until_serving()
            varnish.wait_until_serving()
            yield {
                "gunicorn": gunicorn,
                "varnish": varnish,
                "url": url,
                "database": database,
                "env": {**env, "PORTAL_VARNISH_URLS": varnish.base_url},
            }
        finally:
            varnish.stop()
            gunicorn.stop()


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
    for _ in range(3):
        varnish.get(url)
    assert varnish.get(url)[1]["X-Cache"] == "hit"

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
