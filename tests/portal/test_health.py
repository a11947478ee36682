"""What a load balancer and a patient get when the database or the cache is in trouble.

The real outage (a PostgreSQL server stopped while gunicorn serves) is in tests/test_outage.py.
"""

import pytest
from django.test import Client

from tests.support.assertions import assert_call_to_action_and_crisis_link
from tests.support.servers import free_port

pytestmark = pytest.mark.django_db


def test_health_check_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert response.cookies == {}


def test_health_check_keeps_the_instance_in_rotation_and_says_degraded_when_the_cache_is_unreachable(
    client, settings
):
    settings.CACHES = {
        "default": {
            "BACKEND": "page_cache.resilient_redis.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "degraded"}


@pytest.mark.urls("tests.support.urls_with_database_outage")
def test_a_page_that_needs_the_database_while_it_is_down_says_so_and_keeps_the_way_to_help():
    response = Client(raise_request_exception=False).get("/database-down-for-test/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "This page is not available just now" in html
    assert_call_to_action_and_crisis_link(html)
    assert 'href="tel:988"' in html
    assert 'href="tel:116123"' in html


def test_health_check_answers_a_load_balancer_that_uses_the_instance_address(client):
    # Not in ALLOWED_HOSTS, and plain HTTP: still an answer, not 400 or a redirect to HTTPS.
    response = client.get("/healthz", HTTP_HOST="10.0.0.12:8000")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_health_check_says_unavailable_when_static_files_were_never_collected(client, settings, tmp_path):
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.utils.functional import empty

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = tmp_path
    staticfiles_storage._wrapped = empty  # built again from the overridden settings
    try:
        response = client.get("/healthz")
    finally:
        staticfiles_storage._wrapped = empty
    assert response.status_code == 503
    assert response.json()["static"] == "missing"
