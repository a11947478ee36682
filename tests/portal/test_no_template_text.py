"""No template syntax ever reaches a reader. Django's {# #} comments end at the line's end: a
two-line one was shown, word for word, under every guide page for a release. Every seeded page in
both languages, its print view, the pack pages, the feedback answers and the error pages are read
here for the marks of template code that was not run."""

import re

import pytest
from cms.models import PageContent
from django.core.management import call_command

from reading_packs import records
from reading_packs.models import ReadingPack
from tests.support.factories import PatientClient

pytestmark = pytest.mark.django_db

TEMPLATE_MARKS = ("{#", "#}", "{%", "%}", "{{", "}}")
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def seeded():
    call_command("seed_demo_guide", verbosity=0)
    call_command("seed_demo_packs", verbosity=0)


JSON_LD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.S)


def assert_no_template_text(response, where: str) -> None:
    # Structured data is JSON: its nested objects close with "}}" by right.
    html = JSON_LD.sub("", response.content.decode())
    found = [mark for mark in TEMPLATE_MARKS if mark in html]
    assert not found, (
        f"{where} shows {found}: …{html[html.find(found[0]) - 120 : html.find(found[0]) + 120]}…"
    )


def published_addresses() -> list[str]:
    contents = PageContent.objects.filter(page__site_id=1).select_related("page")
    return sorted({content.page.get_absolute_url(content.language) for content in contents})


def test_no_page_a_patient_can_reach_shows_template_code(seeded, settings):
    client = PatientClient()
    addresses = published_addresses()
    assert len(addresses) >= 18  # every seeded page, in English and in Spanish
    for address in addresses:
        page = client.get(address)
        assert page.status_code == 200, address
        assert_no_template_text(page, address)
        assert_no_template_text(client.get(address + "?print=1"), address + "?print=1")

    for language in ("en", "es"):
        for pack in ReadingPack.objects.all():
            _issued, code = records.issue(pack, language=language)
            prefix = "" if language == "en" else "/es"
            for path in (f"{prefix}/p/{code}/", f"{prefix}/p/{code}/1/", f"{prefix}/p/{code}/finish/"):
                response = client.get(path)
                assert response.status_code == 200, path
                assert_no_template_text(response, path)
        for path in (f"{prefix}/p/", f"{prefix}/p/ZZZZ-ZZZZ/", f"{prefix}/no-such-page/"):
            assert_no_template_text(client.get(path), path)

    home = PageContent.objects.filter(language="en").first().page
    for useful in ("yes", "no"):
        answer = client.post(
            "/feedback/", {"page": home.pk, "language": "en", "useful": useful}, **SAME_ORIGIN
        )
        assert answer.status_code == 200
        assert_no_template_text(answer, f"the feedback answer {useful}")
    assert_no_template_text(client.post("/feedback/", {}), "a refused feedback form")

    settings.ROOT_URLCONF = "tests.support.urls_with_crash"
    crash = PatientClient(raise_request_exception=False).get("/crash-for-test/")
    assert crash.status_code == 500
    assert_no_template_text(crash, "the 500 page")
