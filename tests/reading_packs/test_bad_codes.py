"""Wrong, malformed, over-long and expired codes get a clear answer, never a 500; guessing is limited."""

import pytest

from reading_packs.models import CheckAnswer, PageRead
from tests.support.assertions import assert_call_to_action_and_crisis_link
from tests.support.factories import PatientClient
from tests.support.packs import SAME_ORIGIN, expire, issue, make_pack, make_page_with_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def code():
    page, _ = make_page_with_check()
    return issue(make_pack([page]))[1]


@pytest.mark.parametrize(
    "path",
    [
        "/p/KX7P-2M9Q/",  # well formed, issued to nobody
        "/p/0000-1111/",  # look-alike characters are never in a code
        "/p/" + "A" * 500 + "/",  # over-long
        "/p/%E2%9C%93%20code/",
        "/p/KX7P-2M9Q/1/",
        "/p/KX7P-2M9Q/finish/",
    ],
)
def test_a_wrong_code_gets_a_friendly_404_with_a_way_to_type_it_again(path):
    response = PatientClient().get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert "We could not find that code" in html
    assert 'name="code"' in html  # type it again
    assert_call_to_action_and_crisis_link(html)


def test_typing_a_code_on_p_opens_the_pack_however_it_is_spaced_or_cased(code):
    response = PatientClient().get("/p/", {"code": f"  {code.lower().replace('-', ' ')} "})
    assert response.status_code == 302
    assert response["Location"] == f"/p/{code}/"
    assert PatientClient().get("/p/").status_code == 200


def test_a_page_number_or_check_that_is_not_in_the_pack_is_404(code):
    client = PatientClient()
    assert client.get(f"/p/{code}/0/").status_code == 404
    assert client.get(f"/p/{code}/2/").status_code == 404
    assert client.post(f"/p/{code}/9/", **SAME_ORIGIN).status_code == 404
    assert (
        client.post(f"/p/{code}/1/answer/", {"check": "999999", "answer": "1"}, **SAME_ORIGIN).status_code
        == 404
    )
    assert (
        client.post(f"/p/{code}/1/answer/", {"check": "x", "answer": "1"}, **SAME_ORIGIN).status_code == 404
    )
    assert not PageRead.objects.exists()


def test_an_answer_that_is_not_one_of_the_choices_records_nothing(code):
    from education.models import CheckQuestion

    check = CheckQuestion.objects.get()
    for answer in ["0", "4", "-1", "two", ""]:
        response = PatientClient().post(
            f"/p/{code}/1/answer/", {"check": check.pk, "answer": answer}, **SAME_ORIGIN
        )
        assert response.status_code == 302
    assert not CheckAnswer.objects.exists()


def test_an_expired_code_is_410_and_points_to_the_clinic_and_the_guide():
    page, _ = make_page_with_check()
    issued, code = issue(make_pack([page]))
    expire(issued)
    for path in [f"/p/{code}/", f"/p/{code}/1/", f"/p/{code}/finish/"]:
        response = PatientClient().get(path)
        html = response.content.decode()
        assert response.status_code == 410
        assert "Ask your clinic for a new link." in html
        assert 'href="/"' in html
    assert PatientClient().post(f"/p/{code}/1/", **SAME_ORIGIN).status_code == 410
    assert not PageRead.objects.exists()


def test_more_than_ten_wrong_codes_from_one_address_get_429_even_for_a_right_code(code):
    client = PatientClient(REMOTE_ADDR="203.0.113.7")
    answers = [client.get(f"/p/KX7P-2M{letter}Q/").status_code for letter in "ABCDEFGHJK"]
    assert answers == [404] * 10
    eleventh = client.get("/p/KX7P-2MMQ/")
    assert eleventh.status_code == 429
    assert "Too many tries" in eleventh.content.decode()
    assert client.get(f"/p/{code}/").status_code == 429  # for a while, even the right one
    assert client.get("/p/", {"code": "not a code"}).status_code == 429
    # Another address is not affected.
    assert PatientClient(REMOTE_ADDR="203.0.113.8").get(f"/p/{code}/").status_code == 200
