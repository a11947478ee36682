from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.sites.models import Site

from .models import CallToActionWording, ProviderCallToAction
from .validators import LOGO_NOT_AN_IMAGE


class WordingForm(forms.ModelForm):
    language = forms.ChoiceField(
        choices=lambda: [(c, n) for c, n in settings.LANGUAGES if c != settings.LANGUAGE_CODE]
    )

    class Meta:
        model = CallToActionWording
        fields = ["language", "heading", "message", "contact_label", "crisis_numbers"]


class WordingInline(admin.StackedInline):
    """The same box in each other language: its heading, message and contact link's label."""

    model = CallToActionWording
    form = WordingForm
    extra = 0
    can_delete = True


@admin.register(ProviderCallToAction)
class ProviderCallToActionAdmin(admin.ModelAdmin):
    inlines = [WordingInline]
    radio_fields = {"crisis_country": admin.VERTICAL}
    list_display = ("clinic_name", "site", "phone_number", "contact_url", "updated_at")
    readonly_fields = ("updated_at",)
    fieldsets = (
        (None, {"fields": ("site", "clinic_name", "logo")}),
        ("What every page says", {"fields": ("heading", "message")}),
        ("How patients reach the clinic", {"fields": ("phone_number", "contact_url", "contact_label")}),
        (
            "Crisis numbers",
            {
                "fields": ("crisis_country", "crisis_region", "crisis_numbers"),
                "description": "Every page offers a one-tap route to crisis help. Choose the country whose "
                "numbers patients see; a clinic elsewhere chooses “Another country” and types its own.",
            },
        ),
        ("History", {"fields": ("updated_at",)}),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "logo":
            # Django's own message ("Upload a valid image") does not say which images are accepted.
            kwargs["error_messages"] = {"invalid_image": LOGO_NOT_AN_IMAGE}
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_add_permission(self, request):
        # One per site, created by a data migration; a second one would have no effect.
        return (
            super().has_add_permission(request) and Site.objects.filter(provider_call_to_action=None).exists()
        )

    def has_delete_permission(self, request, obj=None):
        # Deleting it would leave every page with only the generic fallback box.
        return False
