"""No account works on a password alone: every signed-in user must pass the second factor first.

OTPAdminSite alone leaves gaps (CMS plugin and wizard URLs under /admin/cms/, and the toolbar drawn
on every page), so this middleware guards every path instead. It must come after django-otp's
OTPMiddleware and before the CMS middlewares.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django_otp import devices_for_user

from education.management.commands.create_demo_accounts import DEMO_ACCOUNTS

DEMO_USERNAMES = frozenset(username for username, _role, _superuser in DEMO_ACCOUNTS)


def may_skip_second_factor(user) -> bool:
    """Only the local demo accounts of `make run`, and only in debug mode."""
    return (
        settings.DEBUG and settings.TWO_FACTOR_EXEMPT_DEMO_ACCOUNTS and user.get_username() in DEMO_USERNAMES
    )


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
