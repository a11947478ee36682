"""Editors and clinical reviewers define packs in the admin: name, slug, introduction, validity, pages."""

import pytest

from reading_packs.models import ReadingPack
from tests.support.factories import make_page, make_user, staff_client

pytestmark = pytest.mark.django_db


def pack_form(pages, **fields):
    data = {
        "name": "Before your assessment",
        "slug": "assessment",
        "introduction": "Read these before your assessment.",
        "days_valid": "14",
        "pack_pages-TOTAL_FORMS": str(len(pages)),
        "pack_pages-INITIAL_FORMS": "0",
        "translations-TOTAL_FORMS": "1",
        "translations-INITIAL_FORMS": "0",
        "translations-0-language": "es",
        "translations-0-name": "Antes de su evaluación",
        "translations-0-introduction": "Lea estas páginas antes de su evaluación.",
        **fields,
    }
    for index, page in enumerate(pages):
        data[f"pack_pages-{index}-page"] = str(page.pk)
        data[f"pack_pages-{index}-position"] = str(index)
    return data


@pytest.mark.parametrize("role", ["Editor", "Clinical reviewer"])
def test_clinicians_define_a_pack_with_its_pages_in_order_and_its_spanish_words(role):
    first, second = make_page("Your assessment"), make_page("Risks and side effects")
    client = staff_client(make_user(role))
    form = client.get("/admin/reading_packs/readingpack/add/").content.decode()
    assert "Your assessment" in form and "Risks and side effects" in form  # pages offered by title
    response = client.post("/admin/reading_packs/readingpack/add/", pack_form([second, first]))
    assert response.status_code == 302, response.content.decode()[:2000]
    pack = ReadingPack.objects.get(slug="assessment")
    assert [pack_page.page for pack_page in pack.pack_pages.all()] == [second, first]
    assert pack.days_valid == 14
    assert pack.wording("es") == ("Antes de su evaluación", "Lea estas páginas antes de su evaluación.")


def test_a_pack_valid_for_too_long_is_refused_with_a_message_and_nothing_is_lost():
    page = make_page("Your assessment")
    client = staff_client(make_user("Editor"))
    response = client.post("/admin/reading_packs/readingpack/add/", pack_form([page], days_valid="400"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 365" in html
    assert "Read these before your assessment." in html
    assert not ReadingPack.objects.exists()
