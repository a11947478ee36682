"""Words of a query and of the indexed text, compared as the databases compare them."""

import re
import unicodedata

# Letters and digits, in any script; "_" and punctuation separate words, as in both full-text engines.
WORD = re.compile(r"[^\W_]+")
# A query is cut to this many characters before anything reads it.
MAX_QUERY_LENGTH = 200
# More words than this add nothing a patient needs and only make the query slower.
MAX_TERMS = 12
# Characters that mark the matched words in a snippet; they never occur in indexed text.
MARK_START, MARK_END = "\ue000", "\ue001"


def fold(text: str) -> str:
    """Lower case without accents: "Infusión" and "infusion" are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def terms_of(query: str) -> list[str]:
    """The words searched for, lower case, each once, in the order typed."""
    seen: dict[str, None] = {}
    for word in WORD.findall(query.lower()):
        seen.setdefault(word, None)
    return list(seen)[:MAX_TERMS]


def clean_indexed_text(text: str) -> str:
    return text.replace(MARK_START, " ").replace(MARK_END, " ")


def trigrams(key: str) -> set[str]:
    """The trigrams pg_trgm takes from one word: two spaces in front, one behind."""
    padded = f"  {key} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """pg_trgm's similarity() of two words: shared trigrams over all trigrams."""
    first, second = trigrams(a), trigrams(b)
    return len(first & second) / len(first | second)
