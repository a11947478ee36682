"""Each fact the clinical review corrected reads as the content brief says, in English and in Spanish.

Every case names words that must be on the seeded page a patient opens, and the old words that
misled; each would fail on the text before the review.
"""

import re

import pytest

from education.models import CheckQuestion
from tests.support.fixtures import seeded_once_per_module

pytestmark = pytest.mark.django_db

INFUSION = {"en": "/your-infusion-day/", "es": "/es/el-dia-de-su-infusion/"}
CHECKLIST = {"en": "/before-your-appointment/", "es": "/es/antes-de-su-cita/"}
MAINTENANCE = {"en": "/after-your-first-course/", "es": "/es/despues-del-primer-ciclo/"}
RISKS = {"en": "/risks-and-side-effects/", "es": "/es/riesgos-y-efectos-secundarios/"}
ABOUT = {"en": "/about-ketamine-therapy/", "es": "/es/que-es-la-terapia-con-ketamina/"}
ASSESSMENT = {"en": "/your-assessment/", "es": "/es/su-primera-evaluacion/"}
CRISIS = {"en": "/get-help-now/", "es": "/es/pida-ayuda-ahora/"}
GLOSSARY = {"en": "/glossary/", "es": "/es/palabras/"}

# (finding, language, page, words that must be there, old words that must be gone)
FACTS = [
    # Sedatives: the brief's "avoid sedatives unless your team says otherwise", said plainly.
    (
        "sedatives",
        "en",
        INFUSION,
        [
            "Do not take sedatives",
            "before your infusion, unless your team says you can",
            "Do not stop any medicine on your own",
        ],
        ["ask your team about sedatives you take"],
    ),
    (
        "sedatives",
        "en",
        CHECKLIST,
        [
            "Do not take sedatives (medicines that make you calm or sleepy), such as "
            "benzodiazepines, before your infusion, unless your team says you can."
        ],
        ["ask your team about sedatives you take"],
    ),
    (
        "sedatives",
        "es",
        INFUSION,
        [
            "No tome sedantes",
            "antes de la infusión, a menos que su equipo le diga que puede",
            "No deje de tomar ningún medicamento por su cuenta",
        ],
        ["pregunte al equipo por los sedantes", "No deje un medicamento"],
    ),
    (
        "sedatives",
        "es",
        CHECKLIST,
        ["No tome sedantes (medicamentos que calman o dan sueño)"],
        ["pregunte al equipo por los sedantes"],
    ),
    (
        "alcohol",
        "en",
        INFUSION,
        ["Do not drink alcohol before your infusion, unless your team says otherwise."],
        [],
    ),
    # Going home: someone takes you home in every case.
    ("going home", "en", INFUSION, ["Either way, someone must take you home."], ["if you came alone"]),
    (
        "going home",
        "es",
        INFUSION,
        ["En los dos casos, alguien debe llevarlo a casa."],
        ["si tiene acompañante"],
    ),
    # Driving: any day with ketamine, tablets at home included.
    (
        "driving",
        "en",
        RISKS,
        ["On any day you have ketamine", "the same for an infusion in the clinic and for tablets at home"],
        ["On the day of treatment"],
    ),
    (
        "driving",
        "en",
        MAINTENANCE,
        ["On a day you take a tablet, do not drive, sign important papers or make big decisions."],
        [],
    ),
    (
        "driving",
        "es",
        RISKS,
        [
            "Cualquier día que reciba ketamina",
            "igual para una infusión en la clínica y para las pastillas en casa",
        ],
        ["El día del tratamiento"],
    ),
    ("driving", "es", MAINTENANCE, ["El día que tome una pastilla, no maneje"], []),
    ("driving", "es", INFUSION, ["A partir del día siguiente"], ["Hasta el día siguiente no"]),
    # Compounded ketamine "without medical supervision", apart from prescribed tablets.
    (
        "supervision",
        "en",
        RISKS,
        [
            "compounded ketamine used without medical supervision",
            "Tablets from your own prescriber, taken as planned, with follow-up visits, are "
            "treatment with medical supervision.",
        ],
        ["without a doctor watching"],
    ),
    (
        "supervision",
        "en",
        MAINTENANCE,
        ["Take only the tablets your prescriber gives you, and go to every check-up."],
        [],
    ),
    ("supervision", "es", RISKS, ["Sin control médico quiere decir"], []),
    (
        "supervision",
        "es",
        MAINTENANCE,
        ["Tome solo las pastillas que le recetaron y vaya a todas sus citas."],
        [],
    ),
    # "Feel worse", not "much worse".
    ("feel worse", "en", RISKS, ["Get help now if you feel worse or unsafe"], ["much worse"]),
    ("feel worse", "en", CRISIS, ["If you feel worse or unsafe, get help now."], ["much worse"]),
    ("feel worse", "es", RISKS, ["Pida ayuda ahora si se siente peor o en peligro"], ["mucho peor"]),
    ("feel worse", "es", CRISIS, ["Si se siente peor o en peligro, pida ayuda ahora."], ["mucho peor"]),
    # The Spanish opening sentence said the same thing twice.
    (
        "infusion defined once",
        "es",
        INFUSION,
        ["Ese día usted recibe una infusión"],
        ["tubo fino) es un medicamento que entra poco a poco"],
    ),
    # Low findings the brief supports.
    (
        "since 1970 in medicine",
        "en",
        ABOUT,
        ["It has been used in medicine since 1970, including for children."],
        ["It is not a cure."],
    ),
    (
        "since 1970 in medicine",
        "es",
        ABOUT,
        ["Se usa en medicina desde 1970", "clínica certificada"],
        ["No es una cura.", "con permiso", "es fuera de indicación"],
    ),
    (
        "REMS is about people who have it",
        "en",
        ABOUT,
        ["people who have it are watched by staff"],
        ["staff watch you for at least"],
    ),
    ("referral often", "en", ASSESSMENT, ["Often your GP or family doctor"], []),
    (
        "referral often",
        "es",
        ASSESSMENT,
        ["Muchas veces su médico de cabecera o de atención primaria"],
        ["Envío:"],
    ),
    (
        "too much ketamine",
        "es",
        RISKS,
        ["Demasiada ketamina puede hacer que pierda el conocimiento"],
        ["Mucha ketamina"],
    ),
    (
        "glossary for US readers",
        "en",
        GLOSSARY,
        [
            "Feeling like you may throw up",
            "A form of ketamine given as a nose spray, only in a certified clinic",
            "The doctor or other health professional who prescribes",
        ],
        ["Feeling sick", "that you spray into your nose", "The doctor or nurse"],
    ),
    (
        "explained on the checklist",
        "en",
        CHECKLIST,
        ["psychosis (losing touch with what is real)", "Check off"],
        ["Tick each thing off"],
    ),
    (
        "checklist like the English",
        "es",
        CHECKLIST,
        ["Anote cómo se siente cada día", "Ese día no firme papeles importantes ni tome decisiones"],
        [],
    ),
]


