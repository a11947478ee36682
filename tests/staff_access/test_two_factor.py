"""No staff path works on a password alone; set-up, codes and recovery codes work as staff expect."""

import base64
import re

import pytest
from django.test import Client, override_settings
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.support.factories import (
    confirmed_totp_device,
    current_totp_code,
    log_in_with_second_factor,
    make_page,
    make_user,
)

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-1"


def sign_in_with_password(client, user, next_url="/admin/"):
    response = client.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def staff_paths(page):
    url = page.get_absolute_url()
    return [
        "/admin/",
        "/admin/clinic/providercalltoaction/",
        "/admin/cms/pagecontent/",
        "/admin/cms/placeholder/object/1/edit-plugin/1/",
        "/admin/cms/wizard/",
        "/admin/djangocms_versioning/pagecontentversion/",
        "/admin/auth/user/",
        "/admin/password_change/",
        f"{url}?edit",
        f"{url}?structure",
        url,
    ]


@pytest.mark.parametrize("has_device", [False, True], ids=["no device yet", "device set up"])
def test_no_staff_path_works_on_a_password_alone(client, has_device):
    page = make_page("About")
    user = make_user("Administrator")
    if has_device:
        confirmed_totp_device(user)
    sign_in_with_password(client, user)
    step = "/admin/two-factor/verify/" if has_device else "/admin/two-factor/set-up/"
    for path in staff_paths(page):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(step), path
        assert "cms-toolbar" not in response.content.decode()
    post = client.post("/admin/clinic/providercalltoaction/1/change/", {"clinic_name": "Hijacked"})
    assert post.status_code == 302
    assert post["Location"].startswith(step)


def test_a_superuser_is_held_at_the_second_step_too(client):
    user = make_user("Administrator", is_superuser=True)
    sign_in_with_password(client, user)
    assert client.get("/admin/auth/user/").status_code == 302


def test_signing_in_with_password_and_app_code_opens_the_admin_and_the_toolbar(client):
    page = make_page("About")
    user = make_user("Editor")
    device = confirmed_totp_device(user)
    sign_in_with_password(client, user, next_url=page.get_absolute_url())
    verify = client.get(f"/admin/two-factor/verify/?next={page.get_absolute_url()}")
    assert verify.status_code == 200
    assert "Enter your code" in verify.content.decode()
    response = client.post(
        "/admin/two-factor/verify/", {"code": current_totp_code(device), "next": page.get_absolute_url()}
    )
    assert response.status_code == 302
    assert response["Location"] == page.get_absolute_url()
    assert client.get("/admin/").status_code == 200
    assert 'id="cms-top"' in client.get(f"{page.get_absolute_url()}?edit").content.decode()


def test_a_wrong_code_is_refused_clearly_and_keeps_the_user_out(client):
    user = make_user("Editor")
    confirmed_totp_device(user)
    sign_in_with_password(client, user)
    for code in ["000000", "12345", "'; drop table--", "x" * 40]:
        response = client.post("/admin/two-factor/verify/", {"code": code})
        assert response.status_code == 400, code
        assert "errorlist" in response.content.decode()
    # Wrong codes slow down guessing: straight after them even the right code has to wait.
    device = confirmed_totp_device(user)
    assert client.post("/admin/two-factor/verify/", {"code": current_totp_code(device)}).status_code == 400
    assert client.get("/admin/").status_code == 302


