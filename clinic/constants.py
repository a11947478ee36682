"""Words and addresses every page needs even when nothing else can be read."""

CRISIS_PAGE_REVERSE_ID = "get-help-now"
CRISIS_PAGE_FALLBACK_URL = "/get-help-now/"
# When the crisis page cannot be looked up (an error page while the database is down): the seeded
# page's address in each language, so a Spanish reader is not sent to the English page.
CRISIS_PAGE_FALLBACK_URLS = {"en": CRISIS_PAGE_FALLBACK_URL, "es": "/es/pida-ayuda-ahora/"}

# Shown only if the clinic's details cannot be read at all (no row yet, or the database is down):
# the patient still gets the advice, and a way to the crisis numbers.
FALLBACK_CALL_TO_ACTION = {
    "clinic_name": "Ketamine therapy patient guide",
    "heading": "Talk to a licensed healthcare provider",
    "message": (
        "This guide is general information, not medical advice. Always talk to a licensed healthcare "
        "provider before you start, change or stop any treatment."
    ),
    "phone_number": "",
    "phone_href": "",
    "contact_url": "",
    "contact_label": "",
    "logo_url": "",
    # Without the clinic's choice, both countries' numbers: nobody is left without one that works.
    "crisis_country": "both",
    "crisis_lines": [],
    "dialling_regions": ["US", "GB"],
}

# 555-0100 to 555-0199 are reserved for fiction in North America: the fresh install's number, for
# the local demo only. A production site never offers it to patients (ProviderCallToAction.as_context).
PLACEHOLDER_PHONE = "+1 202 555 0100"
