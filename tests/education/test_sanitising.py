"""Editor HTML is cleaned by djangocms-text's nh3 sanitiser when the text plugin is saved; what the
sanitiser keeps (inline styles, images from other sites) the patient CSP refuses to load."""

import re

import pytest
from djangocms_text.models import Text

from tests.support.factories import make_page
from tests.support.observatory import parse_csp
from tests.support.xss_corpus import XSS_PAYLOADS

pytestmark = pytest.mark.django_db

EXECUTABLE = [
    r"<script",
    r"\son[a-z]+\s*=",
    r"javascript:",
    r"data:text/html",
    r"<iframe",
    r"<embed",
    r"<object",
    r"<svg",
    r"<math",
    r"<style",
    r"<link",
    r"<base",
    r"<meta",
    r"<form",
    r"<input",
]
# What nh3 keeps because it is harmless markup, but which would contact another site if loaded.
KEPT_FOR_THE_CSP = [r'style="background:url\(https://evil\.example', r'<img src="https://evil\.example']


def page_with(payloads):
    return make_page("Stored payloads", [payload for _, payload in payloads])


@pytest.mark.parametrize(("kind", "payload"), XSS_PAYLOADS, ids=[p for _, p in XSS_PAYLOADS])
def test_the_sanitiser_strips_what_could_run(kind, payload):
    page_with([(kind, payload)])
    stored = Text.objects.get().body
    for pattern in EXECUTABLE:
        assert not re.search(pattern, stored, re.I), f"{kind}: {pattern!r} survived in {stored!r}"


def test_the_patient_page_shows_no_payload_and_the_csp_blocks_what_is_left(client):
    page = page_with(XSS_PAYLOADS)
    response = client.get(page.get_absolute_url())
    article = re.search(r"<article[^>]*>(.*?)</article>", response.content.decode(), re.S).group(1)
    for pattern in EXECUTABLE:
        assert not re.search(pattern, article, re.I), pattern
    external = re.findall(r"evil\.example[^\"')\s]*", article)
    assert sorted(external) == ["evil.example/c1.png", "evil.example/i1.png"]
    for kept in KEPT_FOR_THE_CSP:
        assert re.search(kept, article)
    policy = parse_csp(response["Content-Security-Policy"])
    assert policy["img-src"] == ["'self'"]  # the image beacon is not fetched
    assert policy["style-src"] == ["'self'"]  # inline style attributes are not applied


def test_the_corpus_is_big_enough():
    assert len(XSS_PAYLOADS) >= 20
    assert {kind for kind, _ in XSS_PAYLOADS} >= {
        "script tag",
        "event handler",
        "javascript: URL",
        "data: URL",
        "SVG",
        "iframe/embed",
        "CSS beacon",
        "external image",
    }
