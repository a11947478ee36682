"""The demo: two packs over the seeded guide, with check questions written from the content brief."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from education.models import CheckQuestion
from reading_packs.models import ReadingPack
from tests.support.packs import issue

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo_guide", stdout=StringIO())
    call_command("seed_demo_packs", stdout=StringIO())


def test_the_demo_has_two_packs_with_the_same_checks_in_both_languages():
    seed()
    seed()  # idempotent
    packs = {pack.slug: pack for pack in ReadingPack.objects.all()}
    assert set(packs) == {"assessment", "first-infusion"}
    assert packs["first-infusion"].name == "Before your first infusion"
    for pack in packs.values():
        pages = [pack_page.page for pack_page in pack.pack_pages.all()]
        for language in ("en", "es"):
            checks = CheckQuestion.objects.filter(
                placeholder__content_type__model="pagecontent",
                language=language,
                placeholder__object_id__in=[
                    content.pk
                    for page in pages
                    for content in page.pagecontent_set(manager="admin_manager").all()
                ],
            )
            # The infusion page's three checks include "may you go home alone?"; risks has two.
            expected = {"assessment": 3, "first-infusion": 5}[pack.slug]
            assert checks.count() == expected, (pack.slug, language, checks.count())
        _, code = issue(pack, language="es")
        html = Client().get(f"/es/p/{code}/").content.decode()
        assert pack.wording("es")[0] in html


def test_a_seeded_check_works_without_javascript_on_the_guide_page(client):
    seed()
    html = client.get("/your-infusion-day/").content.decode()
    assert "Check your understanding" in html
    assert "How long does the infusion take?" in html
    assert '<details class="check__reveal">' in html and "<summary>Show the answer</summary>" in html


def test_the_two_safety_checks_on_risks_are_marked_in_both_languages_and_asked_about_in_spanish():
    from tests.support.factories import PatientClient
    from tests.support.packs import SAME_ORIGIN

    seed()
    safety = CheckQuestion.objects.filter(safety_check=True)
    assert sorted(safety.values_list("language", flat=True)) == ["en", "en", "es", "es"]
    assert {check.question[:20] for check in safety} == {
        "It hurts when you pa",
        "You feel worse or un",
        "Le duele al orinar, ",
        "Se siente peor o en ",
    }
    _issued, code = issue(ReadingPack.objects.get(slug="assessment"), language="es")
    html = PatientClient().post(f"/es/p/{code}/3/", **SAME_ORIGIN).content.decode()
    assert "¿Quiere responder antes a las preguntas?" in html
    assert "No respondió a 2 preguntas de “Riesgos y efectos secundarios”:" in html
    assert "Marcar la página como leída sin responder" in html
