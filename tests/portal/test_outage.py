"""PostgreSQL stops while the site serves: cached pages stay, other pages say 503, and it all recovers.

The test runs its own throwaway PostgreSQL cluster and its own gunicorn; the shared server is never
stopped.
"""

import pytest

from tests.conftest import require_service
from tests.support.assertions import assert_call_to_action_and_crisis_link
from tests.support.servers import (
    Gunicorn,
    ThrowawayPostgres,
    manage,
    poll,
    postgres_binaries,
    redis_namespace,
    run_django,
)

pytestmark = [pytest.mark.postgres, pytest.mark.own_postgres]

CREATE_PAGES = """
from tests.support.factories import make_page
for title, slug in [("Your infusion day", "infusion-day"), ("Your assessment", "assessment")]:
    make_page(title, body=f"<p>{title}: what to expect.</p>", slug=slug)
"""


@pytest.fixture
def site_on_its_own_postgres(tmp_path):
    binaries = postgres_binaries()
    require_service(binaries is not None, "PostgreSQL server binaries (initdb, pg_ctl)")
    with redis_namespace("test-outage") as (redis, prefix):
        postgres = ThrowawayPostgres(binaries)
        server = None
        try:
            postgres.start()
            env = {"REDIS_URL": redis, "CACHE_KEY_PREFIX": prefix}
            manage("migrate", "--noinput", database_url=postgres.url)
            run_django(CREATE_PAGES, database_url=postgres.url, extra_env=env)
            server = Gunicorn(database_url=postgres.url, redis_url=redis, key_prefix=prefix, log_dir=tmp_path)
            server.wait_until_serving()
            yield postgres, server
        finally:
            if server:
                server.stop()
            postgres.destroy()


def test_the_site_rides_out_a_database_outage_and_recovers_without_a_restart(site_on_its_own_postgres):
    postgres, server = site_on_its_own_postgres
    for _ in range(6):  # the infusion page is now cached in every worker; the assessment page is not
        assert server.get("/infusion-day/")[0] == 200
    assert server.get("/healthz")[0] == 200

    postgres.stop()

    for _ in range(6):
        status, _, html = server.get("/infusion-day/")
        assert status == 200
        assert "Your infusion day: what to expect." in html

    status, headers, html = server.get("/assessment/")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "This page is not available just now" in html
    assert_call_to_action_and_crisis_link(html, production=True)  # the clinic's details, from the cache
    assert 'href="tel:988"' in html

    status, _, body = server.get("/healthz", timeout=5)  # raises if it takes longer
    assert status == 503
    assert '"database": "unavailable"' in body

    postgres.start()

    def assessment_page_is_back():
        return server.get("/assessment/")[0] == 200

    assert poll(assessment_page_is_back, deadline_seconds=15, interval=0.2)
    assert "Your assessment: what to expect." in server.get("/assessment/")[2]
    assert server.get("/healthz")[0] == 200
