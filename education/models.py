"""The building blocks editors add to guide pages (their CMS plugin classes are in cms_plugins.py).

Lists (key facts, steps, checklist items, phone numbers) are one item per line of plain text rather
than child plugins: an editor types or pastes a list in one box and sees every item at once, and
plain text cannot carry markup, so nothing an editor types can break the page or inject script.
"""

from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.text import slugify

from clinic.validators import phone_lines
from clinic.validators import validate_phone_lines as validate_phone_lines_in


def lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


@deconstructible
class LineCountValidator:
    """Refuse a one-item-per-line list with too few or too many items, or an item that is too long."""

    def __init__(self, minimum: int, maximum: int, noun: str, max_length: int = 200):
        self.minimum, self.maximum, self.noun, self.max_length = minimum, maximum, noun, max_length

    def __call__(self, value: str) -> None:
        items = lines(value)
        if not self.minimum <= len(items) <= self.maximum:
            raise ValidationError(
                f"Write {self.minimum} to {self.maximum} {self.noun}s, one per line. "
                f"There are {len(items)} now.",
                code="line_count",
            )
        too_long = [item for item in items if len(item) > self.max_length]
        if too_long:
            raise ValidationError(
                f"Keep each {self.noun} under {self.max_length} characters. "
                f"This one is too long: “{too_long[0][:60]}…”",
                code="line_length",
            )

    def __eq__(self, other):  # migrations compare validators
        return isinstance(other, LineCountValidator) and vars(self) == vars(other)


def parse_phone_lines(value: str) -> list[dict[str, str]]:
    """'Who to call: number' per line (the label is optional) -> [{label, number, href}]."""
    return phone_lines(value)


def validate_phone_lines(value: str) -> None:
    """Numbers patients can dial in the US, the UK or the clinic's own country (short ones too)."""
    from clinic.crisis import REGIONS, UK, US
    from clinic.details import clinic_details

    details = clinic_details()
    regions = {*REGIONS[US], *REGIONS[UK], *details.get("dialling_regions", ())}
    validate_phone_lines_in(value, sorted(regions))


class KeyFacts(CMSPlugin):
    title = models.CharField(max_length=80, default="In short")
    points = models.TextField(
        validators=[LineCountValidator(3, 6, "point")],
        help_text="3 to 6 short points, one per line. Each point is one short sentence.",
    )

    def __str__(self) -> str:
        return f"{self.title}: {len(lines(self.points))} points"

    def point_list(self) -> list[str]:
        return lines(self.points)


class TreatmentSteps(CMSPlugin):
    title = models.CharField(max_length=80, default="What happens")
    steps = models.TextField(
        validators=[LineCountValidator(2, 10, "step", max_length=300)],
        help_text=(
            "2 to 10 steps in the order they happen, one per line. Start a line with a short name "
            "and a colon to give the step a heading, for example “Arrival: check in at the front desk.”"
        ),
    )

    def __str__(self) -> str:
        return f"{self.title}: {len(lines(self.steps))} steps"

    def step_list(self) -> list[dict[str, str]]:
        result = []
        for line in lines(self.steps):
            name, colon, detail = line.partition(": ")
            result.append({"name": name, "detail": detail} if colon else {"name": "", "detail": line})
        return result


