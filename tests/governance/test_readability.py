"""The reading grade editors see: computed from the text readers get, never for a patient's request."""

import re

import pytest

from governance.models import ReadingGrade
from governance.readability import reading_grade, text_of_html
from tests.support.factories import (
    edit_draft,
    make_draft_edit,
    make_page,
    make_user,
    page_content,
    staff_client,
)

pytestmark = pytest.mark.django_db

PLAIN = (
    "<p>Eat a light meal. Do not drink alcohol. Bring a friend. Rest after.</p>"
    "<p>Wear loose clothes. Tell us how you feel. Ask us if you are not sure.</p>"
)
HARD = (
    "<p>Pharmacological interventions necessitate comprehensive multidisciplinary evaluation, "
    "considering contraindications, concomitant medications and individualised cardiovascular risk "
    "stratification before administration.</p><p>Subsequent pharmacokinetic considerations "
    "additionally necessitate individualised monitoring.</p>"
)


def test_markup_is_ignored_and_blocks_end_sentences():
    html = (
        "<h2>Before you come</h2><ul><li>Eat a <strong>light</strong> meal</li><li>Rest</li></ul>"
        "<script>x()</script>"
    )
    assert text_of_html(html) == "Before you come. Eat a light meal. Rest."


def test_the_grade_is_computed_from_the_rendered_page_text_and_stored():
    plain = reading_grade(page_content(make_page("Plain", PLAIN)))
    hard = reading_grade(page_content(make_page("Hard", HARD)))
    assert plain.grade <= 8 < hard.grade
    assert plain.words == 28
    assert ReadingGrade.objects.count() == 2


def test_changing_a_drafts_text_updates_its_grade():
    page = make_page("Infusion day", PLAIN)
    editor = make_user("Editor")
    draft = make_draft_edit(page, PLAIN, editor)
    assert reading_grade(draft.content).grade <= 8
    edit_draft(draft, HARD, editor)
    assert reading_grade(draft.content).grade > 8
    assert reading_grade(page_content(page, "published")).grade <= 8


def test_patients_requests_never_compute_a_grade(client):
    page = make_page("Plain", PLAIN)
    assert client.get(page.get_absolute_url()).status_code == 200
    assert not ReadingGrade.objects.exists()


def staff_page(user, page, mode="?edit"):
    client = staff_client(user)
    return client.get(page.get_absolute_url() + mode).content.decode()


def test_editors_see_the_grade_in_the_toolbar_with_a_note_when_it_is_hard():
    editor = make_user("Editor")
    html = staff_page(editor, make_page("Hard", HARD))
    assert 'data-testid="reading-grade"' in html
    assert re.search(
        r'data-testid="reading-grade" title="Reading grade: [^"]*Use shorter sentences and everyday words',
        html,
    )
    assert re.search(r"Grade \d+\.\d: simplify", html)
    html = staff_page(editor, make_page("Plain", PLAIN))
    assert 'data-testid="reading-grade"' in html
    assert ": simplify" not in html


def test_the_toolbar_offers_the_review_record_dashboard_and_history():
    page = make_page("Plain", PLAIN)
    html = staff_page(make_user("Clinical reviewer"), page)
    assert "Clinical review" in html
    assert "Review dashboard" in html
    assert f"/staff/reviews/pages/{page.pk}/history/" in html


def test_a_page_with_almost_no_text_is_too_short_to_grade_never_a_negative_grade():
    content = page_content(make_page("Nearly empty", "<p>Rest. Eat.</p>"))
    stored = reading_grade(content)
    assert stored.grade < 0  # what Flesch-Kincaid says about two words
    assert stored.too_short
    html = staff_page(make_user("Editor"), content.page)
    assert "Grade: too short" in html
    assert "Grade -" not in html
