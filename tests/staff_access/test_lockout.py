"""Five wrong passwords for one username from one address lock that pair for 15 minutes."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from tests.support.factories import log_in_with_second_factor, make_user

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-1"


def attempt(client, username, password, ip="203.0.113.7"):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=ip
    )


def fail_five_times(client, username, ip="203.0.113.7"):
    answers = [attempt(client, username, "wrong-password-guess", ip).status_code for _ in range(5)]
    assert answers[:4] == [200, 200, 200, 200]  # the login form again, with its error
    return answers[4]


def test_five_failures_lock_the_pair_with_a_clear_message(client):
    user = make_user("Editor")
    assert fail_five_times(client, user.username) == 429
    locked = attempt(client, user.username, PASSWORD)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Sign-in locked for 15 minutes" in html
    assert "ask an administrator" in html
    assert "_auth_user_id" not in client.session


def test_a_lockout_does_not_reach_the_same_user_from_another_address(client):
    user = make_user("Editor")
    fail_five_times(client, user.username, ip="198.51.100.66")
    response = attempt(Client(), user.username, PASSWORD, ip="203.0.113.7")
    assert response.status_code == 302


def test_the_lock_ends_by_itself_after_15_minutes(client):
    user = make_user("Editor")
    fail_five_times(client, user.username)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=15, seconds=1))
    assert attempt(client, user.username, PASSWORD).status_code == 302


def test_an_administrator_unlocks_from_the_admin(client):
    user = make_user("Editor")
    fail_five_times(Client(), user.username)
    admin = log_in_with_second_factor(client, make_user("Administrator"))
    listing = admin.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert user.username in listing.content.decode()
    locked = AccessAttempt.objects.get(username=user.username)
    response = admin.post(f"/admin/axes/accessattempt/{locked.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert attempt(Client(), user.username, PASSWORD).status_code == 302


def test_editors_cannot_unlock_anyone(client):
    editor = log_in_with_second_factor(client, make_user("Editor"))
    assert editor.get("/admin/axes/accessattempt/").status_code == 403
