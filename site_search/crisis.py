"""Whether a search is about being in danger, so the crisis numbers come before any result.

The phrases are matched on whole words, in lower case and without accents, so "suicidio" and
"SUICIDIO", "morirme" and "morírme" are the same. A word that only looks like one of these
("died down", "the pain died down", "overdue") must not show the box: it is for people in danger,
and shown on every other search it would soon be ignored. tests/site_search/test_crisis_words.py
lists phrases that must and must not trigger it; add to both when changing this list.
"""

import re

from .text import fold

_PHRASES = [
    # English
    r"suicid\w*",  # suicide, suicides, suicidal, suicidality
    r"kill(?:ing|ed)? (?:my ?self|me now)",
    r"(?:want|wanted|wanting|going|gonna|ready|wish|wishing) to die",
    r"wanna die",
    r"(?:wish|want) (?:i|i'?d) (?:was|were|be) dead",
    r"better off dead",
    r"(?:end|ending|take|taking) my (?:own )?life",
    r"end it all",
    r"no reason to live",
    r"over ?dos(?:e|es|ed|ing)",
    r"self[ -]?harm\w*",
    r"(?:hurt|hurting|harm|harming|cut|cutting) my ?self",
    # Spanish
    # suicidio, suicida, suicidarme, suicidarse are caught by suicid\w* above.
    r"sobredosis",
    r"(?:quiero|quisiera|deseo|voy a) (?:morir(?:me)?|matarme|suicidarme|quitarme la vida)",
    r"me quiero (?:morir|matar|suicidar)",
    r"ganas de (?:morir(?:me)?|matarme)",
    r"(?:quitarme|quitar me) la vida",
    r"acabar con mi vida",
    r"no quiero (?:vivir|seguir viviendo)",
    r"matarme",
    r"autolesi\w*",
    r"(?:hacerme|hacer me) dano",
    r"lastimarme",
]

_DANGER = re.compile(r"\b(?:" + "|".join(_PHRASES) + r")\b")


def is_about_danger(query: str) -> bool:
    # Punctuation becomes a space, so "kill-myself" and "¿quiero morir?" read as words.
    words = " ".join(re.sub(r"[^\w']+", " ", fold(query)).split())
    return bool(_DANGER.search(words))
