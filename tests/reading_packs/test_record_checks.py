"""The reading record is built for the appointment: the patient's questions first, every check of the
pack with how it went (skipped safety checks and wrong answers stand out), unread pages as not read.
On the patient's side, marking a page read with checks unanswered asks once, and never blocks."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from education.models import CheckQuestion
from reading_packs.models import PageRead
from tests.support.factories import PatientClient, make_page, make_user, staff_client
from tests.support.packs import SAME_ORIGIN, issue, make_pack, make_page_with_check

pytestmark = pytest.mark.django_db

SAFETY_QUESTION = "You feel worse or unsafe after an infusion. What should you do?"


@pytest.fixture
def pack():
    infusion, _ = make_page_with_check(
        more_checks=(
            {"question": "Can you drive home?", "answers": "Yes\nNo", "correct_answer": 2},
            {"question": "Can you eat before?", "answers": "Yes\nNo, not for 6 hours", "correct_answer": 2},
        )
    )
    risks, _ = make_page_with_check(
        "Risks and side effects",
        question=SAFETY_QUESTION,
        answers="Wait for your next visit\nGet help now",
        safety_check=True,
    )
    after = make_page("After your infusion", "<p>Rest for the day.</p>")
    return make_pack([infusion, risks, after])


def answer(patient, code, page, question, position):
    check = CheckQuestion.objects.get(question=question)
    patient.post(f"/p/{code}/{page}/answer/", {"check": check.pk, "answer": position}, **SAME_ORIGIN)


def test_the_record_puts_the_questions_first_and_lists_every_check_with_how_it_went(pack):
    _issued, code = issue(pack)
    patient = PatientClient()
    answer(patient, code, 1, "How long does the infusion take?", 2)  # right first time
    answer(patient, code, 1, "Can you drive home?", 1)
    answer(patient, code, 1, "Can you drive home?", 2)  # right after a wrong answer
    answer(patient, code, 1, "Can you eat before?", 1)  # still wrong
    patient.post(f"/p/{code}/1/", **SAME_ORIGIN)
    patient.post(f"/p/{code}/2/", {"unanswered": "skip"}, **SAME_ORIGIN)  # the safety check skipped
    patient.post(f"/p/{code}/finish/", {"questions": "Can my partner stay with me?"}, **SAME_ORIGIN)

    html = (
        staff_client(make_user("Care coordinator"))
        .post("/staff/packs/record/", {"code": code})
        .content.decode()
    )
    questions = html.index('data-testid="record-questions"')
    assert questions < html.index("Checks of understanding") < html.index("<h3>Pages</h3>")
    assert "Can my partner stay with me?" in html[questions:]
    checks = html.split('data-testid="record-check"')[1:]
    assert len(checks) == 4
    outcomes = ["Right first time", "Right after a wrong answer", "Still wrong", "Not answered"]
    for row, outcome in zip(checks, outcomes, strict=True):
        assert f"<strong>{outcome}</strong>" in row
    highlighted = re.findall(r'<tr class="([^"]*)" data-testid="record-check">', html)
    assert highlighted == ["", "", "record-check--attention", "record-check--attention"]
    assert SAFETY_QUESTION in checks[3] and "Safety check" in checks[3]
    pages = html[html.index("<h3>Pages</h3>") :]
    assert pages.count("Not read") == 1 and "After your infusion" in pages

    out = StringIO()
    call_command("reading_record", code, "--json", stdout=out)
    record = json.loads(out.getvalue())
    assert [check["outcome"] for check in record["checks"]] == [outcome.lower() for outcome in outcomes]
    assert record["checks"][3] == {
        "page": "Risks and side effects",
        "question": SAFETY_QUESTION,
        "safety_check": True,
        "outcome": "not answered",
        "needs_attention": True,
        "first_answer": None,
        "final_answer": None,
        "attempts": 0,
    }


def test_i_have_read_this_page_with_checks_unanswered_asks_once_and_never_blocks(pack):
    _issued, code = issue(pack)
    patient = PatientClient()
    asked = patient.post(f"/p/{code}/1/", **SAME_ORIGIN)
    assert asked.status_code == 200
    html = asked.content.decode()
    assert "Answer the checks first?" in html
    assert "You have not answered 3 questions on “Your infusion day”" in html
    assert f'href="/p/{code}/1/#check-' in html and 'name="unanswered" value="skip"' in html
    assert not PageRead.objects.exists()

    done = patient.post(f"/p/{code}/1/", {"unanswered": "skip"}, **SAME_ORIGIN)
    assert done.status_code == 302 and done["Location"] == f"/p/{code}/2/"
    assert PageRead.objects.count() == 1
    # Once read, pressing it again does not ask again.
    assert patient.post(f"/p/{code}/1/", **SAME_ORIGIN).status_code == 302
    # A page whose checks are all answered, or that has none, is marked read at once.
    answer(patient, code, 2, SAFETY_QUESTION, 2)
    assert patient.post(f"/p/{code}/2/", **SAME_ORIGIN).status_code == 302
    assert patient.post(f"/p/{code}/3/", **SAME_ORIGIN).status_code == 302
    assert PageRead.objects.count() == 3
