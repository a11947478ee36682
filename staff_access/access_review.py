"""Who has access, to what, and whether they still use it: for the clinic's periodic access review."""

import csv
import io
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice


@dataclass
class AccountRow:
    username: str
    name: str
    email: str
    roles: list[str]
    active: bool
    superuser: bool
    two_step: bool
    last_sign_in: object
    invitation: str
    flags: list[str]


def rows() -> list[AccountRow]:
    now = timezone.now()
    stale_after = timedelta(days=settings.PORTAL_STALE_ACCOUNT_DAYS)
    enrolled = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
    users = (
        get_user_model()
        .objects.filter(is_staff=True)
        .prefetch_related("groups", "invitations")
        .order_by("-is_active", "username")
    )
    result = []
    for user in users:
        latest = max(user.invitations.all(), key=lambda invitation: invitation.created_at, default=None)
        flags = []
        if user.is_superuser:
            flags.append("superuser")
        if user.is_active:
            since = user.last_login or (latest.accepted_at if latest else None) or user.date_joined
            if now - since > stale_after:
                flags.append(f"no sign-in for {settings.PORTAL_STALE_ACCOUNT_DAYS} days")
            if user.pk not in enrolled and not (latest and latest.is_pending):
                flags.append("no two-step sign-in")
            if latest and latest.status == "expired" and not latest.accepted_at and user.last_login is None:
                flags.append("invitation expired")
        result.append(
            AccountRow(
                username=user.get_username(),
                name=user.get_full_name(),
                email=user.email,
                roles=sorted(group.name for group in user.groups.all()),
                active=user.is_active,
                superuser=user.is_superuser,
                two_step=user.pk in enrolled,
                last_sign_in=user.last_login,
                invitation=str(latest.status) if latest else "",
                flags=flags,
            )
        )
    return result


def as_csv(report: list[AccountRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["username", "name", "email", "roles", "active", "superuser", "two-step sign-in", "last sign-in",
         "latest invitation", "flags"]
    )  # fmt: skip
    for row in report:
        writer.writerow(
            [
                row.username,
                row.name,
                row.email,
                "; ".join(row.roles),
                "yes" if row.active else "no",
                "yes" if row.superuser else "no",
                "yes" if row.two_step else "no",
                row.last_sign_in.isoformat(timespec="minutes") if row.last_sign_in else "never",
                row.invitation,
                "; ".join(row.flags),
            ]
        )
    return out.getvalue()
