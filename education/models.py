from django.contrib.sites.models import Site
from django.db import models

from .validators import phone_digits, validate_contact_link, validate_phone_number


class ProviderCallToAction(models.Model):
    """The clinic's "consult a licensed healthcare provider" box, shown on every page of one site.

    It is a site-level model rendered by the base template rather than a plugin or page field,
    because a plugin can be deleted and a field left empty: no editor action may remove it.
    """

    site = models.OneToOneField(Site, on_delete=models.CASCADE, related_name="provider_call_to_action")
    clinic_name = models.CharField(max_length=120, help_text="Shown in the header of every page.")
    heading = models.CharField(max_length=120, default="Talk to a licensed healthcare provider")
    message = models.TextField(
        max_length=600,
        default=(
            "This guide is general information, not medical advice. Always talk to a licensed "
            "healthcare provider before you start, change or stop any treatment."
        ),
    )
    phone_number = models.CharField(
        max_length=40,
        validators=[validate_phone_number],
        help_text="The clinic's number, as patients should see it. It becomes a tap-to-call link.",
    )
    contact_url = models.CharField(
        "contact or booking link",
        max_length=500,
        validators=[validate_contact_link],
        help_text="A web page (https://…), email (mailto:…) or phone (tel:…) link for booking or contact.",
    )
    contact_label = models.CharField(max_length=80, default="Contact the clinic")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "provider call to action"
        verbose_name_plural = "provider call to action"

    def __str__(self) -> str:
        return f"Call to action for {self.clinic_name}"

    @property
    def phone_href(self) -> str:
        return f"tel:{phone_digits(self.phone_number)}"

    def as_context(self) -> dict[str, str]:
        """Plain values, so the box can be cached and rendered even while the database is down."""
        return {
            "clinic_name": self.clinic_name,
            "heading": self.heading,
            "message": self.message,
            "phone_number": self.phone_number,
            "phone_href": self.phone_href,
            "contact_url": self.contact_url,
            "contact_label": self.contact_label,
        }


# --- Clinical governance (issue 3): review records, draft edits, reading grades, reminders ---------
from .review_models import (  # noqa: E402, F401 - models live in their own module, registered here
    ClinicalReview,
    DraftEdit,
    ReadingGrade,
    ReviewReminder,
    ReviewSource,
)
