"""What patients see at /p/<code>/: the pack, its pages, the checks, and “I have finished”.

No cookies: these forms are exempt from the cookie-based CSRF check and refuse posts from other
sites instead (toolkit/patient_forms.py). Every answer is private, never stored by any cache, sends
no Referer onwards (the code is in the address) and asks search engines not to index it. Only
explicit posts record reading; a GET (a link previewer in a mail or chat app) marks a pack as
opened and nothing more.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from education.models import CheckQuestion
from education.pathway import CRISIS_SIGNPOST_TEMPLATES
from toolkit.contact_details import clean_patient_text
from toolkit.patient_forms import patient_form
from toolkit.rate_limits import RateLimit

from . import codes, records
from .models import IssuedPack

# More wrong codes than this from one address within the window are refused with 429 until the
# window runs out; counted in the shared cache, so the limit holds across workers and machines.
WRONG_CODE_LIMIT = RateLimit("reading-pack-code", 10, 600)
QUESTIONS_MAX_LENGTH = 1000


# Same-origin posts only; every answer (refusals too) kept out of caches and search engines. The
# code is in the address: the Referer is sent to this site only (its forms' fallback check for
# browsers without Fetch Metadata needs it), never to another.
pack_response = patient_form(
    referrer_policy="same-origin", typed_fields={"questions": _("Your questions for your care team")}
)


# Notices inside a pack (a wrong or expired code) keep the pack's layout: no guide menu, no language switch.
PACK_LAYOUT = "reading_packs/patient/_base.html"


def _render(request, template, context=None, status=200):
    context = {"notice_layout": PACK_LAYOUT, **(context or {})}
    return TemplateResponse(request, f"reading_packs/patient/{template}", context, status=status)


def _not_found(request, typed=""):
    context = {"typed": typed[: codes.MAX_TYPED_LENGTH]}
    return _render(request, "not_found.html", context, status=404)


def _open(
    request, code: str, url_name: str = "", *args
) -> IssuedPack | TemplateResponse | HttpResponseRedirect:
    """The issued pack for `code`, or the answer to give instead (404, 410, 429, or a redirect).

    With `url_name`, a link opened in another language than the pack's is sent to the pack's own.
    """
    if WRONG_CODE_LIMIT.client_exceeded(request):
        return _render(request, "too_many_tries.html", status=429)
    issued = records.find(code)
    if issued is None:
        if WRONG_CODE_LIMIT.hit_client(request):
            return _render(request, "too_many_tries.html", status=429)
        return _not_found(request, code)
    if issued.cancelled_at is not None or issued.is_expired():
        context = {"pack_name": issued.pack_name, "cancelled": issued.cancelled_at is not None}
        return _render(request, "expired.html", context, status=410)
    if url_name:
        return _in_its_language(issued, code, url_name, *args) or issued
    return issued


class PackContext:
    """What a check question needs to render inside a pack: where to post, and earlier answers."""

    def __init__(self, answer_url: str, answers):
        self.answer_url = answer_url
        self.answers = {answer.question: answer for answer in answers}

    def result_for(self, check) -> dict | None:
        answer = self.answers.get(check.question)
        if answer is None:
            return None
        choices = check.answer_list()
        position = choices.index(answer.final_answer) + 1 if answer.final_answer in choices else 0
        return {
            "final_answer": answer.final_answer,
            "final_correct": answer.final_correct,
            "final_position": position,
        }


def _urls(code: str) -> dict:
    shown = codes.display(codes.normalise(code))
    return {
        "code": shown,
        "start": reverse("reading_packs:start", args=[shown]),
        "finish": reverse("reading_packs:finish", args=[shown]),
    }


def _page_url(code: str, number: int) -> str:
    return reverse("reading_packs:page", args=[codes.display(codes.normalise(code)), number])


def _in_its_language(issued, code, current_url_name, *args):
    """A pack is read in the language it was given in; send a link opened elsewhere there."""
    if issued.language == get_language():
        return None
    with translation.override(issued.language):
        shown = codes.display(codes.normalise(code))
        return redirect(reverse(f"reading_packs:{current_url_name}", args=[shown, *args]))


@pack_response
@require_safe
def enter_code(request):
    typed = request.GET.get("code", "")
    if not typed:
        return _render(request, "enter_code.html")
    code = codes.normalise(typed)
    if code is None:
        if WRONG_CODE_LIMIT.hit_client(request):
            return _render(request, "too_many_tries.html", status=429)
        return _not_found(request, typed)
    return redirect(reverse("reading_packs:start", args=[codes.display(code)]))


@pack_response
@require_safe
def start(request, code):
    issued = _open(request, code, "start")
    if not isinstance(issued, IssuedPack):
        return issued
    records.mark_opened(issued)
    entries = records.entries(issued)
    name, introduction = issued.pack.wording(issued.language)
    unread = [entry for entry in entries if not entry.read]
    context = {
        "issued": issued,
        "pack_name": name,
        "introduction": introduction,
        "entries": entries,
        "read_count": len(entries) - len(unread),
        "next_url": _page_url(code, unread[0].number) if unread else _urls(code)["finish"],
        "started": len(unread) < len(entries),
        "urls": _urls(code),
    }
    return _render(request, "start.html", context)


def _entry(issued, number):
    entries = records.entries(issued)
    return entries, entries[number - 1] if 1 <= number <= len(entries) else None


@pack_response
@require_http_methods(["GET", "HEAD", "POST"])
def page(request, code, number):
    issued = _open(request, code, "page", number)
    if not isinstance(issued, IssuedPack):
        return issued
    entries, entry = _entry(issued, number)
    if entry is None:
        return _not_found(request, code)
    if request.method == "POST":
        unanswered = (
            [] if entry.read or request.POST.get("unanswered") == "skip" else _unanswered(issued, entry)
        )
        if unanswered:
            return _ask_about_checks(request, issued, code, entries, entry, unanswered)
        records.mark_read(issued, entry)
        unread = [other for other in entries if not other.read and other.number != number]
        later = [other for other in unread if other.number > number] or unread
        target = _page_url(code, later[0].number) if later else _urls(code)["finish"]
        return redirect(target, permanent=False)
    records.mark_opened(issued)
    # The page's own review footer and signposts read the current page.
    request.current_page = entry.page
    answer_url = reverse("reading_packs:answer", args=[codes.display(codes.normalise(code)), number])
    context = {
        "issued": issued,
        "pack_name": issued.pack.wording(issued.language)[0],
        "entries": entries,
        "entry": entry,
        "read_count": sum(other.read for other in entries),
        "placeholder": entry.content.placeholders.filter(slot="content").first(),
        "crisis_signpost": entry.content.get_template() in CRISIS_SIGNPOST_TEMPLATES,
        "reading_pack": PackContext(answer_url, issued.check_answers.filter(page=entry.page)),
        "previous_url": _page_url(code, number - 1) if number > 1 else _urls(code)["start"],
        "urls": _urls(code),
    }
    return _render(request, "page.html", context)


def _unanswered(issued, entry) -> list:
    answered = set(issued.check_answers.filter(page=entry.page).values_list("question", flat=True))
    checks = CheckQuestion.objects.filter(placeholder__in=entry.content.placeholders.all()).order_by(
        "position"
    )
    return [check for check in checks if check.question not in answered]


def _ask_about_checks(request, issued, code, entries, entry, unanswered):
    """Asked once, on a page of its own (no script needed), and never a barrier: either way is fine."""
    context = {
        "issued": issued,
        "pack_name": issued.pack.wording(issued.language)[0],
        "entries": entries,
        "entry": entry,
        "read_count": sum(other.read for other in entries),
        "unanswered": unanswered,
        "page_url": _page_url(code, entry.number),
        "urls": _urls(code),
    }
    return _render(request, "unanswered.html", context)


@pack_response
@require_POST
def answer(request, code, number):
    issued = _open(request, code)
    if not isinstance(issued, IssuedPack):
        return issued
    _, entry = _entry(issued, number)
    if entry is None:
        return _not_found(request, code)
    check = CheckQuestion.objects.filter(
        pk=_number(request.POST.get("check")), placeholder__in=entry.content.placeholders.all()
    ).first()
    if check is None:
        return _not_found(request, code)
    position = _number(request.POST.get("answer"))
    if 1 <= position <= len(check.answer_list()):
        records.record_answer(issued, entry, check, position)
    return redirect(f"{_page_url(code, number)}#check-{check.pk}")


def _number(value) -> int:
    """A positive whole number that fits the database's integer columns, or 0."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 0
    return number if 0 < number < 2**31 else 0


@pack_response
@require_http_methods(["GET", "HEAD", "POST"])
def finish(request, code):
    issued = _open(request, code, "finish")
    if not isinstance(issued, IssuedPack):
        return issued
    entries = records.entries(issued)
    questions, error = issued.questions, ""
    if request.method == "POST":
        questions = request.POST.get("questions", "")
        if len(questions) > QUESTIONS_MAX_LENGTH:
            error = "too_long"
        else:
            records.finish(issued, clean_patient_text(questions, QUESTIONS_MAX_LENGTH))
            return redirect(_urls(code)["finish"])
    else:
        records.mark_opened(issued)
    context = {
        "issued": issued,
        "pack_name": issued.pack.wording(issued.language)[0],
        "entries": entries,
        "read_count": sum(entry.read for entry in entries),
        "questions": questions,
        "error": error,
        "max_length": QUESTIONS_MAX_LENGTH,
        "previous_url": _page_url(code, len(entries)) if entries else _urls(code)["start"],
        "urls": _urls(code),
    }
    return _render(request, "finish.html", context, status=400 if error else 200)
