"""Staff accounts and roles, managed by the clinic's Administrator role without superuser powers.

An Administrator creates accounts and assigns roles (groups). It must not be able to raise anyone,
itself included, above those roles: the superuser flag and per-user permissions are read-only for
non-superusers, a non-superuser cannot change its own roles, and superuser accounts (password
included) are read-only for non-superusers.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.timesince import timeuntil
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import invitations, offboarding
from .models import Invitation
from .roles import ROLES

User = get_user_model()

# The portal's own name on every staff page, instead of Django's "Django administration".
PORTAL_NAME = "Ketamine therapy patient guide"
admin.site.site_header = f"{PORTAL_NAME}: staff"
admin.site.site_title = f"{PORTAL_NAME} (staff)"
admin.site.index_title = "Your work today"


class StaffUserAdmin(UserAdmin):
    # Few, narrow columns, so Active, Roles and two-step sign-in fit on a 1280 px screen.
    list_display = ("username", "name", "email", "is_active", "roles", "two_step")
    list_filter = ("is_staff", "is_active", "groups")

    @admin.display(description="name", ordering="last_name")
    def name(self, obj):
        return obj.get_full_name() or "—"

    @admin.display(description="roles")
    def roles(self, obj):
        return ", ".join(group.name for group in obj.groups.all()) or "—"

    @admin.display(description="two-step", boolean=True, ordering="has_two_step")
    def two_step(self, obj):
        return obj.has_two_step

    def get_queryset(self, request):
        confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return (
            super().get_queryset(request).prefetch_related("groups").annotate(has_two_step=Exists(confirmed))
        )

    def _role_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
            if obj is not None and obj.pk == request.user.pk:
                readonly.append("groups")
        return readonly

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    # Accounts come from invitations, so nobody but the person ever knows a password; leaving
    # and coming back go through the actions, which also end sessions and remove second factors.
    actions = ["deactivate", "reactivate_and_invite"]

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        return HttpResponseRedirect(reverse("admin:staff_access_invitation_add"))

    def user_change_password(self, request, id, form_url=""):
        if not request.user.is_superuser:
            raise PermissionDenied("Staff set their own passwords: send an invitation or a reset link.")
        return super().user_change_password(request, id, form_url)

    def get_readonly_fields(self, request, obj=None):
        readonly = self._role_readonly_fields(request, obj)
        return [*readonly, "is_active", "last_login", "date_joined"]

    @admin.action(description="Deactivate: sign out everywhere, remove their phone and invitations")
    def deactivate(self, request, queryset):
        # Asked first, on a page naming each person and what happens; only its confirming POST acts.
        if request.POST.get("confirmed") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "title": "Deactivate these accounts?",
                "accounts": list(queryset),
                "opts": self.model._meta,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "staff_access/deactivate_confirm.html", context)
        done = 0
        for user in queryset:
            if user.pk == request.user.pk or (user.is_superuser and not request.user.is_superuser):
                messages.error(request, f"{user.get_username()} was left as it is: you cannot deactivate it.")
                continue
            if user.is_active:
                offboarding.deactivate(user, by=request.user)
                done += 1
        if done:
            messages.success(request, f"Deactivated {done} account(s). Their sessions ended at once.")

    @admin.action(description="Reactivate and send a new invitation")
    def reactivate_and_invite(self, request, queryset):
        for user in queryset.filter(is_active=False):
            if not user.email:
                messages.error(request, f"{user.get_username()} has no email address for the invitation.")
                continue
            offboarding.reactivate(user, by=request.user)
            messages.success(request, f"Invitation sent to {user.email}.")


class InvitationForm(forms.Form):
    name = forms.CharField(max_length=150, help_text="As colleagues should see it, e.g. “Dr Asha Patel”.")
    email = forms.EmailField(help_text="The invitation goes here; it is also the account's sign-in name.")
    roles = forms.ModelMultipleChoiceField(
        queryset=Group.objects.filter(name__in=ROLES).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text="What they may do. A role can be changed later on the account.",
    )


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Pending, used, expired and withdrawn invitations; "add" sends a new one."""

    list_display = (
        "email",
        "user",
        "status_display",
        "email_display",
        "created_at",
        "expires_at",
        "invited_by",
    )
    list_filter = ("email_state", "accepted_at", "revoked_at")
    actions = ["resend", "revoke"]
    readonly_fields = (
        "user", "email", "invited_by", "created_at", "expires_at", "accepted_at", "revoked_at",
        "email_state", "email_error",
    )  # fmt: skip

    @admin.display(description="status")
    def status_display(self, obj):
        return obj.status

    @admin.display(description="email", ordering="email_state")
    def email_display(self, obj):
        if obj.email_error and obj.email_state != "delivered":
            return f"{obj.get_email_state_display()} ({obj.email_error[:120]})"
        return obj.get_email_state_display()

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the trail of every link ever sent stays

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = InvitationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                invitation = invitations.invite(
                    form.cleaned_data["email"],
                    name=form.cleaned_data["name"],
                    roles=[group.name for group in form.cleaned_data["roles"]],
                    by=request.user,
                )
            except invitations.InvitationError as error:
                form.add_error("email", str(error))
            else:
                works_for = timeuntil(invitation.expires_at, invitation.created_at)
                messages.success(
                    request, f"Invitation sent to {invitation.email}; the link works for {works_for}."
                )
                return HttpResponseRedirect(reverse("admin:staff_access_invitation_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Invite a colleague",
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(
            request, "staff_access/invite.html", context, status=400 if form.errors else 200
        )

    @admin.action(description="Send again (the old link stops working)")
    def resend(self, request, queryset):
        for invitation in queryset.select_related("user"):
            if invitation.accepted_at or not invitation.user.is_active:
                messages.error(
                    request, f"{invitation.email}: already accepted, or the account is deactivated."
                )
                continue
            invitations.resend(invitation, by=request.user)
            messages.success(request, f"Sent again to {invitation.email}.")

    @admin.action(description="Withdraw (the link stops working)")
    def revoke(self, request, queryset):
        users = {invitation.user for invitation in queryset.select_related("user")}
        count = sum(invitations.revoke_pending(user, by=request.user) for user in users)
        messages.success(request, f"Withdrew {count} invitation(s).")


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)
