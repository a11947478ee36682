"""Staff pages: issue a pack (code, link, QR code, printable slip) and read a code's reading record.

Issuing is post/redirect/get: the POST keeps the new code in the staff member's session and
redirects to a slip address without it; the slip takes the code out of the session as it shows it.
A reload therefore never issues a second code, and shows only the code's last 4 characters.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from clinic.details import clinic_details
from toolkit.qr_codes import qr_svg

from . import codes, records
from .models import IssuedPack, ReadingPack
from .reading_record import reading_record

ISSUE_PERMISSION = "reading_packs.issue_pack"
RECORD_PERMISSION = "reading_packs.view_reading_record"
# Codes issued but not shown yet, by issued pack id; each leaves the session when its slip is shown.
SLIPS_KEY = "reading_pack_slips"


def staff_view(permission):
    def decorate(view):
        # Anonymous visitors go to the login page; staff without the permission get a 403.
        return never_cache(login_required(permission_required(permission, raise_exception=True)(view)))

    return decorate


def _context(request, title: str, **values) -> dict:
    return {**admin.site.each_context(request), "title": title, "is_nav_sidebar_enabled": False, **values}


def _notice(request, title: str, status: int = 200, **values):
    """A short staff page: what this address is for, and where to go instead."""
    context = _context(request, title, **values)
    response = render(request, "reading_packs/staff/notice.html", context, status=status)
    if status == 405:
        response["Allow"] = "POST"
    return response


@staff_view(ISSUE_PERMISSION)
@require_GET
def pack_list(request):
    packs = ReadingPack.objects.prefetch_related("pack_pages")
    context = _context(
        request,
        "Reading packs",
        packs=packs,
        languages=settings.LANGUAGES,
        may_read_records=request.user.has_perm(RECORD_PERMISSION),
    )
    return render(request, "reading_packs/staff/pack_list.html", context)


def _keep_for_slip(request, issued: IssuedPack, code: str):
    slips = request.session.get(SLIPS_KEY, {})
    slips[str(issued.pk)] = code
    request.session[SLIPS_KEY] = slips
    return redirect(reverse("reading_packs_staff:slip-for", args=[issued.pk]), permanent=False)


@staff_view(ISSUE_PERMISSION)
@require_http_methods(["GET", "HEAD", "POST"])
def issue(request, slug):
    pack = get_object_or_404(ReadingPack, slug=slug)
    if request.method != "POST":
        return _notice(request, "Issue a code", status=405, kind="issue-get", pack=pack)
    language = request.POST.get("language", settings.LANGUAGE_CODE)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    issued, code = records.issue(pack, language=language, user=request.user)
    response = _keep_for_slip(request, issued, code)
    response.status_code = 303
    return response


@staff_view(ISSUE_PERMISSION)
@require_GET
def slip(request, pk):
    issued = get_object_or_404(IssuedPack, pk=pk)
    slips = request.session.get(SLIPS_KEY, {})
    code = slips.pop(str(pk), None)
    if code is None:
        return _notice(request, "This slip was already shown", kind="already-shown", issued=issued)
    request.session[SLIPS_KEY] = slips
    link = records.full_link(code, issued.language)
    with translation.override(issued.language):
        clinic = clinic_details(language=issued.language)
    context = {
        "issued": issued,
        "code": codes.display(code),
        "link": link,
        "enter_code_link": records.full_link_to_enter_code(issued.language),
        "qr_svg": qr_svg(link, box_size=6),
        "clinic": clinic,
        "title": f"Reading pack slip: {issued.pack_name}",
    }
    return render(request, "reading_packs/staff/slip.html", context)


@staff_view(RECORD_PERMISSION)
@require_http_methods(["GET", "POST"])
def record(request):
    """Staff type a code from their own records; it is posted, so it stays out of addresses and logs."""
    typed = request.POST.get("code", "") if request.method == "POST" else ""
    issued = records.find(typed) if typed else None
    context = _context(request, "Reading record", typed=typed[: codes.MAX_TYPED_LENGTH], issued=issued)
    if issued is not None:
        context["record"] = reading_record(issued)
        context["code"] = codes.display(codes.normalise(typed))
        context["may_issue"] = request.user.has_perm(ISSUE_PERMISSION)
        context["keep_days"] = settings.PORTAL_READING_RECORD_DAYS
        context["max_days"] = issued.pack.days_valid
    status = 404 if typed and issued is None else 200
    return render(request, "reading_packs/staff/record.html", context, status=status)


@staff_view(ISSUE_PERMISSION)
@require_http_methods(["GET", "HEAD", "POST"])
def slip_again(request):
    """The slip of a code typed from the clinic's records, shown through the same slip address."""
    if request.method != "POST":
        return _notice(request, "Print a slip again", status=405, kind="slip-get")
    typed = request.POST.get("code", "")
    issued = records.find(typed)
    if issued is None:
        context = _context(request, "Reading record", typed=typed[: codes.MAX_TYPED_LENGTH], issued=None)
        return render(request, "reading_packs/staff/record.html", context, status=404)
    if not issued.still_works():
        return _notice(request, "This code no longer works", status=400, kind="closed", issued=issued)
    return _keep_for_slip(request, issued, codes.normalise(typed))
