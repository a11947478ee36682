"""Email leaves through the task queue and a real SMTP server (STARTTLS and a login): an invitation,
a password reset, a review reminder and an error report arrive; a server that refuses the login or
is down loses nothing, and the administrator sees what happened and can send the invitation again."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

from staff_access.models import Invitation
from tests.support.factories import log_in_with_second_factor, make_page, make_user
from tests.support.servers import free_port
from tests.support.smtp import smtp_server
from tests.support.tasks import run_queued_tasks, waiting_tasks

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LINK = re.compile(r"(https?://\S+/admin/invitation/\S+/)")


@pytest.fixture
def deliver_by_smtp(settings, monkeypatch, queued_tasks, tmp_path):
    """The production path: the queued backend, the database task backend, Django's SMTP backend."""

    def configure(port: int, password: str, ca_file) -> None:
        monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
        settings.EMAIL_BACKEND = "toolkit.queued_email.QueuedEmailBackend"
        settings.PORTAL_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = "portal-mail", password
        settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = True, 5
        settings.PORTAL_EMAIL_RETRY_SECONDS = [0, 0]

    return configure


def invite(administrator, email="asha@clinic.example"):
    from django.contrib.auth.models import Group

    editor = Group.objects.get(name="Editor").pk
    response = administrator.post(
        "/admin/staff_access/invitation/add/", {"name": "Asha Patel", "email": email, "roles": [editor]}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Invitation.objects.get(email=email)


def invitation_list(administrator) -> str:
    return administrator.get("/admin/staff_access/invitation/").content.decode()


def test_an_invitation_is_queued_at_once_and_delivered_by_the_worker(tmp_path, deliver_by_smtp):
    administrator = log_in_with_second_factor(Client(), make_user("Administrator"))
    with smtp_server(tmp_path) as server:
        deliver_by_smtp(server.port, "mail-secret-for-tests", server.ca_file)
        invitation = invite(administrator)
        # The request did not talk to the mail server: the message waits for the worker.
        assert server.messages == [] and waiting_tasks().count() == 1
        assert "waiting to be sent" in invitation_list(administrator)
        run_queued_tasks()
    (message,) = server.messages
    assert message["To"] == "asha@clinic.example"
    assert "X-Portal-Reference" not in message  # the portal's own bookkeeping never leaves
    assert LINK.search(message.get_body(("plain",)).get_content())
    assert server.logins == [b"portal-mail"]
    invitation.refresh_from_db()
    assert invitation.email_state == "delivered"
    assert "delivered to the mail server" in invitation_list(administrator)


def test_a_password_reset_and_a_review_reminder_arrive(tmp_path, deliver_by_smtp):
    make_user("Clinical reviewer", username="rhea")  # rhea@clinic.example
    make_page("Your infusion day")  # never reviewed: every reviewer is reminded
    with smtp_server(tmp_path) as server:
        deliver_by_smtp(server.port, "mail-secret-for-tests", server.ca_file)
        client = Client()
        client.get("/admin/password_reset/")
        response = client.post("/admin/password_reset/", {"email": "rhea@clinic.example"})
        assert response.status_code == 302
        call_command("review_reminders", stdout=io.StringIO())
        run_queued_tasks()
    subjects = sorted(str(message["Subject"]) for message in server.messages)
    assert len(subjects) == 2, subjects
    bodies = "\n".join(server.bodies())
    assert "/admin/reset/" in bodies
    assert "Your infusion day" in bodies


def test_a_server_error_reaches_the_administrators_by_the_same_path(tmp_path, deliver_by_smtp, settings):
    settings.ADMINS = [("Clinic IT", "it@clinic.example")]
    settings.ROOT_URLCONF = "tests.support.urls_with_crash"
    with smtp_server(tmp_path) as server:
        deliver_by_smtp(server.port, "mail-secret-for-tests", server.ca_file)
        response = Client(raise_request_exception=False).get("/crash-for-test/")
        assert response.status_code == 500
        run_queued_tasks()
    (message,) = server.messages
    assert message["To"] == "it@clinic.example"
    report = message.get_body(("plain",)).get_content()
    assert "RuntimeError: deliberate failure" in report and "crash-for-test" in report
    # What failed and where, not who asked: no client address, browser or request headers.
    assert "127.0.0.1" not in report and "REMOTE_ADDR" not in report and "HTTP_" not in report


def test_a_refused_login_is_retried_then_shown_as_failed_and_the_invitation_can_be_sent_again(
    tmp_path, deliver_by_smtp, settings
):
    administrator = log_in_with_second_factor(Client(), make_user("Administrator"))
    with smtp_server(tmp_path) as server:
        deliver_by_smtp(server.port, "a-wrong-password", server.ca_file)
        settings.EMAIL_TIMEOUT = 2
        invitation = invite(administrator)
        run_queued_tasks()
        assert server.messages == []
        assert len(server.logins) == 3  # the first attempt and two retries
        invitation.refresh_from_db()
        assert invitation.email_state == "failed"
        assert "failed: send it again" in invitation_list(administrator)
        assert invitation.email_error  # the server's answer, for whoever fixes EMAIL_URL

        # The operator fixes EMAIL_URL; the administrator sends the invitation again.
        deliver_by_smtp(server.port, "mail-secret-for-tests", server.ca_file)
        response = administrator.post(
            "/admin/staff_access/invitation/", {"action": "resend", "_selected_action": [invitation.pk]}
        )
        assert response.status_code == 302
        run_queued_tasks()
    (message,) = server.messages
    assert message["To"] == "asha@clinic.example"
    assert Invitation.objects.filter(email="asha@clinic.example", email_state="delivered").count() == 1


def test_a_mail_server_that_is_down_loses_nothing(tmp_path, deliver_by_smtp, settings):
    administrator = log_in_with_second_factor(Client(), make_user("Administrator"))
    port = free_port()  # nothing listens here yet
    deliver_by_smtp(port, "mail-secret-for-tests", tmp_path / "no-ca-yet.pem")
    settings.PORTAL_EMAIL_RETRY_SECONDS = [1, 1]
    invitation = invite(administrator)  # answered at once: nothing talked to the dead server yet
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", verbosity=0)
    invitation.refresh_from_db()
    assert invitation.email_state == "retrying"
    assert invitation.accepted_at is None and invitation.revoked_at is None  # still there, still valid
    assert "not delivered yet, trying again" in invitation_list(administrator)
    assert waiting_tasks().count() == 1  # the retry

    with smtp_server(tmp_path, port=port) as server:
        deliver_by_smtp(port, "mail-secret-for-tests", server.ca_file)
        run_queued_tasks()
    (message,) = server.messages
    assert LINK.search(message.get_body(("plain",)).get_content())
    invitation.refresh_from_db()
    assert invitation.email_state == "delivered"
