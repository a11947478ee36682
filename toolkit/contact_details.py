"""Removing contact details from what patients type, before anything is stored.

Patient text boxes say not to write names or contact details. Names cannot be told apart from
other words, but email addresses and phone numbers can: they are replaced with a marker, so
nobody reading a record later can reach, or identify, the person who wrote it.

People write them in many ways: `jane @ example.com`, `jane at example dot com`, `jane [at]
example [dot] com`, `jane arroba example punto com`, a full-width at sign (U+FF20), `07700,900,123`, or the
digits as words ("oh seven seven double oh…", "cero seis uno…"). What is not contact detail stays
exactly as typed: dates (12/03/2025, 2025-03-12), times (at 10.30), doses (0.5 mg/kg), counts and
amounts (1,000,000), and the full stop after a removed address.
"""

import re

REMOVED = "[removed]"

# Look-alike characters read as their plain forms, one for one, so positions in the text still match.
_FULL_WIDTH_DIGITS = "".join(chr(0xFF10 + digit) for digit in range(10))
_PLAIN = str.maketrans("\uff20\ufe6b\uff0e\u3002" + _FULL_WIDTH_DIGITS, "@@.." + "0123456789")

_AT = r"(?:[\[({<]\s*(?:at|arroba)\s*[\])}>]|\s(?:at|arroba)\s)"
_DOT = r"(?:[\[({<]\s*(?:dot|punto)\s*[\])}>]|\s(?:dot|punto)\s)"
_COMMON_ENDINGS = r"(?:com|org|net|edu|gov|info|io|me|co|uk|us|es|mx|ar|cl|pe|ca|ie|au|de|fr)"
_EMAIL_PATTERNS = [
    # jane@example.com, jane @ example.com; never the full stop after it.
    r"[\w.+-]+\s?@\s?[\w-]+(?:\.[\w-]+)+",
    # jane at example dot com, jane [at] example [dot] com, jane arroba example punto com
    rf"[\w.+-]+\s*{_AT}\s*[\w-]+(?:\s*(?:{_DOT}|\.)\s*[\w-]+)*\s*{_DOT}\s*[\w-]+",
    # jane [at] example.com
    r"[\w.+-]+\s*[\[({<]\s*(?:at|arroba)\s*[\])}>]\s*[\w-]+(?:\.[\w-]+)+",
    # jane at example.com: a spelled-out "at" needs an address-like ending to count.
    rf"[\w.+-]+\s(?:at|arroba)\s[\w-]+(?:\.[\w-]+)*\.{_COMMON_ENDINGS}\b",
]
_EMAIL = re.compile("|".join(f"(?:{pattern})" for pattern in _EMAIL_PATTERNS), re.IGNORECASE)

# Seven to fifteen digits, allowing the spaces, dots, dashes, commas, brackets and leading + of a
# written number; not part of a longer word or number.
_PHONE = re.compile(r"(?<![\w.,/:])\+?\(?\d(?:[ \u00a0().,\-]{0,3}\d){6,14}(?![\w/:])")
_DATE_OR_TIME = re.compile(
    r"(?:\d{4}[-.]\d{1,2}[-.]\d{1,2}|\d{1,2}[-.]\d{1,2}[-.]\d{2,4})(?:[ ,]+\d{1,2}[.:]\d{2})?", re.ASCII
)
_GROUPED_AMOUNT = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,2}(?:\.\d{3})+", re.ASCII)

_DIGIT_WORDS = {
    **dict.fromkeys(["zero", "oh", "nought", "cero"], 1),
    **dict.fromkeys(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"], 1),
    **dict.fromkeys(["uno", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"], 1),
    # "double seven" is two digits; the word after it is counted on its own.
    **dict.fromkeys(["double", "doble"], 1),
    **dict.fromkeys(["triple", "hundred"], 2),
    **dict.fromkeys(["thousand"], 3),
}
_TOKEN = re.compile(r"\d+|[^\W\d_]+", re.UNICODE)
_BETWEEN = re.compile(r"[\s,.\-()]*")
DIGITS_IN_A_PHONE_NUMBER = 7


def _is_a_date_or_an_amount(digits: str) -> bool:
    return bool(_DATE_OR_TIME.fullmatch(digits) or _GROUPED_AMOUNT.fullmatch(digits))


def _spelled_numbers(text: str) -> list[tuple[int, int]]:
    """Where runs of digits and digit words ("oh seven seven double oh nine…") add up to a number."""
    runs, start, end, digits, previous_end = [], None, None, 0, None
    for token in _TOKEN.finditer(text):
        word = token.group(0).lower()
        weight = len(word) if word.isdigit() else _DIGIT_WORDS.get(word, 0)
        joined = previous_end is not None and _BETWEEN.fullmatch(text, previous_end, token.start())
        if weight and start is not None and joined:
            end, digits = token.end(), digits + weight
        else:
            if start is not None and digits >= DIGITS_IN_A_PHONE_NUMBER:
                runs.append((start, end))
            start, end, digits = (token.start(), token.end(), weight) if weight else (None, None, 0)
        previous_end = token.end()
    if start is not None and digits >= DIGITS_IN_A_PHONE_NUMBER:
        runs.append((start, end))
    return runs


def scrub_contact_details(text: str) -> str:
    text = text or ""
    plain = text.translate(_PLAIN)
    spans = [match.span() for match in _EMAIL.finditer(plain)]
    spans += [match.span() for match in _PHONE.finditer(plain) if not _is_a_date_or_an_amount(match.group(0))]
    spans += [span for span in _spelled_numbers(plain) if any(c.isalpha() for c in plain[slice(*span)])]
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + REMOVED + text[end:]
    return text


def clean_patient_text(text: str, max_length: int) -> str:
    """Trimmed, without NUL characters (PostgreSQL refuses them), scrubbed, and within max_length."""
    text = scrub_contact_details((text or "").replace("\x00", "").strip())
    return text[:max_length]
