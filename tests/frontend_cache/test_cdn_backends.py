"""Cloudflare and CloudFront cannot be reached from here: a local server stands in for their APIs and
checks that each purge is exactly the request their documentation describes. Then: a publish purges,
once, after commit; a purge that keeps failing is recorded for administrators and the publish stands."""

import datetime
import hashlib
import hmac
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from frontend_cache import purger
from frontend_cache.backends import CloudFront
from frontend_cache.models import PurgeFailure
from governance.publishing import publish_as
from tests.support.factories import (
    log_in_with_second_factor,
    make_draft_edit,
    make_page,
    make_reviewed_page,
    make_superuser,
    make_user,
    record_review,
)
from tests.support.recording_server import recording_server
from tests.support.tasks import run_queued_tasks

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NO_CACHES = {
    "varnish": {"urls": []},
    "cloudflare": {"zone_id": "", "api_token": "", "api_url": ""},
    "cloudfront": {"distribution_id": "", "access_key_id": "", "secret_access_key": "", "api_url": ""},
}


@pytest.fixture(autouse=True)
def _fast_retries(monkeypatch, queued_tasks):
    """Purges go through the task queue and its worker, as in production, with short backoffs."""
    monkeypatch.setattr(purger, "FIRST_BACKOFF_SECONDS", 0.01)


def caches(**changes):
    config = json.loads(json.dumps(NO_CACHES))
    for name, values in changes.items():
        config[name].update(values)
    return config


def publish_a_change():
    author = make_superuser("cdn-author")
    page = make_page("Your infusion day", body="<p>Version one.</p>")
    make_draft_edit(page, "<p>Version two.</p>", author).publish(author)
    run_queued_tasks()


def test_cloudflare_gets_a_purge_everything_request_as_documented(settings):
    with recording_server(body={"success": True, "errors": [], "messages": [], "result": {"id": "zone"}}) as (
        url,
        requests,
    ):
        settings.FRONTEND_CACHES = caches(
            cloudflare={
                "zone_id": "023e105f4ecef8ad9ca31a8372d0c353",
                "api_token": "cf-token",
                "api_url": url,
            }
        )
        publish_a_change()
    assert len(requests) >= 1
    request = requests[-1]
    assert request.method == "POST"
    assert request.path == "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache"
    assert request.headers["authorization"] == "Bearer cf-token"
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.body) == {"purge_everything": True}
    assert not PurgeFailure.objects.exists()


def test_cloudfront_gets_a_signed_create_invalidation_request_as_documented(settings):
    with recording_server(status=201, body="<Invalidation/>", content_type="text/xml") as (url, requests):
        settings.FRONTEND_CACHES = caches(
            cloudfront={
                "distribution_id": "EDFDVBD6EXAMPLE",
                "access_key_id": "AKIDEXAMPLE",
                "secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                "api_url": url,
            }
        )
        publish_a_change()
    request = requests[-1]
    assert request.method == "POST"
    assert request.path == "/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation"
    batch = ET.fromstring(request.body)
    ns = {"cf": "http://cloudfront.amazonaws.com/doc/2020-05-31/"}
    assert batch.tag == "{http://cloudfront.amazonaws.com/doc/2020-05-31/}InvalidationBatch"
    assert batch.find("cf:Paths/cf:Quantity", ns).text == "1"
    assert [p.text for p in batch.findall("cf:Paths/cf:Items/cf:Path", ns)] == ["/*"]
    assert batch.find("cf:CallerReference", ns).text  # unique per invalidation

    # Signature Version 4, recomputed here from AWS's documented algorithm.
    auth = re.fullmatch(
        r"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/(\d{8})/us-east-1/cloudfront/aws4_request, "
        r"SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})",
        request.headers["authorization"],
    )
    assert auth, request.headers["authorization"]
    day, signed_headers, signature = auth.groups()
    assert "host" in signed_headers.split(";") and "x-amz-date" in signed_headers.split(";")
    amz_date = request.headers["x-amz-date"]
    assert amz_date.startswith(day)
    assert request.headers["x-amz-content-sha256"] == hashlib.sha256(request.body).hexdigest()
    canonical_headers = "".join(
        f"{name}:{request.headers[name].strip()}\n" for name in signed_headers.split(";")
    )
    canonical = "\n".join(
        [
            "POST",
            request.path,
            "",
            canonical_headers,
            signed_headers,
            hashlib.sha256(request.body).hexdigest(),
        ]
    )
    scope = f"{day}/us-east-1/cloudfront/aws4_request"
    string_to_sign = "\n".join(
        ["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()]
    )
    key = b"AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    for part in (day, "us-east-1", "cloudfront", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    assert signature == hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()


def test_the_signing_key_derivation_matches_aws_published_example():
    # AWS General Reference, "Examples of how to derive a signing key for Signature Version 4":
    # secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, 20120215, us-east-1, iam.
    key = b"AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    for part in ("20120215", "us-east-1", "iam", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    assert key.hex() == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"
    # The backend derives its key the same way: sign a fixed request and compare with this helper.
    backend = CloudFront(
        "E1", "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "https://cloudfront.amazonaws.com"
    )
    headers = backend.signed_headers("POST", "/p", b"", datetime.datetime(2012, 2, 15, tzinfo=datetime.UTC))
    assert "Credential=AKIDEXAMPLE/20120215/us-east-1/cloudfront/aws4_request" in headers["Authorization"]


def test_varnish_gets_one_ban_per_publish_after_commit(settings):
    with recording_server(body="") as (url, requests):
        settings.FRONTEND_CACHES = caches(varnish={"urls": [url]})
        publish_a_change()
        bans = [r for r in requests if r.method == "BAN"]
    # A publish makes several changes; they are coalesced, so the cache is not hammered.
    assert 1 <= len(bans) <= 3
    assert bans[0].path == "/"


def test_a_failing_purge_is_recorded_and_the_publish_still_stands(settings, caplog):
    with recording_server(status=500, body={"success": False}) as (url, requests):
        settings.FRONTEND_CACHES = caches(cloudflare={"zone_id": "zone", "api_token": "t", "api_url": url})
        page = make_reviewed_page("Risks", body="<p>Old risks text.</p>")
        draft = make_draft_edit(page, "<p>New risks text.</p>", make_user("Editor"))
        reviewer = make_user("Clinical reviewer")
        record_review(draft, reviewer)
        publish_as(draft, reviewer)
        run_queued_tasks()
        attempts = len(requests)
    # Each purge is tried ATTEMPTS times with backoff, then given up and recorded.
    failures = list(PurgeFailure.objects.all())
    assert failures and attempts == purger.ATTEMPTS * len(failures)
    assert {(failure.cache, failure.attempts) for failure in failures} == {("cloudflare", purger.ATTEMPTS)}
    assert "failed after" in caplog.text
    # Patients get the published text all the same.
    assert "New risks text." in Client().get(page.get_absolute_url()).content.decode()


def test_administrators_see_failed_purges(settings):
    PurgeFailure.objects.create(cache="varnish", target="http://127.0.0.1:6081", error="refused", attempts=3)
    admin = make_user("Administrator")
    client = Client()
    log_in_with_second_factor(client, admin)
    response = client.get("/admin/frontend_cache/purgefailure/")
    assert response.status_code == 200
    assert "http://127.0.0.1:6081" in response.content.decode()
