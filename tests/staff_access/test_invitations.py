"""Staff accounts come from invitations: nobody but the person ever knows the password."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP

from staff_access import invitations
from staff_access.models import Invitation
from tests.support.factories import make_user, staff_client

pytestmark = pytest.mark.django_db

LINK = re.compile(r"(https?://[^\s]+/admin/invitation/[A-Za-z0-9_-]{43}/)")
PASSWORD = "a long passphrase nobody else knows"


def link_in(message) -> str:
    found = LINK.search(message.body)
    assert found, message.body
    return found.group(1)


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def invite_through_the_admin(settings, email="asha@clinic.example", roles=("Editor",)):
    settings.PORTAL_BASE_URL = "https://guide.clinic.example"
    administrator = staff_client(make_user("Administrator"))
    from django.contrib.auth.models import Group

    groups = [str(Group.objects.get(name=role).pk) for role in roles]
    response = administrator.post(
        "/admin/staff_access/invitation/add/", {"name": "Asha Patel", "email": email, "roles": groups}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return administrator, link_in(mail.outbox[-1])


def test_an_administrator_invites_without_ever_seeing_a_password(settings, security_log):
    administrator = staff_client(make_user("Administrator"))
    form = administrator.get("/admin/staff_access/invitation/add/").content.decode()
    assert 'type="password"' not in form
    # Django's "add user" form, with its password fields, is not offered: it leads here instead.
    assert administrator.get("/admin/auth/user/add/")["Location"] == "/admin/staff_access/invitation/add/"

    _, link = invite_through_the_admin(settings)
    assert link.startswith("https://guide.clinic.example/admin/invitation/")
    message = mail.outbox[-1]
    assert message.to == ["asha@clinic.example"]
    assert "Editor" in message.body and "72 hours" in message.body
    account = get_user_model().objects.get(email="asha@clinic.example")
    assert account.is_staff and account.is_active
    assert not account.has_usable_password()
    assert list(account.groups.values_list("name", flat=True)) == ["Editor"]
    # Only a hash of the token is stored: the database alone holds no working link.
    assert link.rstrip("/").rsplit("/", 1)[1] not in str(list(Invitation.objects.values()))
    assert any(
        "event=invite_sent" in line and 'user="asha@clinic.example"' in line for line in security_log()
    )


def test_the_invited_person_sets_a_password_enrols_and_is_signed_in(settings, security_log):
    _, link = invite_through_the_admin(settings)
    person = Client()
    page = person.get(path_of(link))
    assert page.status_code == 200
    assert "Choose your password" in page.content.decode() or "Welcome" in page.content.decode()

    weak = person.post(path_of(link), {"new_password1": "short", "new_password2": "short"})
    assert weak.status_code == 400
    assert "too short" in weak.content.decode()

    done = person.post(path_of(link), {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.status_code == 302
    assert done["Location"].startswith("/admin/two-factor/set-up/")
    # Nothing else works until the authenticator is enrolled.
    assert person.get("/admin/")["Location"].startswith("/admin/two-factor/set-up/")

    setup = person.get(done["Location"]).content.decode()
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', setup).group(1).replace(" ", "")
    import base64

    key = base64.b32decode(secret)
    code = f"{TOTP(key).token():06d}"
    codes = person.post(done["Location"], {"code": code})
    assert codes.status_code == 200
    assert "recovery" in codes.content.decode().lower()
    assert person.get("/admin/").status_code == 200
    assert person.get("/staff/reviews/").status_code == 200  # an editor may see the dashboard
    assert person.get("/admin/auth/user/").status_code == 403  # but not manage staff

    account = get_user_model().objects.get(email="asha@clinic.example")
    assert account.check_password(PASSWORD)
    assert any("event=invite_accepted" in line for line in security_log())


def test_a_used_expired_or_withdrawn_link_gets_a_clear_page_never_an_error(settings, security_log):
    _, link = invite_through_the_admin(settings)
    person = Client()
    person.post(path_of(link), {"new_password1": PASSWORD, "new_password2": PASSWORD})
    used = Client().get(path_of(link))
    assert used.status_code == 410
    assert "Ask your administrator for a new invitation" in used.content.decode()
    assert "used already" in used.content.decode()
    # Using it again changes nothing.
    again = Client().post(path_of(link), {"new_password1": "another long passphrase 1", "new_password2": "x"})
    assert again.status_code == 410

    _, expiring = invite_through_the_admin(settings, email="ben@clinic.example")
    Invitation.objects.filter(email="ben@clinic.example").update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    expired = Client().get(path_of(expiring))
    assert expired.status_code == 410 and "expired" in expired.content.decode()

    administrator, withdrawn = invite_through_the_admin(settings, email="cara@clinic.example")
    invitation = Invitation.objects.get(email="cara@clinic.example")
    administrator.post(
        "/admin/staff_access/invitation/",
        {"action": "revoke", "_selected_action": [invitation.pk]},
    )
    revoked = Client().get(path_of(withdrawn))
    assert revoked.status_code == 410 and "withdrawn" in revoked.content.decode()
    assert any("event=invite_revoked" in line and "cara@clinic.example" in line for line in security_log())

    for bad in (
        "/admin/invitation/not-a-token/",
        "/admin/invitation/" + "A" * 43 + "/",
        "/admin/invitation/%00/",
    ):
        assert Client().get(bad).status_code in (400, 404), bad


def test_resending_replaces_the_link(settings, security_log):
    administrator, first = invite_through_the_admin(settings)
    invitation = Invitation.objects.get()
    administrator.post(
        "/admin/staff_access/invitation/", {"action": "resend", "_selected_action": [invitation.pk]}
    )
    second = link_in(mail.outbox[-1])
    assert second != first
    assert Client().get(path_of(first)).status_code == 410
    assert Client().get(path_of(second)).status_code == 200
    assert any("event=invite_resent" in line for line in security_log())


def test_invite_staff_command(settings, capsys):
    settings.PORTAL_BASE_URL = "https://guide.clinic.example"
    call_command("invite_staff", "dana@clinic.example", "--role", "reviewer", "--name", "Dana Okafor")
    output = capsys.readouterr().out
    assert "Dana Okafor" in output and "Clinical reviewer" in output and "dana@clinic.example" in output
    assert link_in(mail.outbox[-1]).startswith("https://guide.clinic.example/admin/invitation/")
    account = get_user_model().objects.get(username="dana@clinic.example")
    assert account.first_name == "Dana" and account.last_name == "Okafor"
    with pytest.raises(Exception, match="already has a staff account"):
        invitations.invite("dana@clinic.example", roles=["Editor"])
