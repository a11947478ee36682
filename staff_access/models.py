"""Invitations: how a new (or returning) member of staff gets into their account without anyone
else ever knowing their password."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PENDING = "pending"
ACCEPTED = "accepted"
EXPIRED = "expired"
REVOKED = "revoked"


EMAIL_QUEUED, EMAIL_DELIVERED, EMAIL_RETRYING, EMAIL_FAILED = "queued", "delivered", "retrying", "failed"
EMAIL_STATES = [
    (EMAIL_QUEUED, _("waiting to be sent")),
    (EMAIL_DELIVERED, _("delivered to the mail server")),
    (EMAIL_RETRYING, _("not delivered yet, trying again")),
    (EMAIL_FAILED, _("failed: send it again")),
]


class Invitation(models.Model):
    """One emailed link. Only a hash of its token is stored: a copy of the database gives no working link.

    Resending makes a new invitation and revokes the old one, so every link ever sent has a row
    that says what became of it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("account"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    email = models.EmailField(_("sent to"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    # What became of the email, as the task worker reports it (toolkit/queued_email.py).
    email_state = models.CharField(_("email"), max_length=16, choices=EMAIL_STATES, default=EMAIL_QUEUED)
    email_error = models.TextField(_("mail server's answer"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("staff invitation")
        verbose_name_plural = _("staff invitations")

    def __str__(self):
        return f"{self.email} ({self.status})"

    @property
    def status(self):
        if self.accepted_at:
            return ACCEPTED
        if self.revoked_at:
            return REVOKED
        if self.expires_at <= timezone.now():
            return EXPIRED
        return PENDING

    @property
    def is_pending(self) -> bool:
        return self.status == PENDING


class AccessReportSent(models.Model):
    """The month's access review was emailed to this administrator: the monthly job's claim.

    Created in the transaction that queues the email and unique per person and month, so a second
    run (a retried cron job, another machine at the same moment) sends that person nothing.
    """

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    month = models.CharField(max_length=7)  # 2026-12
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["recipient", "month"], name="one_access_report_a_month")
        ]

    def __str__(self) -> str:
        return f"Access review {self.month} to {self.recipient}"
