"""Every patient page scores A+ on the MDN HTTP Observatory's rules with production settings; staff
get their own, documented policy; `check --deploy` is clean."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from clinic.constants import CRISIS_PAGE_REVERSE_ID
from tests.support.factories import log_in_with_second_factor, make_page, make_user
from tests.support.observatory import grade_response, parse_csp

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
HTTPS = {"secure": True, "headers": {"X-Forwarded-Proto": "https"}}


def patient_pages():
    home = make_page("Welcome", template="education/pages/home.html")
    home.set_as_homepage()
    return {
        "home": "/",
        "guide page": make_page("About the treatment").get_absolute_url(),
        "guide page with crisis signpost": make_page(
            "Risks", template="education/pages/guide_with_crisis_signpost.html"
        ).get_absolute_url(),
        "get help now": make_page("Get help now", reverse_id=CRISIS_PAGE_REVERSE_ID).get_absolute_url(),
        "page not found (404)": "/no-such-page/",
    }


def grade(client, url):
    response = client.get(url, **HTTPS)
    over_http = client.get(url)
    return response, grade_response(response, over_http)


def test_every_patient_page_type_scores_a_plus(production_security, capsys):
    client = Client()
    scores = {}
    for name, url in patient_pages().items():
        response, result = grade(client, url)
        assert response.status_code in (200, 404), url
        scores[name] = result.score
        assert result.score >= 100, f"{name} ({url}) scored {result.score}: {result.explain()}"
        assert result.results["content-security-policy"][0] == "csp-implemented-with-no-unsafe"
        assert result.results["cookies"][0] == "cookies-not-found"
    with capsys.disabled():
        print("\nObservatory score per patient page type:", scores)


@pytest.mark.urls("tests.support.urls_with_crash")
def test_the_server_error_page_scores_a_plus_too(production_security):
    client = Client(raise_request_exception=False)
    response, result = grade(client, "/crash-for-test/")
    assert response.status_code == 500
    assert result.score >= 100, result.explain()


def test_plain_http_is_redirected_to_https_and_hsts_covers_subdomains_for_a_year(production_security):
    page = make_page("About")
    client = Client()
    redirect = client.get(page.get_absolute_url())
    assert redirect.status_code == 301
    assert redirect["Location"] == f"https://testserver{page.get_absolute_url()}"
    hsts = client.get(page.get_absolute_url(), **HTTPS)["Strict-Transport-Security"]
    assert hsts == "max-age=31536000; includeSubDomains"


def test_patient_policy_runs_no_inline_or_evaluated_script(client):
    page = make_page("About")
    response = client.get(page.get_absolute_url())
    policy = parse_csp(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_patient_pages_load_only_the_sites_own_script_and_no_inline_script(client):
    page = make_page("About")
    html = client.get(page.get_absolute_url()).content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts, "the print enhancement script is expected"
    for attributes, body in scripts:
        if 'type="application/ld+json"' in attributes:
            # Structured data: a data block the browser never runs, valid JSON and nothing else.
            assert json.loads(body)["@context"] == "https://schema.org"
            continue
        assert body.strip() == "", "inline script on a patient page"
        source = re.search(r'src="([^"]+)"', attributes).group(1)
        assert source.startswith("/static/"), source


def test_staff_get_the_relaxed_policy_on_staff_paths_and_on_pages_with_the_toolbar(client):
    page = make_page("About")
    login_page = client.get("/admin/login/")
    assert "'unsafe-inline'" in parse_csp(login_page["Content-Security-Policy"])["style-src"]

    log_in_with_second_factor(client, make_user("Editor"))
    policy = parse_csp(client.get(page.get_absolute_url())["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", "'unsafe-eval'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]

    anonymous = Client()
    patient = parse_csp(anonymous.get(page.get_absolute_url())["Content-Security-Policy"])
    assert patient["script-src"] == ["'self'"]


def test_static_files_get_the_headers_too(client):
    response = client.get("/static/css/portal.css")
    assert response.status_code == 200
    assert parse_csp(response["Content-Security-Policy"])["default-src"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_check_deploy_reports_nothing_with_production_settings():
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}}
    env.update(
        DEBUG="0",
        SECRET_KEY="check-deploy-" + "Zq8#xL2!vN5@" * 5,
        ALLOWED_HOSTS="guide.clinic.example",
        EMAIL_URL="smtp+tls://portal:secret@smtp.clinic.example:587",
        DJANGO_SETTINGS_MODULE="portal.settings",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_pages_send_a_well_formed_vary_header_fresh_and_cached(client):
    make_page("About", slug="about")
    # First render, then django CMS's cache, then the portal's page cache: each answer the same.
    for _ in range(3):
        response = client.get("/about/")
        assert response.status_code == 200
        assert response["Vary"] == "Cookie, Accept-Encoding"
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert [name for name in response.get("Vary", "Cookie").split(",") if not name.strip()] == []
