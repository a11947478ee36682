"""Signal receivers, connected once in StaffAccessConfig.ready(): the security log, and the roles
kept in step with staff_access/roles.py after every migrate."""

from axes.signals import user_locked_out
from cms.utils.permissions import get_current_user
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_save
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from djangocms_versioning import constants as versioning
from djangocms_versioning.signals import post_version_operation

from toolkit.queued_email import email_delivered, email_failed
from toolkit.security_log import log_event

from . import invitations
from .models import EMAIL_DELIVERED, EMAIL_FAILED, EMAIL_RETRYING, Invitation
from .network import client_ip
from .roles import sync_roles

User = get_user_model()


def _ip(request) -> str | None:
    return client_ip(request) if request is not None else None


def _actor() -> str | None:
    user = get_current_user()
    return user.get_username() if user is not None and user.is_authenticated else None


def _login_succeeded(sender, request, user, **kwargs):
    log_event("login_succeeded", user=user.get_username(), ip=_ip(request))


def _login_failed(sender, credentials, request=None, **kwargs):
    log_event("login_failed", user=credentials.get("username", ""), ip=_ip(request))


def _logged_out(sender, request, user, **kwargs):
    log_event("logged_out", user=user.get_username() if user else None, ip=_ip(request))


def _locked_out(sender, request, username, ip_address, **kwargs):
    log_event("locked_out", user=username or "", ip=ip_address)


def _device_kind(device) -> str:
    return "authenticator_app" if isinstance(device, TOTPDevice) else "recovery_codes"


def _remember_confirmed(sender, instance, **kwargs):
    # Every verification also saves the device (throttling, drift); only enrolment is an event.
    instance._was_confirmed = (
        sender.objects.filter(pk=instance.pk).values_list("confirmed", flat=True).first()
        if instance.pk
        else None
    )


def _device_saved(sender, instance, created, **kwargs):
    if created:
        event = "device_added"
    elif instance._was_confirmed is not None and instance._was_confirmed != instance.confirmed:
        event = "device_confirmed" if instance.confirmed else "device_disabled"
    else:
        return
    log_event(
        event,
        user=instance.user.get_username(),
        device=_device_kind(instance),
        confirmed=str(instance.confirmed).lower(),
        by=_actor(),
    )


def _device_removed(sender, instance, **kwargs):
    log_event("device_removed", user=instance.user.get_username(), device=_device_kind(instance), by=_actor())


def _role_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "pre_clear"} or reverse:
        return
    if action == "pre_clear":
        names = sorted(instance.groups.values_list("name", flat=True))
        action = "post_remove"
    else:
        names = sorted(model.objects.filter(pk__in=pk_set or []).values_list("name", flat=True))
    if not names:
        return
    change = {"added": names} if action == "post_add" else {"removed": names}
    log_event("role_changed", user=instance.get_username(), **change, by=_actor())


def _page_published(sender, operation, obj, **kwargs):
    if operation != versioning.OPERATION_PUBLISH:
        return
    tracking = obj.statetracking_set.order_by("-pk").first()
    publisher = tracking.user.get_username() if tracking and tracking.user_id else None
    log_event(
        "page_published",
        content=str(obj.content),
        content_type=obj.content_type.model,
        version=obj.pk,
        by=publisher,
    )


def _roles_follow_the_code(sender, app_config=None, using="default", apps=None, **kwargs):
    # Once per migrate: post_migrate is sent for every app, and this app's turn is enough, since
    # sync_roles creates any permission the apps after it have not created yet.
    # Only after `migrate` (which passes the migration state as `apps`): `flush` sends post_migrate
    # too, and groups re-created there would clash with a test database's serialised copy.
    if sender.name == "staff_access" and apps is not None:
        sync_roles(apps, using=using)


def _invitation_email_delivered(sender, reference="", **kwargs):
    invitation_id = invitations.invitation_of(reference)
    if invitation_id is not None:
        Invitation.objects.filter(pk=invitation_id).update(email_state=EMAIL_DELIVERED, email_error="")


def _invitation_email_failed(sender, reference="", error="", final=False, **kwargs):
    invitation_id = invitations.invitation_of(reference)
    if invitation_id is not None:
        state = EMAIL_FAILED if final else EMAIL_RETRYING
        Invitation.objects.filter(pk=invitation_id).update(email_state=state, email_error=error)


def connect() -> None:
    user_logged_in.connect(_login_succeeded, dispatch_uid="staff-access-login-succeeded")
    user_login_failed.connect(_login_failed, dispatch_uid="staff-access-login-failed")
    user_logged_out.connect(_logged_out, dispatch_uid="staff-access-logged-out")
    user_locked_out.connect(_locked_out, dispatch_uid="staff-access-locked-out")
    for device in (TOTPDevice, StaticDevice):
        uid = f"staff-access-{device.__name__}"
        pre_save.connect(_remember_confirmed, sender=device, dispatch_uid=f"{uid}-remember-confirmed")
        post_save.connect(_device_saved, sender=device, dispatch_uid=f"{uid}-saved")
        post_delete.connect(_device_removed, sender=device, dispatch_uid=f"{uid}-removed")
    m2m_changed.connect(_role_changed, sender=User.groups.through, dispatch_uid="staff-access-role-changed")
    post_version_operation.connect(_page_published, dispatch_uid="staff-access-page-published")
    post_migrate.connect(_roles_follow_the_code, dispatch_uid="staff-access-roles-follow-the-code")
    email_delivered.connect(_invitation_email_delivered, dispatch_uid="staff-access-invitation-delivered")
    email_failed.connect(_invitation_email_failed, dispatch_uid="staff-access-invitation-failed")