class CareCard(CMSPlugin):
    NON_URGENT, URGENT, EMERGENCY = "non-urgent", "urgent", "emergency"
    LEVELS = [
        (NON_URGENT, "Non-urgent: speak to your care team"),
        (URGENT, "Urgent: call now"),
        (EMERGENCY, "Emergency: get help now"),
    ]
    level = models.CharField(max_length=12, choices=LEVELS, default=NON_URGENT)
    heading = models.CharField(max_length=120, help_text="For example “Call your care team if”.")
    message = models.TextField(
        max_length=1000,
        help_text="Plain text. Start a line with “- ” to make a bulleted list of signs to look out for.",
    )
    phone_numbers = models.TextField(
        blank=True,
        validators=[validate_phone_lines],
        help_text=(
            "One per line, as “Who to call: number”, for example “Samaritans: 116 123”. Each becomes a "
            "tap-to-call link. An emergency card needs a number here or the crisis numbers below; a "
            "non-urgent or urgent card without a number shows the clinic's number from the call to action."
        ),
    )
    crisis_numbers = models.BooleanField(
        "show the crisis numbers",
        default=False,
        help_text="Add the crisis numbers of the clinic's country, as chosen in the call to action "
        "(United States, United Kingdom, both, or the clinic's own), in the page's language.",
    )

    def __str__(self) -> str:
        return f"{self.get_level_display()}: {self.heading}"

    def clean(self):
        if self.level == self.EMERGENCY and not lines(self.phone_numbers) and not self.crisis_numbers:
            raise ValidationError(
                {
                    "phone_numbers": "An emergency card needs at least one number to call: type one here, "
                    "or tick “show the crisis numbers”."
                }
            )

    def number_list(self) -> list[dict[str, str]]:
        return parse_phone_lines(self.phone_numbers)

    def message_parts(self) -> list[dict]:
        """Paragraphs and bulleted lists, from plain text: '- ' lines are list items."""
        parts: list[dict] = []
        for line in lines(self.message):
            if line.startswith(("- ", "* ")):
                if not parts or parts[-1]["kind"] != "list":
                    parts.append({"kind": "list", "items": []})
                parts[-1]["items"].append(line[2:].strip())
            else:
                parts.append({"kind": "paragraph", "text": line})
        return parts


class QuestionAnswer(CMSPlugin):
    question = models.CharField(max_length=200)
    answer = models.TextField(max_length=2000, help_text="Plain text. Leave a blank line between paragraphs.")

    def __str__(self) -> str:
        return self.question


class GlossaryTerm(CMSPlugin):
    term = models.CharField(max_length=60, help_text="The medical word as it appears in the sentence.")
    definition = models.CharField(
        max_length=300,
        help_text="What it means, in plain words, for example “a small needle that goes into a vein”.",
    )

    def __str__(self) -> str:
        return self.term

    @property
    def anchor(self) -> str:
        return f"term-{slugify(self.term)}"


class Checklist(CMSPlugin):
    title = models.CharField(max_length=80, default="Before your appointment")
    items = models.TextField(
        validators=[LineCountValidator(2, 15, "item")],
        help_text="2 to 15 things to do, one per line, each starting with a verb: “Eat a light meal.”",
    )

    def __str__(self) -> str:
        return f"{self.title}: {len(lines(self.items))} items"

    def item_list(self) -> list[str]:
        return lines(self.items)


ANSWER_POSITIONS = [(1, "First"), (2, "Second"), (3, "Third"), (4, "Fourth")]


class CheckQuestion(CMSPlugin):
    """“Check your understanding”: one question about one fact the page states, with 2 to 4 answers.

    On a guide page it is a self-check (the answer is in a <details>, so it works without
    JavaScript); inside a reading pack the patient answers it and the answer is recorded.
    """

    question = models.CharField(max_length=200, help_text="One question about one fact this page states.")
    answers = models.TextField(
        validators=[LineCountValidator(2, 4, "answer", max_length=150)],
        help_text="2 to 4 answers, one per line, in the order patients see them.",
    )
    correct_answer = models.PositiveSmallIntegerField(
        choices=ANSWER_POSITIONS, default=1, help_text="Which line above is the right answer."
    )
    explanation = models.TextField(
        max_length=500,
        help_text=(
            "Why that answer is right, in one or two short sentences, and which part of the page says so, "
            "for example “See “After your infusion” above.”"
        ),
    )
    safety_check = models.BooleanField(
        "safety check",
        default=False,
        help_text=(
            "Tick when a patient who gets this wrong, or skips it, may not know when to get help. "
            "The reading record highlights it when it is skipped or still wrong."
        ),
    )

    def __str__(self) -> str:
        return self.question

    def clean(self):
        if self.correct_answer and self.correct_answer > len(self.answer_list()):
            raise ValidationError(
                {"correct_answer": f"There are only {len(self.answer_list())} answers: choose one of them."}
            )

    def answer_list(self) -> list[str]:
        return lines(self.answers)

    def correct_text(self) -> str:
        answers = self.answer_list()
        return answers[self.correct_answer - 1] if 0 < self.correct_answer <= len(answers) else ""
