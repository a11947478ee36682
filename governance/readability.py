"""The reading grade of a page version, for editors (never computed for a patient's request).

The grade is Flesch-Kincaid (textstat) over the text a reader sees: every placeholder of the page
content is rendered as an anonymous reader would get it, and the markup is stripped. Grades are
stored per version (ReadingGrade) and dropped by governance.handlers when the text changes, so
staff pages compute each one at most once per change.
"""

from html.parser import HTMLParser

import textstat
from cms.models import PageContent
from cms.plugin_rendering import ContentRenderer
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from sekizai.context import SekizaiContext

from .models import MIN_WORDS_TO_GRADE, ReadingGrade

PLAIN_LANGUAGE_GRADE = 8
# Block-level elements end a sentence or list item even when the editor wrote no full stop, so
# "Eat a light meal" in a list does not run on into the next item as one long sentence.
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "div", "blockquote", "br", "dt", "dd"}
_SKIPPED = {"script", "style", "template", "noscript"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self._end_block()

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self._end_block()

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)

    def _end_block(self):
        text = "".join(self.parts).rstrip()
        if text and text[-1] not in ".!?:;":
            self.parts.append(".")
        self.parts.append(" ")


def text_of_html(html: str) -> str:
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    extractor._end_block()
    return " ".join("".join(extractor.parts).split()).strip(" .") + "."


def rendered_html(content) -> str:
    """The HTML of every placeholder of `content`, as an anonymous reader would get it."""
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    request.session = {}
    request.current_page = content.page
    renderer = ContentRenderer(request)
    context = SekizaiContext({"request": request})
    return "\n".join(
        renderer.render_placeholder(placeholder, context, language=content.language, page=content.page)
        for placeholder in content.get_placeholders()
    )


# Spanish pages are measured with Fernández-Huerta (0-100, higher is easier); 70 or more reads easily.
SPANISH_EASY_SCORE = 70


def grade_of_text(text: str, language: str = "en") -> float:
    """Flesch-Kincaid grade for English; Fernández-Huerta score for Spanish."""
    if not text.strip(" ."):
        return 0.0
    if language == "es":
        # textstat keeps its language globally: switch back at once (staff-only, never per patient).
        textstat.set_lang("es")
        try:
            return round(textstat.fernandez_huerta(text), 1)
        finally:
            textstat.set_lang("en_US")
    return round(textstat.flesch_kincaid_grade(text), 1)


def measure_name(language: str) -> str:
    return "Fernández-Huerta" if language == "es" else "Reading grade"


def is_hard(grade: float, language: str = "en") -> bool:
    return grade < SPANISH_EASY_SCORE if language == "es" else grade > PLAIN_LANGUAGE_GRADE


def reading_grade(content) -> ReadingGrade:
    """The stored grade of one page version, computing and storing it when missing."""
    stored = ReadingGrade.objects.filter(content=content).first()
    if stored is not None:
        return stored
    # A fresh copy: a content object in memory may hold placeholders with plugins rendered before.
    text = text_of_html(rendered_html(PageContent.admin_manager.get(pk=content.pk)))
    words = len(text.strip(" .").split())
    stored, _ = ReadingGrade.objects.update_or_create(
        content=content, defaults={"grade": grade_of_text(text, content.language), "words": words}
    )
    return stored


def grade_note(grade: float, too_short: bool = False, language: str = "en") -> str:
    if too_short:
        return f"Fewer than {MIN_WORDS_TO_GRADE} words: too short for a reading grade to mean anything."
    if language == "es":
        if grade < SPANISH_EASY_SCORE:
            return (
                f"Below {SPANISH_EASY_SCORE}: many patients will find this hard. Use shorter sentences "
                "and words."
            )
        return f"{SPANISH_EASY_SCORE} or above: easy enough for most patients."
    if grade > PLAIN_LANGUAGE_GRADE:
        return (
            f"Above grade {PLAIN_LANGUAGE_GRADE}: many patients will find this hard. Use shorter "
            "sentences and everyday words."
        )
    return f"Grade {PLAIN_LANGUAGE_GRADE} or below: plain enough for most patients."
