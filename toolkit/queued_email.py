"""Email through the task queue: a request only stores the message; the worker delivers it.

EMAIL_BACKEND is QueuedEmailBackend, so every message the portal sends (invitations, password
resets, review reminders, the access report, error reports to ADMINS) goes the same way:

* the request or command that sends it stores it as a task and goes on at once, so a slow or dead
  mail server slows nothing, and the reply time never shows whether a staff address exists;
* the worker (`manage.py db_worker`) hands it to the real backend named by EMAIL_URL
  (PORTAL_EMAIL_DELIVERY_BACKEND); a message the server does not take is tried again after each of
  PORTAL_EMAIL_RETRY_SECONDS, then given up;
* `email_delivered` and `email_failed` tell whoever sent it (by the reference it gave in the
  X-Portal-Reference header, which is never sent on): the staff admin shows an invitation whose
  email failed, so it can be sent again.
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.dispatch import Signal
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

REFERENCE_HEADER = "X-Portal-Reference"

# Sent by the worker with `reference`; email_failed also with `error` (text) and `final` (no retry left).
email_delivered = Signal()
email_failed = Signal()


def _attachment(item) -> dict:
    if not isinstance(item, tuple | list):
        raise TypeError("Only (filename, content, mimetype) attachments can be queued.")
    filename, content, mimetype = item
    if isinstance(content, str):
        return {"filename": filename, "text": content, "mimetype": mimetype}
    return {"filename": filename, "base64": base64.b64encode(content).decode(), "mimetype": mimetype}


def serialise(message) -> tuple[dict, str]:
    """The message as JSON-ready data, and the sender's reference (taken out of its headers)."""
    headers = dict(message.extra_headers)
    reference = str(headers.pop(REFERENCE_HEADER, ""))
    data = {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(name): str(value) for name, value in headers.items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment(item) for item in message.attachments],
    }
    return data, reference


def rebuild(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    for item in data["attachments"]:
        content = item["text"] if "text" in item else base64.b64decode(item["base64"])
        message.attach(item["filename"], content, item["mimetype"])
    return message


@task()
def deliver_email(data: dict, reference: str = "", attempt: int = 1) -> None:
    message = rebuild(data)
    try:
        with get_connection(settings.PORTAL_EMAIL_DELIVERY_BACKEND) as connection:
            connection.send_messages([message])
    except Exception as error:  # smtplib's errors, refused connections, timeouts, TLS failures
        delays = settings.PORTAL_EMAIL_RETRY_SECONDS
        retry = attempt <= len(delays) and deliver_email.get_backend().supports_defer
        # The reference, never the address: a log is read by more people than the mailbox.
        logger.warning(
            "Email %s not delivered (attempt %s%s): %s",
            reference or "(no reference)",
            attempt,
            ", will retry" if retry else ", giving up",
            error,
        )
        email_failed.send(sender=deliver_email, reference=reference, error=str(error)[:500], final=not retry)
        if retry:
            later = timezone.now() + timedelta(seconds=delays[attempt - 1])
            deliver_email.using(run_after=later).enqueue(data, reference, attempt + 1)
        raise
    email_delivered.send(sender=deliver_email, reference=reference)


class QueuedEmailBackend(BaseEmailBackend):
    """Stores each message as a deliver_email task (see the module's docstring)."""

    def send_messages(self, email_messages) -> int:
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            data, reference = serialise(message)
            deliver_email.enqueue(data, reference)
            count += 1
        return count
