"""“Packs issued”, and cancelling or extending a code from it (or from the reading record).

Both changes are POST forms and go to the security log with the issued pack's id, never its code.
"""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from toolkit.security_log import log_event

from . import records, worklist
from .models import IssuedPack
from .staff_views import ISSUE_PERMISSION, _context, staff_view

STATUS_CHOICES = [("", "Any status"), *((status, status.capitalize()) for status in IssuedPack.STATUSES)]
PERIOD_CHOICES = [(key, f"Last {days} days") for key, days in worklist.PERIODS.items()]


class FilterForm(forms.Form):
    period = forms.ChoiceField(label="Issued in the", choices=PERIOD_CHOICES, required=False)
    status = forms.ChoiceField(label="Status", choices=STATUS_CHOICES, required=False)
    mine = forms.BooleanField(label="Issued by me", required=False)


class ExtendForm(forms.Form):
    def __init__(self, *args, issued: IssuedPack, **kwargs):
        super().__init__(*args, **kwargs)
        limit = issued.pack.days_valid
        self.fields["days"] = forms.IntegerField(
            label="Days from today",
            min_value=1,
            max_value=limit,
            help_text=f"At most {limit}, the pack's days valid.",
        )


def _back(request) -> str:
    """Where to go after a change: the list as it was filtered, never another site."""
    target = request.POST.get("next", "") or request.GET.get("next", "")
    base = reverse("reading_packs_staff:issued")
    if target.startswith(base) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return target
    return base


@staff_view(ISSUE_PERMISSION)
@require_GET
def issued(request):
    data = request.GET.copy()
    data.setdefault("period", worklist.DEFAULT_PERIOD)  # so page 2 of the plain list shows 30 days too
    form = FilterForm(data)
    choices = form.cleaned_data if form.is_valid() else {}
    rows = worklist.issued_packs(
        period=choices.get("period") or worklist.DEFAULT_PERIOD,
        status=choices.get("status", ""),
        issued_by=request.user if choices.get("mine") else None,
    )
    page = Paginator(rows, worklist.PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = _context(
        request,
        "Packs issued",
        form=form,
        page=page,
        rows=worklist.rows_for(page),
        query=query.urlencode(),
        here=request.get_full_path(),
    )
    return render(request, "reading_packs/staff/issued.html", context)


@staff_view(ISSUE_PERMISSION)
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, pk):
    issued = get_object_or_404(IssuedPack.objects.select_related("pack"), pk=pk)
    if request.method == "POST":
        if records.cancel(issued):
            log_event(
                "pack_cancelled",
                user=request.user.get_username(),
                issued_pack=issued.pk,
                pack=issued.pack.slug,
            )
            messages.success(
                request,
                f"Cancelled the code {issued.shown_tail()} ({issued.pack_name}). Its link no longer works.",
            )
        return redirect(_back(request))
    context = _context(request, "Cancel a code", issued=issued, next=_back(request))
    return render(request, "reading_packs/staff/cancel.html", context)


@staff_view(ISSUE_PERMISSION)
@require_POST
def extend(request, pk):
    issued = get_object_or_404(IssuedPack.objects.select_related("pack"), pk=pk)
    form = ExtendForm(request.POST, issued=issued)
    if issued.cancelled_at is None and form.is_valid():
        expires_at = records.extend(issued, form.cleaned_data["days"])
        log_event(
            "pack_extended",
            user=request.user.get_username(),
            issued_pack=issued.pk,
            pack=issued.pack.slug,
            expires_at=expires_at.isoformat(timespec="minutes"),
        )
        until = dateformat.format(timezone.localtime(expires_at), "j F Y")
        messages.success(request, f"The code {issued.shown_tail()} now works until {until}.")
        return redirect(_back(request))
    context = _context(request, "Extend a code", issued=issued, form=form, next=_back(request))
    return render(request, "reading_packs/staff/extend.html", context, status=400)
