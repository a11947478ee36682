"""The patient guide's building blocks, offered to editors under "Patient guide" in the plugin menu.

Every block renders plain text through its own template (Django escapes it), so an editor's words
can never add markup or script to a patient's page.
"""

from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext

from clinic.details import clinic_details

from .models import CareCard, Checklist, CheckQuestion, GlossaryTerm, KeyFacts, QuestionAnswer, TreatmentSteps

MODULE = "Patient guide"


class GuideBlock(CMSPluginBase):
    module = MODULE
    allow_children = False


@plugin_pool.register_plugin
class KeyFactsPlugin(GuideBlock):
    name = "Key facts (“In short”)"
    model = KeyFacts
    render_template = "education/plugins/key_facts.html"


@plugin_pool.register_plugin
class TreatmentStepsPlugin(GuideBlock):
    name = "Steps (“What happens”)"
    model = TreatmentSteps
    render_template = "education/plugins/treatment_steps.html"


@plugin_pool.register_plugin
class CareCardPlugin(GuideBlock):
    name = "Care card (non-urgent, urgent, emergency)"
    model = CareCard
    render_template = "education/plugins/care_card.html"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        clinic = clinic_details()
        numbers = instance.number_list()
        if not numbers and not instance.crisis_numbers and clinic["phone_number"]:
            label = gettext("Call %(clinic)s") % {"clinic": clinic["clinic_name"]}
            numbers = [{"label": label, "number": clinic["phone_number"], "href": clinic["phone_href"]}]
        context["numbers"] = numbers
        context["clinic"] = clinic  # the crisis numbers follow the call to action's country
        return context


@plugin_pool.register_plugin
class QuestionAnswerPlugin(GuideBlock):
    name = "Question and answer"
    model = QuestionAnswer
    render_template = "education/plugins/question_answer.html"


@plugin_pool.register_plugin
class GlossaryTermPlugin(GuideBlock):
    """Added inside a text block (the text editor's plugin menu), so the word stays in its sentence."""

    name = "Glossary term"
    model = GlossaryTerm
    render_template = "education/plugins/glossary_term.html"
    text_enabled = True
    require_parent = True
    parent_classes = ["TextPlugin"]


@plugin_pool.register_plugin
class ChecklistPlugin(GuideBlock):
    name = "Checklist"
    model = Checklist
    render_template = "education/plugins/checklist.html"


@plugin_pool.register_plugin
class CheckQuestionPlugin(GuideBlock):
    """A self-check on the guide page; a question the patient answers inside a reading pack.

    A reading pack's view puts `reading_pack` in the context (an object with `answer_url` and
    `result_for(instance)`), and renders the page without the placeholder cache.
    """

    name = "Check your understanding"
    model = CheckQuestion
    render_template = "education/plugins/check_question.html"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        pack = context.get("reading_pack")
        context["result"] = pack.result_for(instance) if pack else None
        return context
