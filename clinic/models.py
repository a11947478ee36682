from django.conf import settings
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models

from . import crisis
from .constants import FALLBACK_CALL_TO_ACTION, PLACEHOLDER_PHONE
from .validators import (
    has_phone_shape,
    phone_digits,
    phone_lines,
    validate_contact_link,
    validate_logo_image,
    validate_phone_lines,
    validate_phone_number,
    validate_phone_shape,
)

CRISIS_LINES_HELP = (
    "One per line, as “Who to call: number”, for example “Emergency services: 112” or "
    "“Samaritans Ireland (free, day and night): 116 123”. Each becomes a tap-to-call link."
)


class ProviderCallToAction(models.Model):
    """The clinic's "consult a licensed healthcare provider" box, shown on every page of one site.

    It is a site-level model rendered by the base template rather than a plugin or page field,
    because a plugin can be deleted and a field left empty: no editor action may remove it.
    """

    site = models.OneToOneField(Site, on_delete=models.CASCADE, related_name="provider_call_to_action")
    clinic_name = models.CharField(max_length=120, help_text="Shown in the header of every page.")
    # The same words the fallback box shows when the row cannot be read.
    heading = models.CharField(max_length=120, default=FALLBACK_CALL_TO_ACTION["heading"])
    message = models.TextField(max_length=600, default=FALLBACK_CALL_TO_ACTION["message"])
    phone_number = models.CharField(
        max_length=40,
        validators=[validate_phone_shape],
        help_text="The clinic's number, as patients should see it. It becomes a tap-to-call link. Write it "
        "as patients in the crisis numbers' country dial it, or with + and the country code.",
    )
    contact_url = models.CharField(
        "contact or booking link",
        max_length=500,
        validators=[validate_contact_link],
        help_text="A web page (https://…), email (mailto:…) or phone (tel:…) link for booking or contact.",
    )
    contact_label = models.CharField(max_length=80, default="Contact the clinic")
    logo = models.ImageField(
        upload_to="clinic-logo/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        validators=[FileExtensionValidator(["png", "jpg", "jpeg", "webp"]), validate_logo_image],
        help_text="Optional. A PNG, JPEG or WebP image of at most 20 KB and 800 x 400 pixels, shown "
        "beside the clinic name at the top of every page.",
    )
    crisis_country = models.CharField(
        "crisis numbers for",
        max_length=5,
        choices=crisis.COUNTRY_CHOICES,
        default=crisis.BOTH,
        help_text="Which country's crisis numbers every page shows: the header's “Get help now” page, the "
        "crisis boxes, emergency care cards, printed pages, reading-pack slips and error pages.",
    )
    crisis_region = models.CharField(
        "the clinic's country",
        max_length=2,
        blank=True,
        choices=crisis.region_choices,
        help_text="Only for “Another country”: where patients dial the numbers below, so that short "
        "numbers such as 112 can be checked.",
    )
    crisis_numbers = models.TextField(
        "the clinic's own crisis numbers",
        max_length=1000,
        blank=True,
        help_text=f"Only for “Another country”. {CRISIS_LINES_HELP} Words in other languages go in "
        "“Wording in other languages” below.",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "provider call to action"
        verbose_name_plural = "provider call to action"

    def __str__(self) -> str:
        return f"Call to action for {self.clinic_name}"

    def clean(self):
        errors = {}
        regions = crisis.dialling_regions(self.crisis_country, self.crisis_region)
        if self.crisis_country == crisis.OTHER:
            if not self.crisis_region:
                errors["crisis_region"] = "Choose the country where patients dial the clinic's own numbers."
            if not phone_lines(self.crisis_numbers):
                errors["crisis_numbers"] = (
                    "Enter at least one crisis number, such as the emergency number of the clinic's country."
                )
        elif self.crisis_numbers.strip():
            errors["crisis_numbers"] = (
                "These numbers are shown only for “Another country”: choose it above, or leave this empty."
            )
        if regions and "crisis_numbers" not in errors:
            try:
                validate_phone_lines(self.crisis_numbers, regions)
            except ValidationError as error:
                errors["crisis_numbers"] = error.messages
        # The field validators checked the characters; whether the number exists depends on the country.
        tel = self.contact_url.strip()
        checks = [("phone_number", self.phone_number)]
        if tel.lower().startswith("tel:"):
            checks.append(("contact_url", tel[4:]))
        for field, number in checks:
            if regions and number and has_phone_shape(number):
                try:
                    validate_phone_number(number, regions)
                except ValidationError as error:
                    errors[field] = error.messages
        if errors:
            raise ValidationError(errors)

    @property
    def phone_href(self) -> str:
        return f"tel:{phone_digits(self.phone_number)}"

    @property
    def has_placeholder_phone(self) -> bool:
        return phone_digits(self.phone_number) == phone_digits(PLACEHOLDER_PHONE)

    def patient_phone(self) -> tuple[str, str]:
        """The number and tel: link patients are offered; none for the fictional number in production.

        The local demo keeps the placeholder so it shows a working box; on a real site it would be a
        tap-to-call link that rings nobody, so patients get the contact link instead.
        """
        if self.has_placeholder_phone and not settings.SHOW_PLACEHOLDER_PHONE:
            return "", ""
        return self.phone_number, self.phone_href

    def as_context(self, language: str | None = None) -> dict[str, str]:
        """Plain values, so the box can be cached and rendered even while the database is down.

        The wording is the one for `language` when administrators wrote one; the phone number and
        links are the same in every language.
        """
        phone_number, phone_href = self.patient_phone()
        other_language = language and language != settings.LANGUAGE_CODE
        wording = self.wordings.filter(language=language).first() if other_language else None
        return {
            "clinic_name": self.clinic_name,
            "heading": wording.heading if wording else self.heading,
            "message": wording.message if wording else self.message,
            "phone_number": phone_number,
            "phone_href": phone_href,
            "contact_url": self.contact_url,
            "contact_label": wording.contact_label if wording else self.contact_label,
            "logo_url": self.logo.url if self.logo else "",
            "logo_width": self.logo_width or "",
            "logo_height": self.logo_height or "",
            "crisis_country": self.crisis_country,
            "crisis_lines": self.crisis_lines(wording),
            "dialling_regions": list(crisis.dialling_regions(self.crisis_country, self.crisis_region)),
        }

    def crisis_lines(self, wording=None) -> list[dict[str, str]]:
        """The clinic's own numbers, with the words of the wording's language when it has them."""
        if self.crisis_country != crisis.OTHER:
            return []
        translated = wording.crisis_numbers if wording else ""
        return phone_lines(translated or self.crisis_numbers)


class CallToActionWording(models.Model):
    """The call to action's words in a language other than the site's default (English)."""

    call_to_action = models.ForeignKey(
        ProviderCallToAction, on_delete=models.CASCADE, related_name="wordings"
    )
    # Not a choices field: adding a language is a setting, never a migration (the admin form offers
    # the languages in settings.LANGUAGES).
    language = models.CharField(max_length=10)
    heading = models.CharField(max_length=120)
    message = models.TextField(max_length=600)
    contact_label = models.CharField(max_length=80)
    crisis_numbers = models.TextField(
        "the clinic's own crisis numbers in this language",
        max_length=1000,
        blank=True,
        help_text="Only for “Another country”: the same numbers, in the same order, with words in this "
        "language. Left empty, this language shows them with the words above.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["call_to_action", "language"], name="one_wording_per_language")
        ]
        verbose_name = "wording in another language"
        verbose_name_plural = "wording in other languages"

    def __str__(self) -> str:
        return f"{self.language}: {self.heading}"

    def clean(self):
        if not self.crisis_numbers.strip():
            return
        try:  # the admin's form sets the call to action being saved, with what was just typed
            parent = self.call_to_action
        except ProviderCallToAction.DoesNotExist:
            parent = None
        main = [item["number"] for item in phone_lines(parent.crisis_numbers)] if parent else []
        here = [item["number"] for item in phone_lines(self.crisis_numbers)]
        if [phone_digits(n) for n in here] != [phone_digits(n) for n in main]:
            raise ValidationError(
                {
                    "crisis_numbers": "List the same numbers as the clinic's own crisis numbers above, in "
                    f"the same order ({', '.join(main) or 'there are none'}), with words in this language."
                }
            )
