"""The second sign-in step: set up an authenticator app, enter a code, manage recovery codes."""

from base64 import b32encode

import django_otp
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from toolkit.qr_codes import qr_svg
from toolkit.security_log import log_event

from .forms import EnrolmentForm, SecondFactorForm
from .middleware import has_confirmed_device
from .network import client_ip

RECOVERY_CODE_COUNT = 10
# django-otp doubles the wait after each wrong code and, while waiting, refuses even a right one.
THROTTLED = (
    "That code was not checked: after a wrong code, wait a few seconds before trying again (each "
    "wrong code makes the wait longer). Then type the newest code from your app."
)
WRONG_CODE = (
    "That code did not work. Check that your phone shows the right time and type the newest code, "
    "or use one of your recovery codes. After several wrong codes you have to wait longer between tries."
)


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("admin:index")


def _render(request, template, context, status=200):
    context = {**admin.site.each_context(request), "next": _next_url(request), **context}
    return render(request, template, context, status=status)


def _finish_sign_in(request, device, method: str):
    django_otp.login(request, device)
    request.session.cycle_key()  # a new session id once the account is fully signed in
    log_event("second_factor_passed", user=request.user.get_username(), method=method, ip=client_ip(request))


def issue_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with new ones; each works once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="Recovery codes", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    log_event("recovery_codes_issued", user=user.get_username(), count=len(codes))
    return codes


@never_cache
@sensitive_post_parameters("code")
@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not has_confirmed_device(request.user):
        return redirect(f"{reverse('staff_access:setup')}?{request.GET.urlencode()}")
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            # Asked before trying the code: trying it counts as a failure and starts a new wait.
            waiting = _backing_off(devices_for_user(request.user, confirmed=True))
            device = django_otp.match_token(request.user, form.cleaned_data["code"])
            if device is not None:
                method = "recovery_code" if isinstance(device, StaticDevice) else "authenticator_app"
                _finish_sign_in(request, device, method)
                return redirect(_next_url(request))
            form.add_error("code", THROTTLED if waiting else WRONG_CODE)
        log_event("second_factor_failed", user=request.user.get_username(), ip=client_ip(request))
        return _render(request, "staff_access/verify.html", {"form": form, "title": "Enter your code"}, 400)
    return _render(request, "staff_access/verify.html", {"form": form, "title": "Enter your code"})


def _backing_off(devices) -> bool:
    """Whether django-otp's back-off refuses codes now, right or wrong, on one of these devices."""
    return any(
        not allowed and (details or {}).get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS
        for allowed, details in (device.verify_is_allowed() for device in devices)
    )


def grouped_key(secret: str) -> str:
    """The authenticator key in groups of four, as it is easier to type ("ABCD EFGH ...")."""
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def _qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth:// link as an inline SVG drawn here: the secret never goes to an image service."""
    return qr_svg(device.config_url)


@never_cache
@sensitive_post_parameters("code")
@login_required
@require_http_methods(["GET", "POST"])
def setup(request):
    user = request.user
    if has_confirmed_device(user):
        return redirect(f"{reverse('staff_access:verify')}?{request.GET.urlencode()}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=False
    )
    form = EnrolmentForm(request.POST or None)
    context = {
        "title": "Set up two-step sign-in",
        "form": form,
        "qr_code_svg": _qr_code_svg(device),
        "secret": grouped_key(b32encode(device.bin_key).decode()),
    }
    if request.method == "POST":
        waiting = _backing_off([device])
        if form.is_valid() and device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                device.confirmed = True
                device.save()
                codes = issue_recovery_codes(user)
            _finish_sign_in(request, device, "authenticator_app")
            return _render(
                request, "staff_access/recovery_codes.html", {"title": "Your recovery codes", "codes": codes}
            )
        if form.is_valid():
            form.add_error("code", THROTTLED if waiting else WRONG_CODE)
        log_event("second_factor_failed", user=user.get_username(), ip=client_ip(request), step="setup")
        return _render(request, "staff_access/setup.html", context, status=400)
    return _render(request, "staff_access/setup.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """Staff see how many recovery codes are left and can replace them all (the old ones stop working)."""
    if request.method == "POST":
        codes = issue_recovery_codes(request.user)
        return _render(
            request, "staff_access/recovery_codes.html", {"title": "Your recovery codes", "codes": codes}
        )
    remaining = StaticToken.objects.filter(device__user=request.user, device__confirmed=True).count()
    return _render(
        request, "staff_access/recovery_codes.html", {"title": "Your recovery codes", "remaining": remaining}
    )