def visible(html: str) -> str:
    text = re.sub(r"<[^>]+>", "", html)
    return re.sub(r"\s+", " ", text.replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&"))


seeded = seeded_once_per_module("seed_demo_guide")


@pytest.fixture
def pages(client, seeded):
    return lambda url: visible(client.get(url).content.decode())


@pytest.mark.parametrize(
    ("finding", "language", "page", "present", "gone"),
    FACTS,
    ids=[f"{finding}-{language}-{page['en'].strip('/')}" for finding, language, page, _, _ in FACTS],
)
def test_the_corrected_fact_reads_as_the_brief_says(pages, finding, language, page, present, gone):
    text = pages(page[language])
    for words in present:
        assert words in text, (finding, words)
    for words in gone:
        assert words not in text, (finding, words)


@pytest.mark.parametrize(
    ("language", "question", "right_answer"),
    [
        ("en", "Can you go home on your own after your infusion?", "No, someone must take you home"),
        (
            "es",
            "¿Puede irse a casa por su cuenta después de la infusión?",
            "No, alguien debe llevarlo a casa",
        ),
    ],
)
def test_the_infusion_page_asks_whether_you_may_go_home_alone(pages, language, question, right_answer):
    text = pages(INFUSION[language])
    assert question in text and right_answer in text
    check = CheckQuestion.objects.get(question=question, language=language)
    assert check.correct_text() == right_answer


def test_spanish_dependence_has_its_own_heading_not_long_or_high_dose_use(client, pages):
    html = client.get(RISKS["es"]).content.decode()
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", html)
    assert {"Dependencia", "Ketamina sin control médico", "Lo que aún no sabemos"} <= set(headings)
    assert "Uso largo o en dosis altas" not in headings


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_crisis_page_links_to_no_further_reading(client, pages, language):
    html = client.get(CRISIS[language]).content.decode()
    assert 'data-testid="page-feedback"' not in html
    assert 'class="print-link"' not in html
    assert 'class="pathway' not in html


def test_the_urgent_card_number_is_labelled_in_spanish(client, pages):
    html = client.get(RISKS["es"]).content.decode()
    card = re.search(r'<section class="care-card care-card--urgent".*?</section>', html, re.S).group(0)
    assert "Llame a Your ketamine therapy clinic:" in card
    assert "Call " not in card
