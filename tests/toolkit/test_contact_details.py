"""What patients type keeps no way to reach them, however they write it, and nothing else changes.

Each sentence goes through the reading pack's question box, as a patient sends it, and is read
back as the care team's record keeps it. The corpus is the ways people write contact details in
forms and messages, in English and Spanish, next to sentences about treatment that must stay as
typed.
"""

import pytest

from reading_packs.models import IssuedPack
from tests.support.factories import PatientClient, make_page
from tests.support.packs import SAME_ORIGIN, issue, make_pack

pytestmark = pytest.mark.django_db

REMOVED = [
    ("Write to jane @ example.com please", "Write to [removed] please"),
    ("Email me at jane@example.com.", "Email me at [removed]."),
    ("My email is jane at example dot com", "My email is [removed]"),
    ("jane [at] example [dot] com", "[removed]"),
    ("jane(at)example(dot)co(dot)uk thanks", "[removed] thanks"),
    ("jane [at] example.com", "[removed]"),
    ("It is jane at example.co.uk", "It is [removed]"),
    ("full width: jane\uff20example.com", "full width: [removed]"),
    ("escríbame a juana arroba ejemplo punto com", "escríbame a [removed]"),
    ("juana [arroba] correo [punto] es", "[removed]"),
    ("call 07700,900,123", "call [removed]"),
    ("call 07700 900 123.", "call [removed]."),
    ("+44 7700 900123", "[removed]"),
    ("(555) 123-4567 after 5", "[removed] after 5"),
    ("555.123.4567", "[removed]"),
    ("mi número es 612 34 56 78", "mi número es [removed]"),
    ("0 7 7 0 0 9 0 0 1 2 3", "[removed]"),
    ("".join(chr(0xFF10 + int(d)) if d.isdigit() else d for d in "07700 900123"), "[removed]"),
    ("ring oh seven seven double oh nine hundred one two three", "ring [removed]"),
    ("zero seven seven zero zero nine zero zero one two three", "[removed]"),
    ("llámeme al seis uno dos tres cuatro cinco seis siete", "llámeme al [removed]"),
]

UNCHANGED = [
    "My appointment is on 12/03/2025 at 10.30.",
    "The date was 2025-03-12 10:30.",
    "The dose is 0.5 mg/kg, over 40 minutes.",
    "I had 3 infusions in 2 weeks.",
    "It costs 1,000,000 pesos? No, 1.000 euros.",
    "I will be at work. Then home.",
    "I arrive at 9. Then I rest.",
    "Llego a las diez en punto.",
    "I take one or two tablets, three times a day.",
    "Oh, I see. One question: is 40 minutes normal?",
    "Between 9 and 5 on weekdays, room 101, floor 3.",
    "Can I drink at home? Dot points help.",
    "Tengo dos o tres preguntas sobre la vejiga.",
    "¿Puedo manejar el 3/12 a las 18:00?",
]


@pytest.fixture
def finish():
    pack = make_pack([make_page("Your infusion day", "<p>About 40 minutes.</p>")])
    issued, code = issue(pack)
    client = PatientClient()

    def send(text: str) -> str:
        response = client.post(f"/p/{code}/finish/", {"questions": text}, **SAME_ORIGIN)
        assert response.status_code == 302
        return IssuedPack.objects.get(pk=issued.pk).questions

    return send


@pytest.mark.parametrize(("typed", "kept"), REMOVED)
def test_contact_details_are_removed_however_they_are_written(finish, typed, kept):
    assert finish(typed) == kept


@pytest.mark.parametrize("typed", UNCHANGED)
def test_dates_times_doses_counts_and_ordinary_sentences_stay_as_typed(finish, typed):
    assert finish(typed) == typed
