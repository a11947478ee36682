"""“Packs issued”: the codes of the last 30 days by their last 4 characters, with status, progress and
what needs a look; cancelling and extending a code, each in the security log without the code."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from reading_packs.models import IssuedPack
from tests.support.factories import PatientClient, make_user, staff_client
from tests.support.packs import SAME_ORIGIN, expire, issue, make_pack, make_page_with_check

pytestmark = pytest.mark.django_db

LIST = "/staff/packs/issued/"


@pytest.fixture
def pack():
    infusion, _ = make_page_with_check()
    risks, _ = make_page_with_check(
        "Risks and side effects",
        question="You feel worse or unsafe after an infusion. What should you do?",
        answers="Wait for your next visit\nGet help now",
        safety_check=True,
    )
    return make_pack([infusion, risks])


@pytest.fixture
def coordinator():
    return make_user("Care coordinator", first_name="Rosa", last_name="Front")


def rows(html: str) -> list[str]:
    return re.findall(r'<tr data-testid="issued-row">(.*?)</tr>', html, re.S)


def test_the_list_shows_each_code_by_its_last_4_characters_with_status_progress_and_flags(pack, coordinator):
    from education.models import CheckQuestion

    finished, finished_code = issue(pack)
    finished.issued_by = coordinator
    finished.save()
    _unopened, unopened_code = issue(pack, days=1)
    old, _old_code = issue(pack)
    IssuedPack.objects.filter(pk=old.pk).update(issued_at=timezone.now() - datetime.timedelta(days=40))

    patient = PatientClient()
    wrong = CheckQuestion.objects.get(question="How long does the infusion take?")
    patient.post(f"/p/{finished_code}/1/answer/", {"check": wrong.pk, "answer": 1}, **SAME_ORIGIN)
    patient.post(f"/p/{finished_code}/finish/", {"questions": "Can I drive home?"}, **SAME_ORIGIN)

    response = staff_client(coordinator).get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    listed = rows(html)
    assert len(listed) == 2  # the code issued 40 days ago is outside the last 30 days
    newest, first = listed
    assert f"…-{unopened_code[-4:]}" in newest and "Issued" in newest and "0 of 2" in newest
    assert "Expires in 2 days, not opened" in newest
    assert f"…-{finished_code[-4:]}" in first and "Finished" in first and "0 of 2" in first
    assert "Question asked" in first and "A check still wrong" in first and "A safety check skipped" in first
    assert "by Rosa Front" in first
    for code in (finished_code, unopened_code):
        assert code not in html and code.replace("-", "") not in html
    assert f"/p/{finished_code}" not in html

    assert len(rows(staff_client(coordinator).get(LIST, {"period": "90"}).content.decode())) == 3


def test_the_list_filters_by_status_and_by_who_issued_it_and_is_paginated(pack, coordinator):
    mine, _ = issue(pack)
    mine.issued_by = coordinator
    mine.save()
    expired, _ = issue(pack)
    expire(expired)
    for _ in range(30):
        issue(pack)
    client = staff_client(coordinator)

    html = client.get(LIST, {"status": "expired"}).content.decode()
    assert len(rows(html)) == 1 and "Expired" in rows(html)[0]
    assert len(rows(client.get(LIST, {"mine": "on"}).content.decode())) == 1
    first_page = client.get(LIST).content.decode()
    assert len(rows(first_page)) == 25 and "32 codes, page 1 of 2" in first_page
    second_page = client.get(LIST, {"page": "2"}).content.decode()
    assert len(rows(second_page)) == 7
    assert '<option value="30" selected>Last 30 days</option>' in second_page
    # Nonsense filters are ignored, never a 500.
    assert client.get(LIST, {"status": "x" * 300, "period": "-1", "page": "zz"}).status_code == 200


def test_a_coordinator_cancels_a_code_after_confirming_and_the_patient_is_told_to_ask_the_clinic(
    pack, coordinator, security_log
):
    issued, code = issue(pack)
    client = staff_client(coordinator)
    confirm = client.get(f"/staff/packs/issued/{issued.pk}/cancel/")
    assert confirm.status_code == 200
    assert f'Cancel the code <strong class="code-tail">…-{code[-4:]}</strong>' in confirm.content.decode()
    issued.refresh_from_db()
    assert issued.cancelled_at is None  # a GET only asks

    done = client.post(f"/staff/packs/issued/{issued.pk}/cancel/", {"next": f"{LIST}?status=cancelled"})
    assert done.status_code == 302 and done["Location"] == f"{LIST}?status=cancelled"
    listed = client.get(done["Location"]).content.decode()
    assert f"Cancelled the code …-{code[-4:]}" in listed and "Cancelled" in rows(listed)[0]

    gone = PatientClient().get(f"/p/{code}/")
    assert gone.status_code == 410
    assert "Your clinic has closed this link. Ask your clinic for a new link." in gone.content.decode()
    lines = [line for line in security_log() if "pack_cancelled" in line]
    assert len(lines) == 1 and f"issued_pack={issued.pk}" in lines[0] and coordinator.username in lines[0]
    assert not any(code[-4:] in line or code.replace("-", "") in line for line in security_log())


def test_a_code_is_extended_to_at_most_the_packs_days_valid_from_today(pack, coordinator, security_log):
    issued, code = issue(pack)
    expire(issued)
    client = staff_client(coordinator)
    assert PatientClient().get(f"/p/{code}/").status_code == 410

    too_long = client.post(f"/staff/packs/issued/{issued.pk}/extend/", {"days": "31", "next": LIST})
    assert too_long.status_code == 400
    assert "less than or equal to 30" in too_long.content.decode()
    assert client.post(f"/staff/packs/issued/{issued.pk}/extend/", {"days": "soon"}).status_code == 400
    issued.refresh_from_db()
    assert issued.is_expired()

    before = timezone.now()
    done = client.post(
        f"/staff/packs/issued/{issued.pk}/extend/", {"days": "5", "next": "https://evil.example/"}
    )
    assert done.status_code == 302 and done["Location"] == LIST
    issued.refresh_from_db()
    assert (
        before + datetime.timedelta(days=5)
        <= issued.expires_at
        <= timezone.now() + datetime.timedelta(days=5)
    )
    assert PatientClient().get(f"/p/{code}/").status_code == 200
    lines = [line for line in security_log() if "pack_extended" in line]
    assert len(lines) == 1 and f"issued_pack={issued.pk}" in lines[0]
    assert code[-4:] not in lines[0]


def test_a_cancelled_code_cannot_be_extended(pack, coordinator):
    issued, code = issue(pack)
    client = staff_client(coordinator)
    client.post(f"/staff/packs/issued/{issued.pk}/cancel/")
    refused = client.post(f"/staff/packs/issued/{issued.pk}/extend/", {"days": "5"})
    assert refused.status_code == 400 and "cannot be extended" in refused.content.decode()
    assert PatientClient().get(f"/p/{code}/").status_code == 410


def test_only_staff_who_issue_packs_see_the_list_or_change_a_code(pack):
    issued, _ = issue(pack)
    assert Client().get(LIST)["Location"].startswith("/admin/login/")
    administrator = staff_client(make_user("Administrator"))
    assert administrator.get(LIST).status_code == 403
    assert administrator.post(f"/staff/packs/issued/{issued.pk}/cancel/").status_code == 403
    assert administrator.post(f"/staff/packs/issued/{issued.pk}/extend/", {"days": 5}).status_code == 403
    issued.refresh_from_db()
    assert issued.cancelled_at is None
    for role in ("Editor", "Clinical reviewer"):
        assert staff_client(make_user(role)).get(LIST).status_code == 200
    coordinator = staff_client(make_user("Care coordinator"))
    assert coordinator.post("/staff/packs/issued/999999/cancel/").status_code == 404
    assert coordinator.get(f"/staff/packs/issued/{issued.pk}/extend/").status_code == 405
