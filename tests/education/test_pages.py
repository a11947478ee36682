"""What an anonymous patient gets from the site: the call to action everywhere, never a draft."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from clinic.constants import CRISIS_PAGE_REVERSE_ID
from tests.support.assertions import assert_call_to_action_and_crisis_link
from tests.support.factories import make_draft_edit, make_page, make_superuser

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_every_published_page_shows_the_call_to_action_and_crisis_link(client):
    home = make_page("Welcome", template="education/pages/home.html")
    home.set_as_homepage()
    pages = [
        make_page("About the treatment"),
        make_page("Risks", template="education/pages/guide_with_crisis_signpost.html"),
    ]
    for url in ["/", *(page.get_absolute_url() for page in pages)]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_call_to_action_and_crisis_link(response.content.decode())


def test_get_help_now_link_follows_the_crisis_page_when_staff_rename_it(client):
    make_page("Get help now", slug="urgent-help", reverse_id=CRISIS_PAGE_REVERSE_ID)
    page = make_page("About")
    html = client.get(page.get_absolute_url()).content.decode()
    assert '<a class="get-help-now" href="/urgent-help/">Get help now</a>' in html


def test_crisis_signpost_shows_only_on_pages_that_ask_for_it(client):
    risks = make_page("Risks", template="education/pages/guide_with_crisis_signpost.html")
    about = make_page("About")
    assert 'data-testid="crisis-signpost"' in client.get(risks.get_absolute_url()).content.decode()
    assert 'data-testid="crisis-signpost"' not in client.get(about.get_absolute_url()).content.decode()
    assert 'href="tel:988"' in client.get(risks.get_absolute_url()).content.decode()


def test_not_found_page_shows_the_call_to_action(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert_call_to_action_and_crisis_link(response.content.decode())


@pytest.mark.urls("tests.support.urls_with_crash")
def test_server_error_page_shows_the_call_to_action_and_crisis_numbers():
    client = Client(raise_request_exception=False)
    response = client.get("/crash-for-test/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html
    assert_call_to_action_and_crisis_link(html)
    assert 'href="tel:116123"' in html


def test_unpublished_page_is_not_found_for_anonymous_visitors(client):
    page = make_page("Secret draft", body="<p>Not reviewed yet.</p>", published=False)
    response = client.get(f"/{page.get_slug('en')}/")
    assert response.status_code == 404
    assert "Not reviewed yet" not in response.content.decode()


def test_draft_edit_of_a_published_page_stays_hidden_until_published(client):
    author = make_superuser("writer")
    page = make_page("Infusion day", body="<p>The infusion takes about 40 minutes.</p>", author=author)
    url = page.get_absolute_url()
    assert "about 40 minutes" in client.get(url).content.decode()

    draft = make_draft_edit(page, "<p>Draft wording nobody has reviewed.</p>", author)
    html = client.get(url).content.decode()
    assert "about 40 minutes" in html
    assert "Draft wording" not in html

    draft.publish(author)
    html = client.get(url).content.decode()
    assert "Draft wording nobody has reviewed." in html
    assert "about 40 minutes" not in html


def test_anonymous_visitors_get_no_cookies(client):
    page = make_page("About")
    for url in ["/", page.get_absolute_url(), "/no-such-page/"]:
        response = client.get(url)
        assert response.cookies == {}, f"{url} set {list(response.cookies)}"


def test_browsers_asking_for_favicon_ico_get_the_portal_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"
    assert client.get(response["Location"]).status_code == 200


def test_the_favicon_redirect_works_in_local_debug_mode_too():
    # The test run imports the URLs with DEBUG off; `make run` imports them with DEBUG on, where
    # the media-serving branch once shadowed the static() helper and the redirect failed.
    code = (
        "import django; django.setup()\n"
        "from django.test import RequestFactory\n"
        "from portal.urls import FaviconRedirect\n"
        "response = FaviconRedirect.as_view()(RequestFactory().get('/favicon.ico'))\n"
        "print(response.status_code, response['Location'])"
    )
    env = {**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "portal.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["301", "/static/favicon.svg"]
