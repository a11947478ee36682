"""Getting into a staff account without anyone else knowing its password: an invitation, or a reset.

Both end at the usual second step: an invited person enrols an authenticator straight away, and a
person who reset a password still needs their code at the next sign-in.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from toolkit.rate_limits import RateLimit
from toolkit.security_log import log_event

from . import access_review, invitations
from .network import client_ip

RESET_WINDOW_SECONDS = 3600


def _render(request, template, context, status=200):
    return render(request, template, {**admin.site.each_context(request), **context}, status=status)


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    invitation = invitations.find(token)
    if invitation is None:
        raise Http404("No such invitation")
    if not invitation.is_pending or not invitation.user.is_active:
        context = {"title": "This invitation no longer works", "invitation": invitation}
        return _render(request, "staff_access/invitation_unusable.html", context, status=410)
    user = invitation.user
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if invitations.accept(invitation, form.cleaned_data["new_password1"], ip=client_ip(request)):
            # Signed in with the password just chosen (read back: the session is tied to its hash);
            # the second step (enrolment) comes next.
            user.refresh_from_db()
            login(request, user, backend="staff_access.demo_accounts.NoDemoAccountsInProduction")
            return redirect(f"{reverse('staff_access:setup')}?next={reverse('admin:index')}")
        context = {"title": "This invitation no longer works", "invitation": invitation}
        return _render(request, "staff_access/invitation_unusable.html", context, status=410)
    context = {"title": "Choose your password", "form": form, "invitation": invitation, "account": user}
    return _render(
        request, "staff_access/invitation_accept.html", context, status=400 if form.errors else 200
    )


def _over_limit(kind: str, value: str) -> bool:
    """Count one request for `value` (hashed: no address is kept) and say whether it is over the limit."""
    limit = RateLimit(f"password-reset-{kind}", settings.PORTAL_PASSWORD_RESET_LIMIT, RESET_WINDOW_SECONDS)
    return limit.hit(value)


class StaffPageMixin:
    """The admin's own context (site header, theme), so these pages look like the rest of the admin."""


class StaffPasswordResetForm(PasswordResetForm):
    """Only active staff accounts get an email; everyone sees the same answer."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)


class ForgottenPasswordView(StaffPageMixin, auth_views.PasswordResetView):
    form_class = StaffPasswordResetForm
    template_name = "staff_access/password_reset_form.html"
    email_template_name = "staff_access/email/password_reset.txt"
    subject_template_name = "staff_access/email/password_reset_subject.txt"
    success_url = reverse_lazy("admin_password_reset_done")
    extra_context = {"title": "Forgotten your password?"}

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        ip = client_ip(self.request) or "unknown"
        limited = _over_limit("ip", ip) | _over_limit("email", email)
        log_event("password_reset_requested", email=email, ip=ip, limited="yes" if limited else None)
        if limited:
            # The same answer as any other request: no way to tell a limit from an unknown address.
            return redirect(self.get_success_url())
        base = settings.PORTAL_BASE_URL.split("://", 1)
        form.save(
            domain_override=base[1],
            use_https=base[0] == "https",
            from_email=None,
            email_template_name=self.email_template_name,
            subject_template_name=self.subject_template_name,
            request=self.request,
        )
        return redirect(self.get_success_url())


class ForgottenPasswordSentView(StaffPageMixin, auth_views.PasswordResetDoneView):
    template_name = "staff_access/password_reset_done.html"
    extra_context = {"title": "Check your email"}


class NewPasswordView(StaffPageMixin, auth_views.PasswordResetConfirmView):
    template_name = "staff_access/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")
    extra_context = {"title": "Choose a new password"}

    def form_valid(self, form):
        response = super().form_valid(form)
        log_event("password_reset_completed", user=form.user.get_username(), ip=client_ip(self.request))
        return response


class NewPasswordSetView(StaffPageMixin, auth_views.PasswordResetCompleteView):
    template_name = "staff_access/password_reset_complete.html"
    extra_context = {"title": "Your password is changed"}


@never_cache
@require_http_methods(["GET"])
def access_review_view(request):
    """Every staff account, its roles and whether it is still used; ?format=csv downloads it."""
    if not request.user.is_authenticated or not request.user.has_perm("auth.change_user"):
        raise Http404  # not a page anyone else needs to know about
    report = access_review.rows()
    if request.GET.get("format") == "csv":
        response = HttpResponse(access_review.as_csv(report), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="staff-access-review.csv"'
        return response
    context = {
        "title": "Staff access review",
        "rows": report,
        "stale_days": settings.PORTAL_STALE_ACCOUNT_DAYS,
    }
    return _render(request, "staff_access/access_review.html", context)
