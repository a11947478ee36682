"""Validators for contact details that patients will tap on a phone."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

# Digits with the separators people write: "+44 1865 902 000", "(202) 555-0100".
_PHONE_SHAPE = re.compile(r"^\+?[0-9 ()\-.]+$")
MIN_PHONE_DIGITS = 3  # 999, 911 and 988 are real numbers a clinic may show
MAX_PHONE_DIGITS = 15  # the E.164 maximum


def phone_digits(value: str) -> str:
    """The diallable form of a phone number, as used in a tel: link."""
    digits = re.sub(r"[^0-9]", "", value)
    return f"+{digits}" if value.strip().startswith("+") else digits


def validate_phone_number(value: str) -> None:
    if not _PHONE_SHAPE.match(value.strip()):
        raise ValidationError(
            "Enter a phone number using digits, spaces, brackets, dashes and an optional leading +, "
            "for example +44 1865 902 000 or (202) 555-0100.",
            code="invalid_phone",
        )
    count = len(re.sub(r"[^0-9]", "", value))
    if not MIN_PHONE_DIGITS <= count <= MAX_PHONE_DIGITS:
        raise ValidationError(
            f"A phone number has between {MIN_PHONE_DIGITS} and {MAX_PHONE_DIGITS} digits; "
            f"this one has {count}.",
            code="invalid_phone",
        )


SAFE_LINK_SCHEMES = ("http", "https", "mailto", "tel")


def validate_contact_link(value: str) -> None:
    """Allow only links a patient can safely follow: web pages, email and phone.

    Anything else (javascript:, data:, vbscript:, relative paths) is refused, because the link is
    rendered on every page of the site.
    """
    scheme = urlsplit(value.strip()).scheme.lower()
    if scheme not in SAFE_LINK_SCHEMES:
        raise ValidationError(
            "Use a link that starts with https://, http://, mailto: or tel:. "
            "Other kinds of link (such as javascript:) are not allowed.",
            code="unsafe_link",
        )
    rest = value.strip()[len(scheme) + 1 :]
    if scheme in ("http", "https"):
        URLValidator(
            schemes=["http", "https"],
            message="Enter a complete web address, such as https://clinic.example/book.",
        )(value.strip())
    elif scheme == "mailto":
        EmailValidator(message="Enter an email address after mailto:, such as mailto:care@clinic.example.")(
            rest
        )
    else:
        validate_phone_number(rest)


# --- The clinic logo ---------------------------------------------------------------------------------
# Every page carries the logo, and every page must stay under 50 KB on a cold load.
LOGO_MAX_BYTES = 20 * 1024
LOGO_MAX_SIZE = (800, 400)
LOGO_FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "WEBP": "WebP"}
LOGO_NOT_AN_IMAGE = (
    "This file is not a PNG, JPEG or WebP image. Upload the logo as one of those "
    "(SVG and other formats are not accepted)."
)


def validate_logo_image(file) -> None:
    """Accept only a small PNG, JPEG or WebP that Pillow can read as one.

    The file name proves nothing: an SVG (which can carry script) or an HTML page renamed .jpg is
    refused because Pillow does not find a PNG, JPEG or WebP image inside it.
    """
    from PIL import Image, UnidentifiedImageError

    if file.size > LOGO_MAX_BYTES:
        raise ValidationError(
            f"The logo must be {LOGO_MAX_BYTES // 1024} KB or smaller; this file is "
            f"{-(-file.size // 1024)} KB. Pages must stay light for patients on slow connections: "
            "save a smaller PNG, JPEG or WebP.",
            code="logo_too_large",
        )
    try:
        file.seek(0)
        with Image.open(file) as image:
            found = image.format
            size = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            LOGO_NOT_AN_IMAGE,
            code="logo_not_an_image",
        ) from error
    finally:
        file.seek(0)
    if found not in LOGO_FORMATS:
        raise ValidationError(
            f"The logo is a {found} image. Upload it as a PNG, JPEG or WebP image instead.",
            code="logo_wrong_format",
        )
    if size[0] > LOGO_MAX_SIZE[0] or size[1] > LOGO_MAX_SIZE[1]:
        raise ValidationError(
            f"The logo is {size[0]} x {size[1]} pixels; it can be at most "
            f"{LOGO_MAX_SIZE[0]} x {LOGO_MAX_SIZE[1]}.",
            code="logo_too_big",
        )
