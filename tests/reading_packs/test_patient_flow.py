"""A patient reads a pack at /p/<code>/: only explicit posts record anything, and what is recorded
names each page's published version."""

import pytest

from reading_packs.models import CheckAnswer, IssuedPack, PageRead
from tests.support.assertions import assert_call_to_action_and_crisis_link
from tests.support.factories import PatientClient, make_page
from tests.support.packs import SAME_ORIGIN, issue, make_pack, make_page_with_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack_and_code():
    infusion, check = make_page_with_check()
    after = make_page("After your infusion", "<p>Do not drive until the next day.</p>")
    pack = make_pack([infusion, after])
    issued, code = issue(pack)
    return issued, code, check


def test_the_pack_opens_with_its_introduction_pages_and_progress(pack_and_code):
    issued, code, _ = pack_and_code
    response = PatientClient().get(f"/p/{code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Before your first infusion" in html
    assert "Please read these pages before your first infusion." in html
    assert "Your infusion day" in html and "After your infusion" in html
    assert "0 of 2 read" in html
    assert_call_to_action_and_crisis_link(html)
    issued.refresh_from_db()
    assert issued.opened_at is not None
    assert issued.status() == IssuedPack.OPENED


def test_a_link_preview_fetch_records_nothing_but_opened(pack_and_code):
    issued, code, _ = pack_and_code
    previewer = PatientClient(HTTP_USER_AGENT="Slackbot-LinkExpanding 1.0")
    for path in [f"/p/{code}/", f"/p/{code}/1/", f"/p/{code}/2/", f"/p/{code}/finish/"]:
        assert previewer.get(path).status_code == 200
    issued.refresh_from_db()
    assert issued.status() == IssuedPack.OPENED
    assert not PageRead.objects.exists() and not CheckAnswer.objects.exists()
    assert issued.finished_at is None


def test_reading_answering_and_finishing_are_recorded_with_version_numbers(pack_and_code):
    issued, code, check = pack_and_code
    patient = PatientClient()
    page = patient.get(f"/p/{code}/1/").content.decode()
    assert "The infusion takes about 40 minutes." in page
    assert "How long does the infusion take?" in page
    assert 'type="radio"' in page and "I have read this page" in page

    wrong = patient.post(f"/p/{code}/1/answer/", {"check": check.pk, "answer": 1}, **SAME_ORIGIN)
    assert wrong.status_code == 302
    again = patient.get(f"/p/{code}/1/").content.decode()
    assert "Not quite." in again and "About 10 minutes" in again
    patient.post(f"/p/{code}/1/answer/", {"check": check.pk, "answer": 2}, **SAME_ORIGIN)
    assert "That's right." in patient.get(f"/p/{code}/1/").content.decode()

    read = patient.post(f"/p/{code}/1/", **SAME_ORIGIN)
    assert read.status_code == 302 and read["Location"] == f"/p/{code}/2/"
    assert "1 of 2 read" in patient.get(f"/p/{code}/2/").content.decode()
    last = patient.post(f"/p/{code}/2/", **SAME_ORIGIN)
    assert last["Location"] == f"/p/{code}/finish/"

    finished = patient.post(
        f"/p/{code}/finish/",
        {"questions": "Can I bring my sister? Email me at sam@example.com or call 07700 900123."},
        **SAME_ORIGIN,
    )
    assert finished.status_code == 302
    issued.refresh_from_db()
    assert issued.status() == IssuedPack.FINISHED
    assert issued.questions == "Can I bring my sister? Email me at [removed] or call [removed]."
    answer = CheckAnswer.objects.get()
    assert (answer.first_answer, answer.first_correct) == ("About 10 minutes", False)
    assert (answer.final_answer, answer.final_correct, answer.attempts) == ("About 40 minutes", True, 2)
    reads = list(PageRead.objects.order_by("read_at"))
    assert [(read.title, read.version_number) for read in reads] == [
        ("Your infusion day", 1),
        ("After your infusion", 1),
    ]
    assert reads[0].reviewed_on is not None and reads[1].reviewed_on is None
    assert "Thank you: you have finished" in patient.get(f"/p/{code}/finish/").content.decode()
