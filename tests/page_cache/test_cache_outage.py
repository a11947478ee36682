"""Redis stops while the site serves: pages render from the database, fresh, and it all recovers.

The test runs its own throwaway redis-server and its own gunicorn (production mode, two workers);
the shared Redis is never stopped.
"""

import json
import shutil

import pytest

from tests.conftest import require_service
from tests.support.assertions import assert_call_to_action_and_crisis_link
from tests.support.servers import Gunicorn, ThrowawayRedis, migrated_sqlite_database, poll, run_django

pytestmark = pytest.mark.own_sqlite

CREATE_PAGES = """
from tests.support.factories import make_page
for title, slug in [("Your infusion day", "infusion-day"), ("Your assessment", "assessment")]:
    make_page(title, body=f"<p>{title}: what to expect.</p>", slug=slug)
"""

PUBLISH_CHANGE = """
import uuid
from cms.models import Page
from tests.support.factories import make_draft_edit, make_user
page = Page.objects.get(urls__slug="infusion-day")
reviewer = make_user("Clinical reviewer", username="r-" + uuid.uuid4().hex[:8])
editor = make_user("Editor", username="e-" + uuid.uuid4().hex[:8])
make_draft_edit(page, "<p>{text}</p>", editor).publish(reviewer)
"""


@pytest.fixture
def site_with_its_own_redis(tmp_path):
    require_service(shutil.which("redis-server") is not None, "redis-server")
    redis = ThrowawayRedis(tmp_path)
    server = None
    try:
        redis.start()
        env = {"REDIS_URL": redis.url}
        database = migrated_sqlite_database(tmp_path / "site.sqlite3")
        run_django(CREATE_PAGES, database_url=database, extra_env=env)
        server = Gunicorn(database_url=database, redis_url=redis.url, key_prefix="", log_dir=tmp_path)
        server.wait_until_serving()
        yield (
            redis,
            server,
            lambda text: run_django(PUBLISH_CHANGE.format(text=text), database_url=database, extra_env=env),
        )
    finally:
        if server:
            server.stop()
        redis.stop()


def test_pages_render_fresh_from_the_database_while_redis_is_down_and_everything_recovers_by_itself(
    site_with_its_own_redis,
):
    redis, server, publish_change = site_with_its_own_redis
    for _ in range(6):  # cached in the workers' memory and in Redis
        assert server.get("/infusion-day/")[0] == 200
    health = json.loads(server.get("/healthz")[2])
    assert (health["status"], health["database"], health["cache"]) == ("ok", "ok", "ok")

    redis.stop()

    for path, text in (("/infusion-day/", "Your infusion day"), ("/assessment/", "Your assessment")):
        for _ in range(4):
            status, _, html = server.get(path)
            assert status == 200, server.log()
            assert f"{text}: what to expect." in html
            assert_call_to_action_and_crisis_link(html, production=True)
    assert server.get("/no-such-page/")[0] == 404
    status, _, body = server.get("/healthz")
    assert status == 200  # stays in rotation: a slower site, not no site
    assert '"cache": "degraded"' in body and '"database": "ok"' in body

    # A publish made elsewhere during the outage cannot bump the shared version: workers must not
    # answer from the copies they kept from before the outage.
    publish_change("Changed while the cache was down.")
    for _ in range(6):
        status, _, html = server.get("/infusion-day/")
        assert status == 200
        assert "Changed while the cache was down." in html

    redis.start()  # the same port, empty: as after a restart without persistence

    def cache_is_back():
        return '"cache": "ok"' in server.get("/healthz")[2]

    assert poll(cache_is_back, deadline_seconds=15, interval=0.2), server.log()
    for _ in range(6):
        status, _, html = server.get("/infusion-day/")
        assert status == 200
        assert "Changed while the cache was down." in html

    publish_change("Changed after the cache came back.")

    def new_text_is_served_by_every_worker():
        return all("Changed after the cache came back." in server.get("/infusion-day/")[2] for _ in range(6))

    assert poll(new_text_is_served_by_every_worker, deadline_seconds=5, interval=0.1)
    assert "Traceback" not in server.log()
