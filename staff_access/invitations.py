"""Inviting staff: the account is made with roles and no usable password, and the person sets
their own password through a single-use emailed link, then enrols their authenticator.

Tokens are 32 random bytes; the database keeps only their SHA-256, so neither a database copy nor a
backup holds a working link. Resending revokes the old link and sends a new one.
"""

import hashlib
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from toolkit.queued_email import REFERENCE_HEADER
from toolkit.security_log import log_event

from .models import Invitation

# secrets.token_urlsafe(32): 43 characters of the URL-safe base64 alphabet. The URL accepts only this
# shape, so anything else is a plain 404 without touching the database.
TOKEN_PATTERN = r"[A-Za-z0-9_-]{43}"  # noqa: S105 - a shape, not a secret
_TOKEN = re.compile(rf"^{TOKEN_PATTERN}$")


class InvitationError(ValueError):
    """An invitation that cannot be made (the address already has an account, no role...)."""


REFERENCE_PREFIX = "invitation:"


def email_reference(invitation: Invitation) -> str:
    return f"{REFERENCE_PREFIX}{invitation.pk}"


def invitation_of(reference: str) -> int | None:
    """The id of the invitation an email reference names, if it names one."""
    if reference.startswith(REFERENCE_PREFIX) and reference[len(REFERENCE_PREFIX) :].isdigit():
        return int(reference[len(REFERENCE_PREFIX) :])
    return None


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def find(token: str) -> Invitation | None:
    if not _TOKEN.match(token):
        return None
    return Invitation.objects.select_related("user").filter(token_hash=hash_token(token)).first()


def _username(user) -> str:
    return user.get_username()


def _actor(by) -> str | None:
    return by.get_username() if by is not None else None


def split_name(name: str) -> tuple[str, str]:
    first, _space, last = " ".join(name.split()).partition(" ")
    return first, last


def new_account(email: str, *, name: str = "", roles: list[str]):
    """A staff account for `email` (also its username) with these roles and no usable password."""
    User = get_user_model()
    email = User.objects.normalize_email(email.strip())
    if not roles:
        raise InvitationError("Choose at least one role.")
    if (
        User.objects.filter(username__iexact=email).exists()
        or User.objects.filter(email__iexact=email).exists()
    ):
        raise InvitationError(
            f"{email} already has a staff account. To let a former colleague back in, open their account "
            "and use “Reactivate and invite”."
        )
    first, last = split_name(name)
    user = User(username=email, email=email, first_name=first, last_name=last, is_staff=True, is_active=True)
    user.set_unusable_password()
    user.save()
    user.groups.set(Group.objects.filter(name__in=roles))
    return user


def _send(invitation: Invitation, token: str) -> None:
    user = invitation.user
    context = {
        "name": user.get_full_name() or user.email,
        "link": settings.PORTAL_BASE_URL + reverse("staff_invitation", args=[token]),
        "expires_at": invitation.expires_at,
        "hours": settings.PORTAL_INVITATION_HOURS,
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "invited_by": invitation.invited_by.get_full_name() if invitation.invited_by else "",
        "base_url": settings.PORTAL_BASE_URL,
    }
    EmailMessage(
        subject=render_to_string("staff_access/email/invitation_subject.txt", context).strip(),
        body=render_to_string("staff_access/email/invitation.txt", context),
        to=[invitation.email],
        # The worker reports back what became of it (handlers.py), for the invitation list.
        headers={REFERENCE_HEADER: email_reference(invitation)},
    ).send()


@transaction.atomic
def send_invitation(user, *, by=None, event: str = "invite_sent") -> Invitation:
    """Email `user` a new link; any link they still hold stops working."""
    revoke_pending(user, by=by, log=False)
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation = Invitation.objects.create(
        user=user,
        token_hash=hash_token(token),
        email=user.email,
        invited_by=by,
        created_at=now,
        expires_at=now + timedelta(hours=settings.PORTAL_INVITATION_HOURS),
    )
    # Queued in the same transaction: an invitation is never left without its email, nor the reverse.
    _send(invitation, token)
    log_event(
        event,
        user=_username(user),
        email=user.email,
        roles=sorted(user.groups.values_list("name", flat=True)),
        expires=invitation.expires_at.isoformat(timespec="seconds"),
        by=_actor(by),
    )
    return invitation


def invite(email: str, *, name: str = "", roles: list[str], by=None) -> Invitation:
    with transaction.atomic():
        user = new_account(email, name=name, roles=roles)
        return send_invitation(user, by=by)


def resend(invitation: Invitation, *, by=None) -> Invitation:
    return send_invitation(invitation.user, by=by, event="invite_resent")


def revoke_pending(user, *, by=None, log: bool = True) -> int:
    now = timezone.now()
    pending = Invitation.objects.filter(user=user, accepted_at=None, revoked_at=None, expires_at__gt=now)
    count = pending.update(revoked_at=now)
    if count and log:
        log_event("invite_revoked", user=_username(user), by=_actor(by))
    return count


def accept(invitation: Invitation, password: str, *, ip: str | None = None) -> bool:
    """Set the person's own password and use up the link. False if it was used or revoked meanwhile."""
    with transaction.atomic():
        # The row lock makes two simultaneous submissions of one link set at most one password.
        fresh = Invitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
        if not fresh.is_pending or not fresh.user.is_active:
            return False
        fresh.accepted_at = timezone.now()
        fresh.save(update_fields=["accepted_at"])
        fresh.user.set_password(password)
        fresh.user.save(update_fields=["password"])
    log_event("invite_accepted", user=_username(fresh.user), ip=ip)
    return True
