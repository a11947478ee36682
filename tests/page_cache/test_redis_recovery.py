"""When Redis comes back after an outage the cache forgets what it held, but not the limits: an
address that used up its wrong reading-pack codes is still refused after Redis is paused and resumed."""

import os
import shutil
import signal
import time

import pytest

from page_cache.resilient_redis import RETRY_AFTER
from tests.conftest import require_service
from tests.support.factories import PatientClient
from tests.support.servers import ThrowawayRedis

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_redis(settings, tmp_path):
    require_service(shutil.which("redis-server") is not None, "redis-server")
    redis = ThrowawayRedis(tmp_path)
    redis.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "page_cache.resilient_redis.ResilientRedisCache",
            "LOCATION": redis.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    try:
        yield redis
    finally:
        os.kill(redis.process.pid, signal.SIGCONT)
        redis.stop()


def test_the_wrong_code_limit_survives_redis_pausing_and_coming_back(own_redis):
    client = PatientClient()
    statuses = [client.get("/p/ZZZZ-ZZZ2/").status_code for _ in range(11)]
    assert statuses[:10] == [404] * 10 and statuses[10] == 429

    os.kill(own_redis.process.pid, signal.SIGSTOP)  # Redis stops answering
    assert client.get("/p/ZZZZ-ZZZ2/").status_code in (404, 429)  # the site goes on, slower
    os.kill(own_redis.process.pid, signal.SIGCONT)
    time.sleep(RETRY_AFTER + 0.2)  # the backend tries Redis again, and forgets what it cached

    assert client.get("/p/ZZZZ-ZZZ2/").status_code == 429
    assert client.get("/p/ZZZZ-ZZZ3/").status_code == 429
