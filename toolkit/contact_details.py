"""Removing contact details from what patients type, before anything is stored.

Patient text boxes say not to write names or contact details. Names cannot be told apart from
other words, but email addresses and phone numbers can: they are replaced with a marker, so
nobody reading a record later can reach, or identify, the person who wrote it.
"""

import re

REMOVED = "[removed]"

_EMAIL = re.compile(r"[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+")
# Seven or more digits, allowing the spaces, dots, dashes, brackets and leading + of written numbers.
_PHONE = re.compile(r"\+?\(?\d(?:[\s().\-/]{0,3}\d){6,}")


def scrub_contact_details(text: str) -> str:
    text = _EMAIL.sub(REMOVED, text or "")
    return _PHONE.sub(REMOVED, text)


def clean_patient_text(text: str, max_length: int) -> str:
    """Trimmed, without NUL characters (PostgreSQL refuses them), scrubbed, and within max_length."""
    text = scrub_contact_details((text or "").replace("\x00", "").strip())
    return text[:max_length]
