"""Guessing codes is limited per address across every worker and instance, through the shared cache.

Two gunicorn instances (two workers each) share one Redis. Wrong codes sent to them in turn add up:
with a per-process cache each would have seen only half and answered 404 for twice as long.
"""

import pytest

from tests.support.servers import Gunicorn, migrated_sqlite_database, redis_namespace

pytestmark = pytest.mark.own_sqlite


@pytest.fixture
def two_instances(tmp_path):
    database = migrated_sqlite_database(tmp_path / "portal.sqlite3")
    with redis_namespace("test-pack-codes") as (redis, prefix):
        instances = [
            Gunicorn(database_url=database, redis_url=redis, key_prefix=prefix, log_dir=tmp_path, workers=2)
            for _ in range(2)
        ]
        try:
            for instance in instances:
                instance.wait_until_serving()
            yield instances
        finally:
            for instance in instances:
                instance.stop()


def test_the_eleventh_wrong_code_is_refused_whichever_worker_or_instance_answers(two_instances):
    first, second = two_instances
    assert len(first.worker_pids()) == 2 and len(second.worker_pids()) == 2
    wrong = [f"/p/KX7P-{a}{b}9Q/" for a in "ABCDE" for b in "FG"]
    answers = [(first if n % 2 else second).get(path)[0] for n, path in enumerate(wrong)]
    assert answers == [404] * 10
    status, headers, html = first.get("/p/KX7P-HJ9Q/")
    assert status == 429
    assert "Too many tries" in html
    assert "no-store" in headers["Cache-Control"] and "Set-Cookie" not in headers
    assert second.get("/p/KX7P-HK9Q/")[0] == 429
