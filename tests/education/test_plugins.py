"""The guide's building blocks, as a patient sees them and as an editor adds them."""

import pytest

from tests.support.factories import (
    add_block,
    add_glossary_term,
    log_in_with_second_factor,
    make_page,
    make_superuser,
    page_content,
    publish,
)

pytestmark = pytest.mark.django_db


def published_page_with(*blocks):
    page = make_page("A guide page", published=False)
    for plugin_type, fields in blocks:
        add_block(page, plugin_type, **fields)
    publish(page)
    return page


def test_key_facts_steps_and_checklist_show_their_lines_as_lists_and_escape_markup(client):
    page = published_page_with(
        ("KeyFactsPlugin", {"points": "It takes 40 minutes.\n\nA nurse stays.\n<script>alert(1)</script>"}),
        ("TreatmentStepsPlugin", {"steps": "Arrival: check in at the desk.\nGoing home"}),
        ("ChecklistPlugin", {"title": "Bring", "items": "Headphones\nSomeone to take you home"}),
    )
    html = client.get(page.get_absolute_url()).content.decode()
    assert "<li>It takes 40 minutes.</li><li>A nurse stays.</li>" in html
    assert "<script>alert(1)</script>" not in html
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>" in html
    assert '<strong class="steps__name">Arrival<span class="visually-hidden">:</span></strong> ' in html
    assert "Check in at the desk." in html
    assert '<ol class="steps__list">' in html
    assert "<li>Headphones</li><li>Someone to take you home</li>" in html


def test_care_cards_give_tap_to_call_numbers_and_fall_back_to_the_clinic_number(client):
    page = published_page_with(
        (
            "CareCardPlugin",
            {
                "level": "emergency",
                "heading": "Get help now",
                "message": "If you feel unsafe:\n- call now\n- do not wait",
                "phone_numbers": "Samaritans: 116 123\n911",
            },
        ),
        (
            "CareCardPlugin",
            {"level": "non-urgent", "heading": "Speak to your care team", "message": "Ask us."},
        ),
    )
    html = client.get(page.get_absolute_url()).content.decode()
    assert 'class="care-card care-card--emergency"' in html
    assert '<li>Samaritans: <a href="tel:116123">116 123</a></li>' in html
    assert '<li><a href="tel:911">911</a></li>' in html
    assert "<ul><li>call now</li><li>do not wait</li></ul>" in html
    assert 'class="care-card care-card--non-urgent"' in html
    assert '<a href="tel:+12025550100">+1 202 555 0100</a>' in html.split("care-card--non-urgent")[1]


def test_questions_are_native_details_that_work_without_javascript(client):
    page = published_page_with(
        ("QuestionAnswerPlugin", {"question": "Can I drive?", "answer": "No.\n\nWait until <b>tomorrow</b>."})
    )
    html = client.get(page.get_absolute_url()).content.decode()
    assert '<details class="question">\n  <summary>Can I drive?</summary>' in html
    assert "<p>No.</p>\n\n<p>Wait until &lt;b&gt;tomorrow&lt;/b&gt;.</p>" in html


def test_a_glossary_term_shows_its_plain_definition_inside_the_sentence(client):
    page = make_page("Infusion", published=False)
    add_glossary_term(page, "cannula", "a small needle that goes into a vein")
    publish(page)
    html = client.get(page.get_absolute_url()).content.decode()
    assert (
        'We call this <dfn class="glossary-term">cannula</dfn><span class="glossary-term__definition"> '
        "(a small needle that goes into a vein)</span>.</p>"
    ) in html


@pytest.fixture
def editor_client(client):
    log_in_with_second_factor(client, make_superuser("editor-in-chief"))
    return client


def add_through_the_editor(client, page, plugin_type, data):
    placeholder = page_content(page).get_placeholders().get(slot="content")
    url = (
        f"/admin/cms/placeholder/add-plugin/?placeholder_id={placeholder.pk}&plugin_type={plugin_type}"
        "&plugin_language=en&plugin_position=2&cms_path=/"
    )
    return client.post(url, data)


@pytest.mark.parametrize(
    ("plugin_type", "data", "message"),
    [
        ("KeyFactsPlugin", {"title": "In short", "points": "One\nTwo"}, "Write 3 to 6 points, one per line."),
        ("KeyFactsPlugin", {"title": "In short", "points": "1\n2\n3\n4\n5\n6\n7"}, "There are 7 now."),
        ("TreatmentStepsPlugin", {"title": "What happens", "steps": ""}, "This field is required."),
        (
            "CareCardPlugin",
            {"level": "emergency", "heading": "Call now", "message": "Now.", "phone_numbers": ""},
            "An emergency card needs at least one number to call",
        ),
        (
            "CareCardPlugin",
            {"level": "urgent", "heading": "Call", "message": "Now.", "phone_numbers": "Clinic: call us"},
            "“call us” is not a phone number.",
        ),
        ("QuestionAnswerPlugin", {"question": "", "answer": "Yes."}, "This field is required."),
    ],
)
def test_the_editor_refuses_an_incomplete_block_with_a_clear_message(
    editor_client, plugin_type, data, message
):
    page = make_page("Draft", published=False)
    response = add_through_the_editor(editor_client, page, plugin_type, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (
        not page_content(page)
        .get_placeholders()
        .get(slot="content")
        .get_plugins()
        .filter(plugin_type=plugin_type)
    )


def test_the_editor_adds_a_complete_block(editor_client, client):
    page = make_page("Draft", published=False)
    response = add_through_the_editor(
        editor_client, page, "KeyFactsPlugin", {"title": "In short", "points": "One\nTwo\nThree"}
    )
    assert response.status_code == 200
    assert "errorlist" not in response.content.decode()
    publish(page)
    assert "<li>One</li><li>Two</li><li>Three</li>" in client.get(page.get_absolute_url()).content.decode()


# --- Check your understanding ----------------------------------------------------------------
def test_a_check_question_must_name_one_of_its_own_answers_as_right():
    from django.core.exceptions import ValidationError

    from education.models import CheckQuestion

    check = CheckQuestion(
        question="How long does the infusion take?",
        answers="About 10 minutes\nAbout 40 minutes",
        correct_answer=3,
        explanation="About 40 minutes.",
    )
    with pytest.raises(ValidationError, match="There are only 2 answers"):
        check.full_clean(exclude=["placeholder", "language", "plugin_type", "position"])
    check.answers = "Only one answer"
    with pytest.raises(ValidationError, match="Write 2 to 4 answers"):
        check.full_clean(exclude=["placeholder", "language", "plugin_type", "position"])
