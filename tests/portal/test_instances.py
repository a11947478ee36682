"""Two gunicorn instances, one PostgreSQL database, one Redis: a publish is seen everywhere within 1 s.

With a per-process cache (REDIS_URL unset) this test fails: the other instance keeps the old page.
"""

import time

import pytest

from tests.conftest import require_service
from tests.support.scripts import CREATE_INFUSION_PAGE, PUBLISH_INFUSION_CHANGE
from tests.support.servers import (
    Gunicorn,
    postgres_server_url,
    redis_namespace,
    run_django,
    scratch_postgres_database,
)

pytestmark = [pytest.mark.postgres, pytest.mark.own_postgres]


@pytest.fixture
def two_instances(tmp_path):
    server = postgres_server_url()
    require_service(server is not None, "PostgreSQL on 127.0.0.1:5432")
    with redis_namespace("test-instances") as (redis, prefix), scratch_postgres_database(server) as database:
        env = {"REDIS_URL": redis, "CACHE_KEY_PREFIX": prefix}
        url = run_django(CREATE_INFUSION_PAGE.format(repeat=1), database_url=database, extra_env=env)
        instances = [
            Gunicorn(database_url=database, redis_url=redis, key_prefix=prefix, log_dir=tmp_path)
            for _ in range(2)
        ]
        try:
            for instance in instances:
                instance.wait_until_serving()
            yield {"instances": instances, "url": url, "database": database, "env": env}
        finally:
            for instance in instances:
                instance.stop()


def test_a_publish_through_one_instance_is_read_through_the_other_within_one_second(two_instances):
    first, second = two_instances["instances"]
    url = two_instances["url"]
    for instance in (first, second):
        for _ in range(6):  # every worker of both instances has the page in memory
            status, _, html = instance.get(url)
            assert status == 200
            assert "Version one" in html

    run_django(
        PUBLISH_INFUSION_CHANGE, database_url=two_instances["database"], extra_env=two_instances["env"]
    )
    published_at = time.monotonic()

    def second_instance_shows_version_two():
        return "Version two" in second.get(url)[2]

    deadline = published_at + 1.0
    seen = False
    while not seen and time.monotonic() < deadline:
        seen = second_instance_shows_version_two()
    assert seen, "the other instance still showed the old page 1 second after the publish"

    # From then on no worker of either instance may show the old text.
    for instance in (first, second):
        for _ in range(6):
            html = instance.get(url)[2]
            assert "Version two" in html
            assert "Version one" not in html
