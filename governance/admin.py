"""The clinical review record's admin, opened from the CMS toolbar ("Clinical review").

A review record belongs to one version of a page. Changing the record of a published (or archived)
version would change what patients see without a new version, bypassing versioning, so only a
draft's record can be added or changed; other versions' records are shown read-only.
"""

from cms.extensions.admin import PageContentExtensionAdmin
from cms.models import PageContent
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.utils import timezone
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.helpers import version_list_url
from djangocms_versioning.models import Version

from .edit_tracking import draft_editors
from .models import ClinicalReview, ReviewSource

NOT_A_DRAFT = (
    "This version of the page is {state}, so its clinical review record cannot change. "
    "Create or open the page's draft (Edit in the toolbar) and record the review there."
)


CARRIED_OVER = (
    "This record was carried over from the version before: it reviewed the old text, not this "
    "draft. Check the draft, then save the record as your own review of it (the form starts in your "
    "name and with today's date)."
)


def _version_of(content):
    return Version.objects.get_for_content(content) if content is not None else None


def _is_draft(content) -> bool:
    version = _version_of(content)
    return version is not None and version.state == DRAFT


class SourceFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("title")
        ]
        if not kept:
            raise forms.ValidationError("List at least one source the page was checked against.")


class ClinicalReviewForm(forms.ModelForm):
    """The record's form; the admin sets `editors` (who changed the draft) before it is cleaned."""

    editors: frozenset = frozenset()

    def clean_reviewer_account(self):
        account = self.cleaned_data["reviewer_account"]
        if account is not None and account.pk in self.editors and not settings.PORTAL_ALLOW_SELF_REVIEW:
            raise forms.ValidationError(
                f"{account.get_full_name() or account.get_username()} changed this draft, so cannot be "
                "its accountable reviewer (four-eyes rule). Name a reviewer who did not change it."
            )
        return account


class ReviewSourceInline(admin.TabularInline):
    model = ReviewSource
    formset = SourceFormSet
    fields = ("title", "url", "position")
    extra = 1

    def _parent_is_draft(self, obj):
        return obj is None or _is_draft(obj.extended_object)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._parent_is_draft(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._parent_is_draft(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._parent_is_draft(obj)


@admin.register(ClinicalReview)
class ClinicalReviewAdmin(PageContentExtensionAdmin):
    # Django's own form (not the CMS extension one, which always draws Save and Delete), so a
    # record that may not change is shown read-only.
    change_form_template = "admin/change_form.html"
    add_form_template = "admin/change_form.html"
    inlines = [ReviewSourceInline]
    fieldsets = (
        ("Who reviewed this version", {"fields": ("reviewer_name", "reviewer_title", "reviewer_account")}),
        ("When", {"fields": ("reviewed_on", "next_review_due")}),
    )
    form = ClinicalReviewForm
    readonly_fields = ("recorded_at",)

    def _content_for(self, request, obj):
        if obj is not None:
            return obj.extended_object
        content_id = request.GET.get("extended_object", "")
        return PageContent.admin_manager.filter(pk=content_id).first() if content_id.isdigit() else None

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        version = _version_of(self._content_for(request, obj))
        form.editors = frozenset(draft_editors(version)) if version is not None else frozenset()
        return form

    def get_object(self, request, object_id, from_field=None):
        review = super().get_object(request, object_id, from_field)
        if (
            review is not None
            and review.recorded_by_id is None
            and request.user.has_perm("cms.publish_page")
            and _is_draft(review.extended_object)
            and self.has_change_permission(request, review)
        ):
            # Carried over from the version before: the form starts as this reviewer's own review of
            # this draft, today, so nobody signs off in a colleague's name by saving it unchanged.
            user = request.user
            if review.reviewer_account_id != user.pk:
                review.reviewer_title = ""
            review.reviewer_name = user.get_full_name() or review.reviewer_name
            review.reviewer_account = user
            review.reviewed_on = timezone.localdate()
            review.next_review_due = None
        return review

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "reviewer_account":
            reviewers = Q(groups__permissions__codename="publish_page") | Q(is_superuser=True)
            kwargs["queryset"] = get_user_model().objects.filter(reviewers, is_active=True).distinct()
            kwargs.setdefault("initial", request.user.pk)
            field = super().formfield_for_foreignkey(db_field, request, **kwargs)
            # Both demo reviewers, and many colleagues, are told apart by full name, not sign-in name.
            field.label_from_instance = lambda user: (
                f"{user.get_full_name()} ({user.get_username()})"
                if user.get_full_name()
                else user.get_username()
            )
            return field
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("reviewer_name", request.user.get_full_name())
        return initial

    def has_change_permission(self, request, obj=None):
        if obj is not None and not _is_draft(obj.extended_object):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False  # a draft's record is corrected, never removed; older versions keep theirs

    def _refuse_unless_draft(self, request, content):
        if content is not None and not _is_draft(content):
            version = _version_of(content)
            state = version.get_state_display().lower() if version else "not versioned"
            self.message_user(request, NOT_A_DRAFT.format(state=state), messages.ERROR)
            return HttpResponseRedirect(version_list_url(content))
        return None

    def add_view(self, request, form_url="", extra_context=None):
        content_id = request.GET.get("extended_object")
        if content_id:
            if not content_id.isdigit():
                raise PermissionDenied
            content = PageContent.admin_manager.filter(pk=content_id).first()
            if content is None:
                raise PermissionDenied
            # An existing record opens in the change view (read-only unless it is a draft's).
            existing = ClinicalReview.objects.filter(extended_object=content).first()
            if existing is None:
                refusal = self._refuse_unless_draft(request, content)
                if refusal:
                    return refusal
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        review = self.get_object(request, object_id)
        if request.method == "GET" and review is not None and not _is_draft(review.extended_object):
            version = _version_of(review.extended_object)
            state = version.get_state_display().lower() if version else "not versioned"
            self.message_user(request, NOT_A_DRAFT.format(state=state), messages.INFO)
        elif (
            request.method == "GET"
            and review is not None
            and review.recorded_by_id is None
            and request.user.has_perm("cms.publish_page")
            and self.has_change_permission(request, review)
        ):
            self.message_user(request, CARRIED_OVER, messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        content = obj.extended_object if change else None
        if not change and "extended_object" in request.GET:
            content = PageContent.admin_manager.filter(pk=request.GET["extended_object"]).first()
        if content is None or not _is_draft(content):
            raise PermissionDenied(NOT_A_DRAFT.format(state="not a draft"))
        obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
