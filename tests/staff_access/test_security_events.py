"""Each security event is one structured line on the "portal.security" logger."""

import logging
import re

import pytest
from django.contrib.auth.models import Group

from tests.support.factories import (
    confirmed_totp_device,
    current_totp_code,
    log_in_with_second_factor,
    make_page,
    make_superuser,
    make_user,
    staff_client,
)
from toolkit.security_log import format_event

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-1"
LINE = re.compile(r'^event=[a-z_]+( [a-z_]+=("([^"\\]|\\.)*"|\d+|\[[^\]]*\]))*$')


@pytest.fixture
def events(caplog):
    caplog.set_level(logging.INFO, logger="portal.security")

    def lines():
        return [r.getMessage() for r in caplog.records if r.name == "portal.security"]

    return lines


def only(lines, event):
    found = [line for line in lines if line.startswith(f"event={event} ")]
    assert len(found) == 1, (event, lines)
    assert LINE.match(found[0]), found[0]
    return found[0]


def test_login_success_failure_and_second_factor_are_logged(client, events):
    user = make_user("Editor", username="alice")
    device = confirmed_totp_device(user)
    client.post("/admin/login/", {"username": "alice", "password": "wrong"}, REMOTE_ADDR="203.0.113.9")
    client.post("/admin/login/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR="203.0.113.9")
    client.post("/admin/two-factor/verify/", {"code": "000000"}, REMOTE_ADDR="203.0.113.9")
    assert only(events(), "login_failed") == 'event=login_failed user="alice" ip="203.0.113.9"'
    assert only(events(), "login_succeeded") == 'event=login_succeeded user="alice" ip="203.0.113.9"'
    assert (
        only(events(), "second_factor_failed") == 'event=second_factor_failed user="alice" ip="203.0.113.9"'
    )
    device.throttle_reset()
    client.post("/admin/two-factor/verify/", {"code": current_totp_code(device)}, REMOTE_ADDR="203.0.113.9")
    assert (
        only(events(), "second_factor_passed")
        == 'event=second_factor_passed user="alice" method="authenticator_app" ip="203.0.113.9"'
    )


def test_a_lockout_is_logged(client, events):
    make_user("Editor", username="bob")
    for _ in range(5):
        client.post("/admin/login/", {"username": "bob", "password": "wrong"}, REMOTE_ADDR="203.0.113.10")
    assert only(events(), "locked_out") == 'event=locked_out user="bob" ip="203.0.113.10"'


def test_a_username_cannot_forge_fields_in_the_log_line():
    line = format_event("login_failed", user='x" ip="1.2.3.4', ip="203.0.113.9")
    assert line == r'event=login_failed user="x\" ip=\"1.2.3.4" ip="203.0.113.9"'


def test_device_changes_are_logged(client, events):
    user = make_user("Editor", username="carol")
    device = confirmed_totp_device(user)
    assert 'event=device_added user="carol" device="authenticator_app"' in only(events(), "device_added")
    device.confirmed = False
    device.save()
    assert only(events(), "device_disabled").startswith('event=device_disabled user="carol"')
    device.delete()
    assert only(events(), "device_removed").startswith('event=device_removed user="carol"')


def test_an_administrator_resetting_a_colleagues_phone_is_logged_with_who_did_it(client, events):
    colleague = make_user("Editor", username="dave")
    device = confirmed_totp_device(colleague)
    log_in_with_second_factor(client, make_user("Administrator", username="erin"))
    response = client.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert (
        only(events(), "device_removed")
        == 'event=device_removed user="dave" device="authenticator_app" by="erin"'
    )


def test_role_changes_are_logged(events):
    user = make_user(username="frank")
    user.groups.add(Group.objects.get(name="Clinical reviewer"))
    user.groups.remove(Group.objects.get(name="Clinical reviewer"))
    lines = [line for line in events() if line.startswith("event=role_changed")]
    assert lines == [
        'event=role_changed user="frank" added=["Clinical reviewer"]',
        'event=role_changed user="frank" removed=["Clinical reviewer"]',
    ]


def test_role_changes_in_the_admin_name_the_administrator(client, events):
    target = make_user("Editor", username="grace")
    log_in_with_second_factor(client, make_superuser("heidi"))
    form = client.get(f"/admin/auth/user/{target.pk}/change/")
    assert form.status_code == 200
    reviewer = Group.objects.get(name="Clinical reviewer")
    response = client.post(
        f"/admin/auth/user/{target.pk}/change/",
        {
            "username": "grace",
            "email": "grace@clinic.example",
            "is_active": "on",
            "is_staff": "on",
            "groups": [str(reviewer.pk)],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
            "initial-date_joined_0": "2026-01-01",
            "initial-date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    lines = [line for line in events() if line.startswith("event=role_changed")]
    assert 'event=role_changed user="grace" removed=["Editor"] by="heidi"' in lines
    assert 'event=role_changed user="grace" added=["Clinical reviewer"] by="heidi"' in lines


def test_publishing_is_logged_with_the_publisher(events):
    author = make_superuser("ivan")
    make_page("Your infusion day", author=author)
    line = only(events(), "page_published")
    assert line.startswith('event=page_published content="Your infusion day')
    assert 'content_type="pagecontent"' in line
    assert line.endswith('by="ivan"')


def test_logout_is_logged(events):
    client = staff_client(make_user("Editor", username="judy"))
    client.post("/admin/logout/")
    assert only(events(), "logged_out").startswith('event=logged_out user="judy"')
