"""Who may go where, checked on every request, before any CMS middleware runs.

StaffTwoFactorMiddleware: no account works on a password alone: every signed-in user must pass the
second factor first.

OTPAdminSite alone leaves gaps (CMS plugin and wizard URLs under /admin/cms/, and the toolbar drawn
on every page), so this middleware guards every path instead. It must come after django-otp's
OTPMiddleware and before the CMS middlewares.

StaffWithoutRoleMiddleware: a staff account without a role sees one clear message instead of an
empty CMS.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django_otp import devices_for_user

from .demo_accounts import is_demo_account


def may_skip_second_factor(user) -> bool:
    """Only the local demo accounts of `make run`, and only in debug mode."""
    return settings.DEBUG and settings.TWO_FACTOR_EXEMPT_DEMO_ACCOUNTS and is_demo_account(user)


def has_confirmed_device(user) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not may_skip_second_factor(user)
            and not self.is_two_factor_path(request.path_info)
        ):
            return self.send_to_second_factor(request, user)
        return self.get_response(request)

    @staticmethod
    def is_two_factor_path(path: str) -> bool:
        allowed = (
            reverse("staff_access:verify"),
            reverse("staff_access:setup"),
            reverse("admin:logout"),
        )
        return path in allowed

    @staticmethod
    def send_to_second_factor(request, user):
        step = "staff_access:verify" if has_confirmed_device(user) else "staff_access:setup"
        # Come back to the page asked for, but only for a plain page view: a form post or an
        # editor's background request is not replayed.
        next_url = request.get_full_path() if request.method == "GET" else reverse("admin:index")
        return HttpResponseRedirect(f"{reverse(step)}?{urlencode({'next': next_url})}")


# Paths a role-less account still needs: to log out, or to change its own password.
_ALLOWED_ADMIN_PATHS = ("/admin/logout/", "/admin/login/", "/admin/password_change/", "/admin/jsi18n/")


def has_a_role(user) -> bool:
    return user.is_superuser or user.groups.exists() or user.user_permissions.exists()


class StaffWithoutRoleMiddleware:
    """A staff account that has no role yet (no group, no permission) gets "ask an administrator".

    Under /admin/ (where every CMS editing URL lives) it gets the message page; on the public pages
    it is treated as a reader, so the CMS toolbar (which django CMS draws for every staff account)
    does not appear. Place after AuthenticationMiddleware and before the CMS middlewares.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff and not has_a_role(user):
            if request.path.startswith("/admin/"):
                if not request.path.startswith(_ALLOWED_ADMIN_PATHS):
                    context = {**admin.site.each_context(request), "account": user}
                    return render(request, "staff_access/no_role.html", context, status=403)
            else:
                # Only this request's copy of the account: nothing saves the user on a public page.
                user.is_staff = False
        return self.get_response(request)
