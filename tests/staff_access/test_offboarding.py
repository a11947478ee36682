"""Leavers lose access at once; forgotten passwords; the access review."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_access import invitations
from staff_access.models import Invitation
from staff_access.views import issue_recovery_codes
from tests.support.factories import (
    confirmed_totp_device,
    current_totp_code,
    make_superuser,
    make_user,
    staff_client,
)

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-1"


def deactivate(administrator, user):
    """Choose the action, then confirm it on the page that asks."""
    data = {"action": "deactivate", "_selected_action": [user.pk]}
    asked = administrator.post("/admin/auth/user/", data)
    assert asked.status_code == 200
    return administrator.post("/admin/auth/user/", {**data, "confirmed": "yes"})


def test_deactivate_asks_first_naming_the_person_and_what_will_happen(security_log):
    leaver = make_user("Editor", username="leaver", first_name="Lee", last_name="Leaver")
    administrator = staff_client(make_user("Administrator"))

    asked = administrator.post("/admin/auth/user/", {"action": "deactivate", "_selected_action": [leaver.pk]})

    html = asked.content.decode()
    assert asked.status_code == 200 and 'data-testid="deactivate-confirm"' in html
    assert "<strong>Lee Leaver</strong> (leaver, leaver@clinic.example)" in html
    assert "signed out on every device" in html and 'name="confirmed" value="yes"' in html
    leaver.refresh_from_db()
    assert leaver.is_active and leaver.has_usable_password()
    assert not [line for line in security_log() if "account_deactivated" in line]


def test_deactivating_ends_a_live_session_at_once_and_removes_second_factors(security_log):
    leaver = make_user("Editor", username="leaver")
    issue_recovery_codes(leaver)
    browser = staff_client(leaver)  # already signed in elsewhere, with both factors
    assert browser.get("/admin/").status_code == 200
    invitations.send_invitation(leaver)  # a pending link too

    administrator = staff_client(make_user("Administrator"))
    assert deactivate(administrator, leaver).status_code == 302

    response = browser.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert browser.get("/staff/reviews/").status_code == 302
    leaver.refresh_from_db()
    assert not leaver.is_active and not leaver.has_usable_password()
    assert not TOTPDevice.objects.filter(user=leaver).exists()
    assert not StaticDevice.objects.filter(user=leaver).exists()
    assert not Invitation.objects.get(user=leaver).is_pending
    # The password no longer signs in either.
    login = Client().post("/admin/login/", {"username": "leaver", "password": PASSWORD})
    assert login.status_code == 200  # the form again, with its error
    line = next(line for line in security_log() if "event=account_deactivated" in line)
    assert 'user="leaver"' in line and "sessions_ended=1" in line and "by=" in line


def test_the_account_stays_for_history_and_comes_back_only_by_invitation(security_log):
    leaver = make_user("Clinical reviewer", username="returner")
    administrator = staff_client(make_user("Administrator"))
    deactivate(administrator, leaver)
    assert get_user_model().objects.filter(pk=leaver.pk).exists()

    administrator.post(
        "/admin/auth/user/", {"action": "reactivate_and_invite", "_selected_action": [leaver.pk]}
    )
    leaver.refresh_from_db()
    assert leaver.is_active and not leaver.has_usable_password()
    assert "returner@clinic.example" in mail.outbox[-1].to
    assert "/admin/invitation/" in mail.outbox[-1].body
    assert any("event=account_reactivated" in line for line in security_log())


def test_administrators_cannot_deactivate_themselves_or_a_superuser():
    administrator_account = make_user("Administrator")
    administrator = staff_client(administrator_account)
    root = make_superuser("root-account")
    deactivate(administrator, administrator_account)
    deactivate(administrator, root)
    administrator_account.refresh_from_db()
    root.refresh_from_db()
    assert administrator_account.is_active and root.is_active


def reset_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/admin/reset/\S+/)", message.body).group(1)


def test_a_forgotten_password_is_reset_by_email_without_telling_who_has_an_account(settings, security_log):
    settings.PORTAL_BASE_URL = "https://guide.clinic.example"
    user = make_user("Editor", username="forgetful")
    device = confirmed_totp_device(user)
    known = Client().post("/admin/password_reset/", {"email": "forgetful@clinic.example"})
    unknown = Client().post("/admin/password_reset/", {"email": "nobody@clinic.example"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert Client().get(known["Location"]).content == Client().get(unknown["Location"]).content
    assert len(mail.outbox) == 1
    assert "https://guide.clinic.example/admin/reset/" in mail.outbox[0].body
    assert "/admin/password_reset/" in Client().get("/admin/login/").content.decode()

    client = Client()
    form = client.get(reset_link(mail.outbox[0]), follow=True)
    assert form.status_code == 200
    new = "a brand new long passphrase"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    # The link works once.
    assert "no longer works" in Client().get(reset_link(mail.outbox[0]), follow=True).content.decode()

    # The new password is only the first step: the code is still asked for.
    signed_in = Client()
    response = signed_in.post("/admin/login/?next=/admin/", {"username": "forgetful", "password": new})
    assert response.status_code == 302
    assert signed_in.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")
    verified = signed_in.post("/admin/two-factor/verify/?next=/admin/", {"code": current_totp_code(device)})
    assert verified.status_code == 302
    assert signed_in.get("/admin/").status_code == 200
    log = security_log()
    assert any("event=password_reset_requested" in line and "nobody@clinic.example" in line for line in log)
    assert any("event=password_reset_completed" in line and 'user="forgetful"' in line for line in log)


def test_reset_requests_are_limited_per_address_and_per_client(settings):
    settings.PORTAL_PASSWORD_RESET_LIMIT = 3
    make_user("Editor", username="target")
    for number in range(6):
        response = Client(REMOTE_ADDR=f"203.0.113.{number}").post(
            "/admin/password_reset/", {"email": "target@clinic.example"}
        )
        assert response.status_code == 302  # the same answer whether limited or not
    assert len(mail.outbox) == 3  # per address
    mail.outbox.clear()
    client = Client(REMOTE_ADDR="198.51.100.7")
    for number in range(5):
        make_user("Editor", username=f"colleague{number}")
        client.post("/admin/password_reset/", {"email": f"colleague{number}@clinic.example"})
    assert len(mail.outbox) == 3  # per client address


def test_the_access_review_lists_every_staff_account_with_its_flags(settings):
    settings.PORTAL_STALE_ACCOUNT_DAYS = 90
    active = make_user("Editor", username="active-editor")
    confirmed_totp_device(active)
    get_user_model().objects.filter(pk=active.pk).update(last_login=timezone.now())
    dormant = make_user("Clinical reviewer", username="dormant-reviewer")
    confirmed_totp_device(dormant)
    get_user_model().objects.filter(pk=dormant.pk).update(last_login=timezone.now() - timedelta(days=120))
    make_superuser("break-glass")
    pending = invitations.invite("pending@clinic.example", roles=["Editor"])
    expired = invitations.invite("expired@clinic.example", roles=["Editor"])
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(hours=1))

    administrator = staff_client(make_user("Administrator", username="the-admin"))
    page = administrator.get("/admin/access-review/").content.decode()
    for name in ("active-editor", "dormant-reviewer", "break-glass", "pending@clinic.example", "the-admin"):
        assert name in page

    rows = {row["username"]: row for row in csv.DictReader(io.StringIO(
        administrator.get("/admin/access-review/?format=csv").content.decode()))}  # fmt: skip
    assert rows["active-editor"]["flags"] == ""
    assert rows["active-editor"]["two-step sign-in"] == "yes"
    assert rows["dormant-reviewer"]["flags"] == "no sign-in for 90 days"
    assert "superuser" in rows["break-glass"]["flags"]
    assert rows[pending.user.username]["latest invitation"] == "pending"
    assert rows[expired.user.username]["latest invitation"] == "expired"
    assert "invitation expired" in rows[expired.user.username]["flags"]
    assert rows["dormant-reviewer"]["roles"] == "Clinical reviewer"

    # Only administrators see it.
    assert staff_client(make_user("Editor")).get("/admin/access-review/").status_code == 404
    assert Client().get("/admin/access-review/").status_code in (302, 404)


def test_the_access_report_command_emails_the_administrators(capsys):
    make_user("Administrator", username="admin-one")
    make_user("Editor", username="an-editor")
    mail.outbox.clear()
    call_command("staff_access_report")
    output = capsys.readouterr().out
    assert "an-editor" in output and "admin-one" in output
    message = mail.outbox[-1]
    assert message.to == ["admin-one@clinic.example"]
    assert message.attachments[0][0] == "staff-access-review.csv"
