"""The Spanish guide carries the English guide's facts section by section: the same sections, the same
questions and the same check questions, block by block, as seeded through the CMS."""

import re

import pytest
from cms.models import PageContent

from education.demo.guide import GUIDE
from education.demo.guide_es import GUIDE as GUIDE_ES
from tests.support.fixtures import seeded_once_per_module

pytestmark = pytest.mark.django_db

seeded = seeded_once_per_module("seed_demo_guide")


def structure(reverse_id: str, language: str) -> list:
    """One entry per section heading and per building block, in page order, without the words."""
    content = PageContent.admin_manager.get(page__reverse_id=reverse_id, language=language)
    placeholder = content.get_placeholders().get(slot="content")
    shape = []
    for plugin in placeholder.get_plugins(language).filter(parent=None).order_by("position"):
        block = plugin.get_bound_plugin()
        kind = plugin.plugin_type
        if kind == "TextPlugin":
            shape += ["section"] * len(re.findall(r"<h2[ >]", block.body))
        elif kind == "CheckQuestionPlugin":
            shape.append((kind, len(block.answer_list()), block.correct_answer))
        elif kind == "CareCardPlugin":
            shape.append((kind, block.level, block.crisis_numbers, bool(block.number_list())))
        elif kind in ("KeyFactsPlugin", "ChecklistPlugin", "TreatmentStepsPlugin"):
            text = getattr(block, {"KeyFactsPlugin": "points", "ChecklistPlugin": "items"}.get(kind, "steps"))
            shape.append((kind, len([line for line in text.splitlines() if line.strip()])))
        else:
            shape.append(kind)
    return shape


def test_every_english_page_has_a_spanish_version():
    assert [spec["reverse_id"] for spec in GUIDE] == list(GUIDE_ES)


@pytest.mark.parametrize("reverse_id", list(GUIDE_ES))
def test_the_spanish_page_has_the_english_sections_questions_and_checks(seeded, reverse_id):
    english, spanish = structure(reverse_id, "en"), structure(reverse_id, "es")
    for kind in ("section", "QuestionAnswerPlugin"):
        assert spanish.count(kind) == english.count(kind), (kind, english, spanish)
    checks = [entry for entry in english if entry[0] == "CheckQuestionPlugin"]
    assert [entry for entry in spanish if entry[0] == "CheckQuestionPlugin"] == checks
    assert spanish == english
