"""Staff accounts without a role see one clear message instead of an empty CMS."""

from django.shortcuts import render

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
                    from django.contrib import admin

                    context = {**admin.site.each_context(request), "account": user}
                    return render(request, "staff/no_role.html", context, status=403)
            else:
                # Only this request's copy of the account: nothing saves the user on a public page.
                user.is_staff = False
        return self.get_response(request)