def test_the_next_address_after_the_code_cannot_leave_the_site(client):
    user = make_user("Editor")
    device = confirmed_totp_device(user)
    sign_in_with_password(client, user)
    response = client.post(
        "/admin/two-factor/verify/", {"code": current_totp_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_set_up_shows_a_local_qr_code_and_turns_on_two_step_sign_in(client):
    user = make_user("Clinical reviewer")
    sign_in_with_password(client, user)
    page = client.get("/admin/two-factor/set-up/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html  # drawn here, not fetched from an image service
    assert not re.search(r"<img[^>]+src=\"https?://", html)
    shown = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', html).group(1)
    assert re.fullmatch(r"([A-Z2-7]{4} )+[A-Z2-7]{1,4}", shown)  # in groups of four, easier to type
    secret = shown.replace(" ", "")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert base64.b32decode(secret) == device.bin_key  # shown in base32, the form apps accept
    assert html.count("Set up two-step sign-in</h1>") == 1  # one heading

    assert client.post("/admin/two-factor/set-up/", {"code": "12 ab!"}).status_code == 400
    done = client.post("/admin/two-factor/set-up/", {"code": current_totp_code(device)})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_a_right_code_refused_by_the_back_off_says_to_wait_a_few_seconds(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a wait no slow test machine outlasts
    settings.OTP_STATIC_THROTTLE_FACTOR = 60
    user = make_user("Editor")
    device = confirmed_totp_device(user)
    sign_in_with_password(client, user)

    wrong = client.post("/admin/two-factor/verify/", {"code": "000000"})
    assert "That code did not work" in wrong.content.decode()
    # Within the wait, with the right code: django-otp's back-off refuses it unchecked.
    refused = client.post("/admin/two-factor/verify/", {"code": current_totp_code(device)})
    assert refused.status_code == 400
    assert "wait a few seconds before trying again" in refused.content.decode()
    assert "That code did not work" not in refused.content.decode()


def test_set_up_is_not_offered_to_someone_who_already_has_an_app(client):
    user = make_user("Editor")
    confirmed_totp_device(user)
    sign_in_with_password(client, user)
    response = client.get("/admin/two-factor/set-up/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/verify/")
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_a_recovery_code_works_once(client):
    user = make_user("Editor")
    log_in_with_second_factor(client, user)
    response = client.post("/admin/two-factor/recovery-codes/")
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.content.decode())
    assert len(codes) == 10
    client.post("/admin/logout/")

    for attempt, expected in [(1, 302), (2, 400)]:
        fresh = Client()
        sign_in_with_password(fresh, user)
        response = fresh.post("/admin/two-factor/verify/", {"code": codes[0]})
        assert response.status_code == expected, f"attempt {attempt}"
    assert StaticToken.objects.filter(device__user=user).count() == 9


def test_new_recovery_codes_replace_the_old_ones(client):
    user = make_user("Editor")
    log_in_with_second_factor(client, user)
    first = re.findall(
        r"<code>([a-z2-7]+)</code>", client.post("/admin/two-factor/recovery-codes/").content.decode()
    )
    second = re.findall(
        r"<code>([a-z2-7]+)</code>", client.post("/admin/two-factor/recovery-codes/").content.decode()
    )
    assert not set(first) & set(second)
    left = client.get("/admin/two-factor/recovery-codes/").content.decode()
    assert 'data-testid="recovery-codes-left">10<' in left


def test_demo_accounts_skip_two_factor_only_in_debug_mode_and_never_sign_in_without_it(client, settings):
    demo = make_user("Editor", username="demo-editor")
    with override_settings(DEBUG=True):
        sign_in_with_password(client, demo)
        assert client.get("/admin/").status_code == 200
        other = Client()
        sign_in_with_password(other, make_user("Editor", username="not-a-demo"))
        assert other.get("/admin/").status_code == 302
    # Tests run with DEBUG off, as production does: the demo account's session is no longer anyone's.
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_logging_out_ends_the_staff_session(client):
    user = make_user("Editor")
    log_in_with_second_factor(client, user)
    old_session = client.cookies["sessionid"].value
    assert client.post("/admin/logout/").status_code == 200
    stale = Client()
    stale.cookies["sessionid"] = old_session
    assert stale.get("/admin/")["Location"].startswith("/admin/login/")


def test_staff_sessions_last_twelve_hours_at_most(settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 60 * 60
