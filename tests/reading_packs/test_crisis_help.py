"""Inside a reading pack, a patient who feels worse is shown the way to help, as on the guide itself."""

import re

import pytest
from django.test import Client

from reading_packs.models import ReadingPack
from tests.support.fixtures import seeded_once_per_module
from tests.support.packs import issue

pytestmark = pytest.mark.django_db

PREFIX = {"en": "", "es": "/es"}
NOT_URGENT = {
    "en": "Your care team reads these questions at your appointment, not before. This box is not for "
    "urgent problems.",
    "es": "Su equipo lee estas preguntas en su cita, no antes. Esta caja no es para problemas urgentes.",
}
CRISIS_PAGE = {"en": "/get-help-now/", "es": "/es/pida-ayuda-ahora/"}


seeded = seeded_once_per_module("seed_demo_guide", "seed_demo_packs")


@pytest.fixture
def first_infusion(seeded):
    return ReadingPack.objects.get(slug="first-infusion")


@pytest.mark.parametrize("language", ["en", "es"])
def test_pack_pages_show_the_crisis_box_on_screen_where_the_guide_page_does(first_infusion, language):
    _issued, code = issue(first_infusion, language=language)
    client = Client()
    # Your infusion day and Risks use "Guide page with crisis signpost"; the checklist does not.
    for number, on_screen in [(1, True), (2, False), (3, True)]:
        html = client.get(f"{PREFIX[language]}/p/{code}/{number}/").content.decode()
        assert ('data-testid="crisis-signpost"' in html) is on_screen, number
        assert on_screen or 'data-testid="crisis-signpost-print"' in html  # still printed


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_questions_box_says_it_is_not_for_urgent_problems_with_the_number_and_get_help_now(
    first_infusion, language
):
    _issued, code = issue(first_infusion, language=language)
    html = Client().get(f"{PREFIX[language]}/p/{code}/finish/").content.decode()
    hint = re.search(r'<p class="hint pack-finish__urgent".*?</p>', html, re.S).group(0)
    assert NOT_URGENT[language] in hint
    assert '<a href="tel:+12025550100">+1 202 555 0100</a>' in hint
    assert f'href="{CRISIS_PAGE[language]}"' in hint
    assert 'aria-describedby="questions-hint questions-urgent"' in html
