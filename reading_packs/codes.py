"""Reading-pack codes: easy to read aloud and type, and never stored as they are.

Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as two groups of four
(`KX7P-2M9Q`): 31^8, about 850 billion codes, against at most a handful of guesses per address
every ten minutes. The database keeps only a keyed hash (HMAC with the SECRET_KEY), so a copy of
the database alone opens no pack. Codes made under a key listed in SECRET_KEY_FALLBACKS still
open; rotating the key without keeping the old one in the fallbacks closes every open code.
"""

import secrets

from django.conf import settings
from django.utils.crypto import salted_hmac

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8
GROUP = 4
_SALT = "reading_packs.code"
# Anything longer than this cannot be a code, however it is spaced: refused before any work.
MAX_TYPED_LENGTH = 24


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str | None:
    """The code in its stored form (`KX7P2M9Q`) from what a person typed, or None if it cannot be one."""
    if not typed or len(typed) > MAX_TYPED_LENGTH:
        return None
    code = "".join(ch for ch in typed.upper() if ch not in " -\t")
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def display(code: str) -> str:
    return f"{code[:GROUP]}-{code[GROUP:]}"


def code_hash(code: str, secret: str | None = None) -> str:
    return salted_hmac(_SALT, code, secret=secret or settings.SECRET_KEY, algorithm="sha256").hexdigest()


def candidate_hashes(code: str) -> list[str]:
    """The hash under the current key and under every fallback key, for looking a code up."""
    return [code_hash(code, secret) for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]]
