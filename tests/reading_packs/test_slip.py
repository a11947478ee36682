"""Issuing is post/redirect/get: the code reaches the slip through the staff member's session, once,
so a reload never issues a second code and the code never appears in an address."""

import pytest

from reading_packs.models import IssuedPack
from tests.support.factories import PatientClient, make_user, staff_client
from tests.support.packs import PRINTED_CODE, issue

pytestmark = pytest.mark.django_db


def test_issuing_redirects_to_a_slip_address_without_the_code_and_a_reload_issues_nothing(pack):
    coordinator = staff_client(make_user("Care coordinator"))
    response = coordinator.post(f"/staff/packs/{pack.slug}/issue/", {"language": "en"})
    assert response.status_code == 303
    issued = IssuedPack.objects.get()
    assert response["Location"] == f"/staff/packs/slip/{issued.pk}/"

    slip = coordinator.get(response["Location"]).content.decode()
    code = PRINTED_CODE.search(slip).group(1)
    assert code.endswith(issued.code_tail) and len(issued.code_tail) == 4
    assert PatientClient().get(f"/p/{code}/").status_code == 200

    reload = coordinator.get(response["Location"])
    assert reload.status_code == 200
    html = reload.content.decode()
    assert "The slip for this code was already shown" in html
    assert f"…-{issued.code_tail}" in html
    assert code not in html and code.replace("-", "") not in html
    assert IssuedPack.objects.count() == 1
    # Nothing of the code stays in the session once the slip has been shown.
    assert code.replace("-", "") not in str(dict(coordinator.session))


def test_another_member_of_staff_cannot_see_a_slip_that_was_not_theirs(pack):
    mine = staff_client(make_user("Care coordinator"))
    location = mine.post(f"/staff/packs/{pack.slug}/issue/", {"language": "en"})["Location"]
    other = staff_client(make_user("Care coordinator")).get(location).content.decode()
    assert "already shown" in other and not PRINTED_CODE.search(other)
    assert PRINTED_CODE.search(mine.get(location).content.decode())


def test_opening_the_issue_or_slip_address_directly_explains_where_to_go(pack):
    coordinator = staff_client(make_user("Care coordinator"))
    issue_page = coordinator.get(f"/staff/packs/{pack.slug}/issue/")
    assert issue_page.status_code == 405 and issue_page["Allow"] == "POST"
    assert "Codes are issued with the “Issue a code” button" in issue_page.content.decode()
    slip_page = coordinator.get("/staff/packs/slip/")
    assert slip_page.status_code == 405
    assert "Look up a reading record" in slip_page.content.decode()
    assert not IssuedPack.objects.exists()
    assert coordinator.get("/staff/packs/slip/999999/").status_code == 404
    assert coordinator.get("/staff/packs/nope/issue/").status_code == 404


def test_the_slip_again_comes_through_the_same_slip_address(pack):
    issued, code = issue(pack)
    coordinator = staff_client(make_user("Care coordinator"))
    response = coordinator.post("/staff/packs/slip/", {"code": code.lower()})
    assert response.status_code == 302 and code not in response["Location"]
    assert code in coordinator.get(response["Location"]).content.decode()
    assert IssuedPack.objects.count() == 1

    coordinator.post(f"/staff/packs/issued/{issued.pk}/cancel/")
    refused = coordinator.post("/staff/packs/slip/", {"code": code})
    assert refused.status_code == 400 and "no longer works" in refused.content.decode()
