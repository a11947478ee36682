"""Validators for contact details that patients will tap on a phone."""

import re
from urllib.parse import urlsplit

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from phonenumbers import shortnumberinfo

from .crisis import BOTH, REGIONS, region_name

# Digits with the separators people write: "+44 1865 902 000", "(202) 555-0100".
_PHONE_SHAPE = re.compile(r"^\+?[0-9 ()\-.]+$")
PHONE_SHAPE_MESSAGE = (
    "Enter a phone number using digits, spaces, brackets, dashes and an optional leading +, "
    "for example +44 1865 902 000 or (202) 555-0100."
)


def phone_digits(value: str) -> str:
    """The diallable form of a phone number, as used in a tel: link."""
    digits = re.sub(r"[^0-9]", "", value)
    return f"+{digits}" if value.strip().startswith("+") else digits


def has_phone_shape(value: str) -> bool:
    return bool(_PHONE_SHAPE.match(value.strip()))


def validate_phone_shape(value: str) -> None:
    """Only the characters; whether the number exists depends on the clinic's country (models.clean)."""
    if not has_phone_shape(value):
        raise ValidationError(PHONE_SHAPE_MESSAGE, code="invalid_phone")


def is_diallable(value: str, regions) -> bool:
    """A complete number with + and a country code, or a number (short ones too) dialled in a region.

    phonenumbers knows each country's numbering plan, so a number one digit short, or "1234", is
    refused, while 988, 999, 112 and 116 123 are accepted where they work.
    """
    if value.strip().startswith("+"):
        try:
            return phonenumbers.is_valid_number(phonenumbers.parse(value, None))
        except phonenumbers.NumberParseException:
            return False
    for region in regions:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) or shortnumberinfo.is_valid_short_number_for_region(
            number, region
        ):
            return True
    return False


def _places(regions) -> str:
    names = [region_name(region) for region in regions]
    return " or ".join(f"the {name}" if name.startswith("United") else name for name in names)


def validate_phone_number(value: str, regions=REGIONS[BOTH]) -> None:
    validate_phone_shape(value)
    if not is_diallable(value, regions):
        where = f" in {_places(regions)}" if regions else ""
        raise ValidationError(
            f"“{value.strip()}” is not a phone number patients can dial{where}: check that no digit is "
            "missing or extra. Write a number from another country with + and its country code, for "
            "example +44 1865 902 000.",
            code="invalid_phone",
        )


def phone_lines(value: str) -> list[dict[str, str]]:
    """'Who to call: number' per line (the label is optional) -> [{label, number, href}]."""
    numbers = []
    for line in (line.strip() for line in (value or "").splitlines()):
        if line:
            label, _, number = line.rpartition(":")
            number = number.strip()
            numbers.append({"label": label.strip(), "number": number, "href": f"tel:{phone_digits(number)}"})
    return numbers


def validate_phone_lines(value: str, regions=REGIONS[BOTH]) -> None:
    for item in phone_lines(value):
        if not has_phone_shape(item["number"]):
            raise ValidationError(
                f"“{item['number']}” is not a phone number. {PHONE_SHAPE_MESSAGE}", code="invalid_phone"
            )
        validate_phone_number(item["number"], regions)


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
        validate_phone_shape(rest)  # whether it can be dialled is checked with the clinic's country


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
