"""Bad requests get a clear 4xx, never a 500, and a refused request saves nothing."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.models import ProviderCallToAction
from tests.support.factories import (
    PatientClient,
    confirmed_totp_device,
    log_in_with_second_factor,
    make_page,
    make_superuser,
    make_user,
)

pytestmark = pytest.mark.django_db

BAD_GETS = [
    "/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/static/../portal/settings.py",
    "/static/%2e%2e/%2e%2e/portal/settings.py",
    "/media/../db.sqlite3",
    "/" + "a" * 5000 + "/",
    "/" + "/".join(["deep"] * 300) + "/",
    "/caf%C3%A9-%E2%9C%93/",
    "/%F0%9F%92%8A-ketamine/",
    "/%ff%fe%fd/",
    "/nul%00byte/",
    "/about%00.html",
    "/?q=nul%00byte",
    "/xx/about/",
    "/de/",
    "/en-gb/about/",
    "/%3Cscript%3Ealert(1)%3C/script%3E/",
    "/?q=" + "x" * 20000,
    "/?" + "&".join(f"k{i}=v" for i in range(1200)),
    "/admin/two-factor/verify/?next=https://evil.example/",
    "/admin/login/?next=javascript:alert(1)",
    "/admin/cms/page/99999999999999999999/",
    "/admin/cms/placeholder/edit-plugin/not-a-number/",
    "/admin/clinic/providercalltoaction/../../",
    "/wp-login.php",
    "/.env",
    "/.git/config",
]


@pytest.fixture
def site():
    page = make_page("About", slug="about")
    return page


@pytest.mark.parametrize("path", BAD_GETS, ids=[p[:40] for p in BAD_GETS])
def test_odd_urls_are_answered_without_a_server_error(site, path):
    response = PatientClient(raise_request_exception=False).get(path)
    assert response.status_code < 500, path
    assert response.status_code in (200, 301, 302, 400, 404, 413), (path, response.status_code)
    if "%00" in path:
        assert response.status_code == 400  # PostgreSQL would refuse a NUL in a query
    if response.status_code == 200:  # only the real page, or a login/verify form that ignored the junk
        assert path.startswith(("/?", "/admin/login/", "/admin/two-factor/"))


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"])
def test_odd_methods_on_a_patient_page_change_nothing(site, method):
    client = PatientClient(raise_request_exception=False)
    response = client.generic(method, site.get_absolute_url())
    assert 400 <= response.status_code < 500 or (method == "OPTIONS" and response.status_code == 200)
    assert client.get(site.get_absolute_url()).status_code == 200


def test_huge_headers_are_survived(site):
    client = PatientClient(raise_request_exception=False)
    response = client.get(
        site.get_absolute_url(),
        headers={"User-Agent": "x" * 16000, "Accept-Language": "xx-" * 3000, "Cookie": "a=" + "b" * 8000},
    )
    assert response.status_code == 200


def test_a_bad_host_header_is_refused(site):
    response = PatientClient(raise_request_exception=False).get(
        site.get_absolute_url(), headers={"Host": "evil.example"}
    )
    assert response.status_code == 400


def test_a_post_to_a_patient_page_is_refused():
    page = make_page("About")
    response = PatientClient(enforce_csrf_checks=True, raise_request_exception=False).post(
        page.get_absolute_url(), {"a": "b"}
    )
    assert response.status_code in (403, 405)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"username": "", "password": ""},
        {"username": "x" * 10000, "password": "y"},
        {"username": "nul\x00byte", "password": "a"},
        {"username": ["a", "b"], "password": "a"},
        {"username": "' OR 1=1 --", "password": "' OR 1=1 --"},
    ],
    ids=["empty", "blank", "huge", "nul", "list", "sql"],
)
def test_malformed_admin_logins_are_refused_and_sign_nobody_in(data):
    make_user("Editor", username="alice")
    client = PatientClient(raise_request_exception=False)
    response = client.post("/admin/login/", data)
    assert response.status_code in (200, 400), response.status_code  # the form again, with its error
    assert "_auth_user_id" not in client.session


def test_a_login_post_without_csrf_token_is_refused():
    make_user("Editor", username="alice")
    client = PatientClient(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "alice", "password": "a-long-test-password-1"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_a_call_to_action_change_without_csrf_token_saves_nothing():
    client = PatientClient(enforce_csrf_checks=True)
    log_in_with_second_factor(client, make_user("Administrator"))
    cta = ProviderCallToAction.objects.get(site_id=1)
    response = client.post(
        f"/admin/clinic/providercalltoaction/{cta.pk}/change/", {"clinic_name": "Hijacked"}
    )
    assert response.status_code == 403
    assert ProviderCallToAction.objects.get(site_id=1).clinic_name == cta.clinic_name


@pytest.mark.parametrize(
    "changes",
    [
        {"clinic_name": "x" * 5000},
        {"phone_number": "\x00"},
        {"contact_url": "javascript:alert(1)"},
        {"site": "999"},
        {"site": "not-a-number"},
    ],
    ids=["huge name", "nul phone", "javascript link", "unknown site", "non-numeric site"],
)
def test_malformed_call_to_action_forms_save_nothing(client, changes):
    log_in_with_second_factor(client, make_user("Administrator"))
    cta = ProviderCallToAction.objects.get(site_id=1)
    data = {
        "site": "1",
        "clinic_name": "Riverside",
        "heading": "Talk to a licensed healthcare provider",
        "message": "Always talk to a provider.",
        "phone_number": "+44 1865 902 000",
        "contact_url": "https://riverside.example/book",
        "contact_label": "Book",
        **changes,
    }
    response = client.post(f"/admin/clinic/providercalltoaction/{cta.pk}/change/", data)
    assert response.status_code in (200, 400)  # the form again, with the error shown
    assert "errorlist" in response.content.decode() or response.status_code == 400
    assert ProviderCallToAction.objects.get(site_id=1).clinic_name == cta.clinic_name


@pytest.mark.parametrize(
    "code", ["", "12", "abcdefghijklmnopqrstuvwxyz0123456789", "12345\x00", "<script>", "999999"]
)
def test_malformed_two_factor_codes_are_refused_with_400(client, code):
    user = make_user("Editor")
    confirmed_totp_device(user)
    client.force_login(user)  # password step done, second factor pending
    response = client.post("/admin/two-factor/verify/", {"code": code})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_set_up_post_with_a_bad_code_confirms_nothing(client):
    user = make_user("Editor")
    client.force_login(user)
    client.get("/admin/two-factor/set-up/")
    for code in ["", "abc", "000000"]:
        assert client.post("/admin/two-factor/set-up/", {"code": code}).status_code == 400
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_two_factor_pages_refuse_odd_methods(client):
    client.force_login(make_user("Editor"))
    assert client.put("/admin/two-factor/verify/").status_code == 405
    assert client.delete("/admin/two-factor/set-up/").status_code == 405


def test_two_factor_posts_without_csrf_token_are_refused():
    user = make_user("Editor")
    device = confirmed_totp_device(user)
    client = PatientClient(enforce_csrf_checks=True)
    client.force_login(user)
    from tests.support.factories import current_totp_code

    assert client.post("/admin/two-factor/verify/", {"code": current_totp_code(device)}).status_code == 403
    assert client.get("/admin/").status_code == 302


def test_anonymous_two_factor_pages_send_to_login():
    client = PatientClient()
    for path in [
        "/admin/two-factor/verify/",
        "/admin/two-factor/set-up/",
        "/admin/two-factor/recovery-codes/",
    ]:
        response = client.post(path, {"code": "123456"})
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


HUGE = "9223372036854775808"  # one more than the largest 64-bit integer


def test_a_number_too_large_for_the_database_is_never_a_server_error():
    from django.contrib.auth.models import Group

    from tests.support.factories import staff_client
    from tests.support.packs import SAME_ORIGIN, issue, make_pack, make_page_with_check

    page, _check = make_page_with_check()
    _issued, code = issue(make_pack([page]))
    patient = PatientClient()
    for number in (HUGE, "-" + HUGE, "1e309", "99999999999999999999999999"):
        response = patient.post(f"/p/{code}/1/answer/", {"check": number, "answer": number}, **SAME_ORIGIN)
        assert response.status_code in (302, 400, 404), number
    assert patient.get(f"/p/{code}/{HUGE}/").status_code == 404

    administrator = staff_client(make_user("Administrator"))
    for view in ("config", "qrcode"):  # nobody sees an authenticator's secret, for any id
        assert administrator.get(f"/admin/otp_totp/totpdevice/{HUGE}/{view}/").status_code in (400, 403, 404)
        assert administrator.get(f"/admin/otp_totp/totpdevice/1/{view}/").status_code in (403, 404)
    assert administrator.get(f"/admin/auth/user/{HUGE}/change/").status_code in (302, 400, 404)
    editor = Group.objects.get(name="Editor").pk
    invitation = administrator.post(
        "/admin/staff_access/invitation/add/",
        {"name": "Asha Patel", "email": "asha@clinic.example", "roles": [editor, HUGE]},
    )
    assert invitation.status_code in (400, 200)
    superuser = staff_client(make_superuser("root"))
    group = superuser.post("/admin/auth/group/add/", {"name": "Odd", "permissions": [HUGE]})
    assert group.status_code in (200, 400)
    assert not Group.objects.filter(name="Odd").exists()
