"""The whole invitation in Chromium: an administrator invites, the colleague chooses a password,
enrols an authenticator with the shown key, is signed in, and sees what their role allows."""

import base64
import re

import pytest
from django.core import mail
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.support.factories import make_user

from .conftest import DESKTOP, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_invited_colleague_sets_up_their_own_account(chromium, live_server, settings):
    settings.PORTAL_BASE_URL = live_server.url
    make_user("Administrator", username="clinic-admin")
    context = chromium.new_context(viewport=DESKTOP)
    admin = context.new_page()
    log_in(admin, live_server.url, "clinic-admin", "a-long-test-password-1")
    admin.goto(f"{live_server.url}/admin/auth/user/add/")  # leads to the invitation form
    admin.fill("#id_name", "Asha Patel")
    admin.fill("#id_email", "asha@clinic.example")
    admin.get_by_label("Clinical reviewer").check()
    screenshot(admin, "invite-form")
    admin.click("input[type=submit]")
    admin.wait_for_url("**/admin/staff_access/invitation/")
    expect(admin.locator(".messagelist")).to_contain_text("Invitation sent to asha@clinic.example")

    link = re.search(r"(http://\S+/admin/invitation/\S+/)", mail.outbox[-1].body).group(1)
    colleague_context = chromium.new_context(viewport={"width": 375, "height": 812})
    colleague = colleague_context.new_page()
    colleague.goto(link)
    screenshot(colleague, "invitation-choose-password")
    colleague.fill("#id_new_password1", "my own long passphrase 2026")
    colleague.fill("#id_new_password2", "my own long passphrase 2026")
    colleague.click("button[type=submit]")
    colleague.wait_for_url("**/admin/two-factor/set-up/**")
    expect(colleague.get_by_role("heading", name="Set up two-step sign-in")).to_have_count(1)
    screenshot(colleague, "two-step-set-up")
    secret = colleague.get_by_test_id("totp-secret").inner_text().replace(" ", "")
    code = f"{TOTP(base64.b32decode(secret)).token():06d}"
    colleague.fill("#id_code", code)
    colleague.click("input[type=submit]")
    expect(colleague.get_by_role("heading", name="Your recovery codes")).to_have_count(1)
    screenshot(colleague, "invitation-recovery-codes")

    assert colleague.goto(f"{live_server.url}/staff/reviews/").status == 200  # what a reviewer may see
    expect(colleague.locator(".breadcrumbs")).to_contain_text("Clinical review dashboard")
    response = colleague.goto(f"{live_server.url}/admin/auth/user/")
    assert response.status == 403  # and what not

    # The link is spent.
    assert colleague.goto(link).status == 410

    admin.goto(f"{live_server.url}/admin/access-review/")
    expect(admin.get_by_test_id("access-review")).to_contain_text("asha@clinic.example")
    screenshot(admin, "access-review")
    context.close()
    colleague_context.close()
