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


def test_health_check_shows_how_long_the_oldest_task_has_waited_so_a_dead_worker_is_seen(
    client, queued_tasks, settings
):
    from datetime import timedelta

    from django.core.mail import send_mail
    from django.utils import timezone

    from tests.support.tasks import waiting_tasks

    settings.EMAIL_BACKEND = "toolkit.queued_email.QueuedEmailBackend"
    assert client.get("/healthz").json()["tasks"] == {"waiting": 0, "oldest_waiting_seconds": 0.0}
    send_mail("Subject", "Body", None, ["rhea@clinic.example"])
    waiting_tasks().update(enqueued_at=timezone.now() - timedelta(minutes=10))  # no worker took it
    body = client.get("/healthz").json()
    assert body["status"] == "ok"  # the site still serves pages
    assert body["tasks"]["waiting"] == 1
    assert 600 <= body["tasks"]["oldest_waiting_seconds"] < 660


def test_without_a_worker_locally_a_reset_email_is_printed_at_once(client, settings, capsys):
    """make run has no task worker: in debug mode tasks run inside the request."""
    from tests.support.factories import make_user

    settings.EMAIL_BACKEND = "toolkit.queued_email.QueuedEmailBackend"
    settings.PORTAL_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
    make_user("Editor", username="eli")
    client.get("/admin/password_reset/")
    assert client.post("/admin/password_reset/", {"email": "eli@clinic.example"}).status_code == 302
    printed = capsys.readouterr().out
    assert "To: eli@clinic.example" in printed
    assert "/admin/reset/" in printed
    assert "healthz" not in printed and "tasks" not in client.get("/healthz").json()
