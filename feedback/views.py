"""The "Was this page useful?" form's answers: cookie-less, same-site only, rate-limited.

The form under every guide page is the same for everyone (pages are cached): it posts only the page
id and the language, and the published version is looked up here. A No is stored at once; the reason
form that follows carries the record's id signed (an hour, once), so nobody can add words to someone
else's answer or to a Yes.
"""

from cms.models import Page, PageContent
from django.conf import settings
from django.core import signing
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from toolkit.contact_details import clean_patient_text
from toolkit.page_versions import published_version
from toolkit.patient_forms import patient_form
from toolkit.rate_limits import RateLimit

from .forms import ReasonForm
from .models import COMMENT_MAX_LENGTH, PageFeedback

RATE_LIMIT = RateLimit("page-feedback", 20, 600)
REASON_LINK_SALT = "feedback.reason"
MAX_ID = 2**31
TOKEN_MAX_AGE = 60 * 60  # seconds: time enough to write a few sentences


def feedback_view(view):
    return patient_form(require_POST(view), typed_fields={"comment": _("Your comment")})


def _published(page_id, language):
    """The page and its published content and version in `language`, or None for anything else."""
    if language != get_language() or language not in dict(settings.LANGUAGES):
        return None
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        return None
    if not 0 < page_id < MAX_ID:  # PostgreSQL refuses (500) an id beyond its integer column
        return None
    page = Page.objects.filter(pk=page_id, site_id=settings.SITE_ID).first()
    if page is None:
        return None
    version = published_version(page, language)
    if version is None:
        return None
    return page, version.content, version


def _page_link(record) -> dict:
    content = PageContent.objects.filter(page=record.page, language=record.language).first()
    return {
        "url": record.page.get_absolute_url(record.language),
        "title": content.title if content else "",
    }


def _not_found(request):
    return render(request, "404.html", status=404)


def _too_many(request):
    return render(request, "feedback/too_many.html", status=429)


@feedback_view
def answer(request):
    """Yes or No, from the form under a page."""
    found = _published(request.POST.get("page"), request.POST.get("language"))
    useful = request.POST.get("useful")
    if found is None or useful not in ("yes", "no"):
        return _not_found(request)
    if RATE_LIMIT.hit_client(request):
        return _too_many(request)
    page, _content, version = found
    record = PageFeedback.objects.create(
        page=page,
        language=version.content.language,
        version_number=int(version.number),
        useful=useful == "yes",
    )
    if record.useful:
        return render(request, "feedback/thanks.html", {"back": _page_link(record)})
    return _reason_form(request, record, ReasonForm(), status=200)


def _reason_form(request, record, form, status):
    context = {
        "form": form,
        "token": signing.dumps(record.pk, salt=REASON_LINK_SALT),
        "back": _page_link(record),
        "comment_limit": COMMENT_MAX_LENGTH,
    }
    return render(request, "feedback/reason_form.html", context, status=status)


@feedback_view
def reason(request):
    """What was wrong, added to the No just recorded."""
    try:
        record_id = signing.loads(request.POST.get("token", ""), salt=REASON_LINK_SALT, max_age=TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        return render(request, "feedback/form_used.html", status=410)
    except signing.BadSignature:
        return _not_found(request)
    record = PageFeedback.objects.filter(pk=record_id, useful=False).select_related("page").first()
    if record is None or record.language != get_language():
        return _not_found(request)
    if record.details_added_at is not None:
        return render(request, "feedback/form_used.html", {"back": _page_link(record)}, status=410)
    if RATE_LIMIT.hit_client(request):
        return _too_many(request)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        # Shown again with what was typed: nothing is lost; the same signed id still works.
        response = _reason_form(request, record, form, status=400)
        return response
    updated = PageFeedback.objects.filter(pk=record.pk, details_added_at__isnull=True).update(
        reason=form.cleaned_data["reason"],
        comment=clean_patient_text(form.cleaned_data["comment"], COMMENT_MAX_LENGTH),
        details_added_at=timezone.now(),
    )
    if not updated:  # sent twice at the same moment
        return render(request, "feedback/form_used.html", {"back": _page_link(record)}, status=410)
    return render(request, "feedback/thanks.html", {"back": _page_link(record), "details": True})
