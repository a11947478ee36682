"""The crisis box comes first for searches about being in danger, and only for those."""

import pytest

from site_search.crisis import is_about_danger
from tests.support.factories import make_page

MUST_TRIGGER = [
    "suicide",
    "Suicidal",
    "suicidal thoughts after infusion",
    "suicide risk of ketamine",
    "I want to kill myself",
    "killing myself",
    "kill-myself",
    "want to die",
    "I just wanna die",
    "end my life",
    "ending my life",
    "take my own life",
    "overdose",
    "overdosed on ketamine",
    "over dose",
    "self harm",
    "self-harming",
    "hurt myself",
    "better off dead",
    "suicidio",
    "SUICIDA",
    "pensamientos suicidas",
    "quiero morir",
    "quiero morirme",
    "Quiero morírme",
    "me quiero morir",
    "quiero matarme",
    "quiero suicidarme",
    "sobredosis",
    "sobredosis de ketamina",
    "¿qué hago si quiero morir?",
    "quitarme la vida",
    "no quiero vivir",
    "autolesión",
]
MUST_NOT_TRIGGER = [
    "died down",
    "the pain died down",
    "bladder",
    "vejiga",
    "efectos secundarios",
    "side effects",
    "dose",
    "dosis",
    "overdue review",
    "killer headache",
    "die",
    "driving home",
    "morning",
    "muerte cerebral",
    "matar el tiempo",
    "self-care",
    "my life has changed",
    "la vida después del tratamiento",
]


@pytest.mark.parametrize("query", MUST_TRIGGER)
def test_danger_words_trigger_the_crisis_box(query):
    assert is_about_danger(query)


@pytest.mark.parametrize("query", MUST_NOT_TRIGGER)
def test_other_words_do_not(query):
    assert not is_about_danger(query)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "query"), [("/search/", "suicide risk of ketamine"), ("/es/buscar/", "quiero morir")]
)
def test_the_crisis_box_with_its_numbers_comes_above_the_first_result(client, after_commit, path, query):
    with after_commit():
        make_page("Risks", "<p>The suicide risk of ketamine is discussed here. Quiero morir.</p>")
    html = client.get(path, {"q": query}).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert 'data-testid="crisis-signpost"' in main
    assert 'href="tel:988"' in main
    if path == "/search/":
        assert main.index('data-testid="crisis-signpost"') < main.index('class="search-result"')
    # Printed once, on screen and paper alike: not a second, print-only copy.
    assert 'data-testid="crisis-signpost-print"' not in html


@pytest.mark.django_db
def test_no_crisis_box_for_ordinary_searches(client):
    html = client.get("/search/", {"q": "the pain died down"}).content.decode()
    assert 'data-testid="crisis-signpost"' not in html
    assert 'data-testid="crisis-signpost-print"' in html  # the footer's printed numbers stay
