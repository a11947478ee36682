"""Staff issue packs (code, link, QR code, slip) and read reading records; each role exactly as allowed."""

import pytest
from django.test import Client

from reading_packs.models import IssuedPack
from tests.support.factories import PatientClient, make_user, staff_client
from tests.support.packs import PRINTED_CODE, SAME_ORIGIN, issue

pytestmark = pytest.mark.django_db


def test_a_care_coordinator_issues_a_pack_and_gets_a_printable_slip(pack):
    coordinator = staff_client(make_user("Care coordinator"))
    listing = coordinator.get("/staff/packs/")
    assert listing.status_code == 200
    assert "Before your first infusion" in listing.content.decode()

    response = coordinator.post(f"/staff/packs/{pack.slug}/issue/", {"language": "en"}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    code = PRINTED_CODE.search(html).group(1)
    assert f"http://127.0.0.1:8000/p/{code}/" in html  # PORTAL_BASE_URL in local mode
    assert "<svg" in html and "<path" in html  # the QR code, drawn here
    assert "This link works until" in html
    assert "Name (written by the clinic, on paper only):" in html
    assert "Before your first infusion" in html
    assert "http://" not in html.split("<body>")[0].replace("http://127.0.0.1:8000", "")  # nothing fetched
    issued = IssuedPack.objects.get()
    assert issued.pack == pack and issued.issued_by is not None
    assert (issued.expires_at - issued.issued_at).days == 30
    assert Client().get(f"/p/{code}/").status_code == 200


def test_a_spanish_slip_is_in_spanish_and_links_to_the_spanish_pack(pack):
    coordinator = staff_client(make_user("Care coordinator"))
    html = coordinator.post(
        f"/staff/packs/{pack.slug}/issue/", {"language": "es"}, follow=True
    ).content.decode()
    code = PRINTED_CODE.search(html).group(1)
    assert f"/es/p/{code}/" in html
    assert '<html lang="es">' in html
    # An English link to a Spanish pack is sent to its Spanish address.
    assert Client().get(f"/p/{code}/")["Location"] == f"/es/p/{code}/"


def test_the_reading_record_shows_status_pages_with_versions_answers_and_questions(pack):
    from education.models import CheckQuestion

    _issued, code = issue(pack)
    coordinator = staff_client(make_user("Care coordinator"))
    record = coordinator.post("/staff/packs/record/", {"code": code.lower()})
    assert record.status_code == 200
    assert "Issued" in record.content.decode() and "Not read" in record.content.decode()

    patient = PatientClient()
    check = CheckQuestion.objects.get()
    patient.post(f"/p/{code}/1/answer/", {"check": check.pk, "answer": 3}, **SAME_ORIGIN)
    patient.post(f"/p/{code}/1/answer/", {"check": check.pk, "answer": 2}, **SAME_ORIGIN)
    patient.post(f"/p/{code}/1/", **SAME_ORIGIN)  # every check answered: marked read at once
    patient.post(f"/p/{code}/finish/", {"questions": "Can I drive home?"}, **SAME_ORIGIN)

    html = coordinator.post("/staff/packs/record/", {"code": code}).content.decode()
    assert "Finished" in html
    assert "Version 1" in html and "Dr Asha Patel" in html
    assert "<strong>Right after a wrong answer</strong>" in html
    assert "First: About 4 hours<br>Last: About 40 minutes (2 tries)" in html
    assert "Can I drive home?" in html
    assert "1 of 1" in html


def test_a_wrong_code_in_the_record_lookup_says_so_with_404():
    coordinator = staff_client(make_user("Care coordinator"))
    response = coordinator.post("/staff/packs/record/", {"code": "KX7P-2M9Q"})
    assert response.status_code == 404
    assert "No reading pack has the code" in response.content.decode()
    assert coordinator.post("/staff/packs/record/", {"code": "x" * 5000}).status_code == 404


def test_staff_pages_need_login_and_the_permission(pack):
    assert Client().get("/staff/packs/")["Location"].startswith("/admin/login/")
    assert Client().post("/staff/packs/record/", {"code": "KX7P-2M9Q"}).status_code == 302
    administrator = staff_client(make_user("Administrator"))
    assert administrator.get("/staff/packs/").status_code == 403
    assert administrator.post(f"/staff/packs/{pack.slug}/issue/").status_code == 403
    assert administrator.post("/staff/packs/record/", {"code": "KX7P-2M9Q"}).status_code == 403
    assert not IssuedPack.objects.exists()


@pytest.mark.parametrize("role", ["Editor", "Clinical reviewer"])
def test_clinicians_may_issue_packs_and_read_records(pack, role):
    client = staff_client(make_user(role))
    html = client.post(f"/staff/packs/{pack.slug}/issue/", {"language": "en"}, follow=True).content.decode()
    code = PRINTED_CODE.search(html).group(1)
    assert client.post("/staff/packs/record/", {"code": code}).status_code == 200


def test_a_care_coordinator_cannot_edit_pages_publish_review_or_manage_users(pack):
    coordinator = staff_client(make_user("Care coordinator"))
    for url in [
        "/admin/cms/pagecontent/",
        "/admin/auth/user/",
        "/admin/reading_packs/readingpack/add/",
        f"/admin/reading_packs/readingpack/{pack.pk}/delete/",
        "/admin/governance/clinicalreview/add/",
    ]:
        assert coordinator.get(url).status_code == 403, url
    assert coordinator.get("/staff/reviews/").status_code == 403
    # They can see which packs exist, with the way to issue them.
    html = coordinator.get("/admin/reading_packs/readingpack/").content.decode()
    assert "Issue a pack to a patient" in html and "Look up a reading record" in html
    assert 'href="/staff/packs/issued/">Packs issued</a>' in html
