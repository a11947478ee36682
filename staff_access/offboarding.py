"""Taking access away at once, and giving it back only through a new invitation."""

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from toolkit.security_log import log_event

from . import invitations


def end_sessions(user) -> int:
    """Delete every session of `user`. Sessions live in the database, so this holds on every instance."""
    user_id = str(user.pk)
    doomed = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]
    Session.objects.filter(session_key__in=doomed).delete()
    return len(doomed)


@transaction.atomic
def deactivate(user, *, by=None) -> None:
    """Sign the person out everywhere, remove their second factors and any pending invitation.

    The account itself stays (inactive), so their name stays on past reviews, versions and history.
    """
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["is_active", "password"])
    sessions = end_sessions(user)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()  # recovery codes go with their device
    invitations.revoke_pending(user, by=by)
    log_event(
        "account_deactivated",
        user=user.get_username(),
        sessions_ended=sessions,
        by=by.get_username() if by else None,
    )


@transaction.atomic
def reactivate(user, *, by=None):
    """Active again, with no password and no second factor: the person accepts a new invitation."""
    user.is_active = True
    user.set_unusable_password()
    user.save(update_fields=["is_active", "password"])
    log_event("account_reactivated", user=user.get_username(), by=by.get_username() if by else None)
    return invitations.send_invitation(user, by=by)
