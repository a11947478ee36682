"""Staff pages for clinical governance: the review dashboard and each page's history."""

from cms.models import Page, PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.helpers import version_list_url
from djangocms_versioning.models import StateTracking, Version

from feedback.summary import page_summaries, version_summaries
from toolkit.page_versions import page_versions

from .models import MIN_WORDS_TO_GRADE, ClinicalReview, DraftEdit, ReviewRequest
from .readability import PLAIN_LANGUAGE_GRADE, SPANISH_EASY_SCORE, is_hard, measure_name, reading_grade
from .reminders import active_reviewers
from .review_requests import ask_for_review as send_review_request
from .review_requests import is_waiting, reachable_reviewers
from .review_status import DUE_SOON_DAYS, LANGUAGE, NEVER_REVIEWED, page_statuses
from .translations import out_of_date_translations

DASHBOARD_PERMISSION = "governance.view_review_dashboard"


def staff_view(view):
    # Anonymous visitors go to the login page; staff without the permission get a 403.
    return login_required(permission_required(DASHBOARD_PERMISSION, raise_exception=True)(view))


def _sorted_for_the_dashboard(rows):
    """Drafts someone asked to review first (longest waiting first), then other drafts, then the rest."""

    def key(row):
        if row.review_request is not None:
            return (0, row.review_request.requested_at.timestamp())
        return (1 if row.draft is not None else 2, row.urgency)

    return sorted(rows, key=key)


def _add_review_requests(rows) -> None:
    drafts = [row.draft for row in rows if row.draft is not None]
    requests = {
        request.content_id: request
        for request in ReviewRequest.objects.filter(content__in=drafts).select_related("requested_by")
    }
    versions = {version.object_id: version for version in page_versions_of(drafts)}
    reviewers = list(active_reviewers())
    for row in rows:
        row.review_request, row.nobody_to_reach = None, False
        if row.draft is None:
            continue
        request = requests.get(row.draft.pk)
        if request is not None and is_waiting(request):
            row.review_request = request
        version = versions.get(row.draft.pk)
        row.nobody_to_reach = version is not None and not reachable_reviewers(version, reviewers)


def page_versions_of(contents):
    content_type = ContentType.objects.get_for_model(PageContent)
    return Version.objects.filter(content_type=content_type, object_id__in=[c.pk for c in contents])


@staff_view
def review_dashboard(request):
    rows = page_statuses()
    feedback = page_summaries()
    for row in rows:
        row.feedback = feedback.get((row.page.pk, row.language))
        row.grade = reading_grade(row.latest)
        row.measure = measure_name(row.language)
        row.hard = not row.grade.too_short and is_hard(row.grade.grade, row.language)
        row.edit_url = get_object_edit_url(row.latest, language=row.language)
        row.preview_url = get_object_preview_url(row.latest, language=row.language)
    _add_review_requests(rows)
    # Pages published without any review and with no draft are the seed's examples (the portal's own
    # publishing always needs a review): one line, not a wall of identical red rows.
    first_reviews = [row for row in rows if NEVER_REVIEWED in row.statuses and row.draft is None]
    needing_review = sum(row.needs_review for row in rows)
    rows = _sorted_for_the_dashboard([row for row in rows if row not in first_reviews])
    context = {
        **admin.site.each_context(request),
        "is_nav_sidebar_enabled": False,  # the table needs the width
        "rows": rows,
        "first_reviews": first_reviews,
        "waiting": [row for row in rows if row.review_request is not None],
        "today": timezone.localdate(),
        "due_soon_days": DUE_SOON_DAYS,
        "plain_grade": PLAIN_LANGUAGE_GRADE,
        "spanish_easy_score": SPANISH_EASY_SCORE,
        "min_words_to_grade": MIN_WORDS_TO_GRADE,
        "needing_review": needing_review,
        "nobody_to_reach": NOBODY_TO_REACH,
        "translations_out_of_date": [
            {
                "item": item,
                "edit_url": get_object_edit_url(item.translation, language=item.translation.language),
                "page_url": item.translation.page.get_absolute_url(item.translation.language),
            }
            for item in out_of_date_translations()
        ],
        "title": "Clinical review dashboard",
    }
    return render(request, "governance/review_dashboard.html", context)


@staff_view
def page_history(request, page_id: int):
    """Every version of one page: who created, changed, reviewed and published it, and when."""
    page = get_object_or_404(Page, pk=page_id)
    contents = PageContent.admin_manager.filter(page=page, language=LANGUAGE)
    versions = list(page_versions(page, LANGUAGE).select_related("created_by").order_by("-number"))
    contents_by_pk = {content.pk: content for content in contents}
    reviews = {r.extended_object_id: r for r in ClinicalReview.objects.filter(extended_object__in=contents)}
    feedback = version_summaries(page, LANGUAGE)
    edits, changes = {}, {}
    for edit in DraftEdit.objects.filter(content__in=contents).select_related("user"):
        edits.setdefault(edit.content_id, []).append(edit)
    for change in StateTracking.objects.filter(version__in=versions).select_related("user").order_by("date"):
        changes.setdefault(change.version_id, []).append(change)
    entries = [
        {
            "version": version,
            "content": contents_by_pk.get(version.object_id),
            "review": reviews.get(version.object_id),
            "edits": edits.get(version.object_id, []),
            "changes": changes.get(version.pk, []),
            "feedback": feedback.get(int(version.number)),
        }
        for version in versions
    ]
    latest = contents_by_pk[versions[0].object_id] if versions else None
    context = {
        **admin.site.each_context(request),
        "page": page,
        "entries": entries,
        "versions_url": version_list_url(latest) if latest else None,
        "title": f"History of “{latest.title if latest else page}”",
    }
    return render(request, "governance/page_history.html", context)


class ReviewRequestForm(forms.Form):
    note = forms.CharField(
        label="Note for the reviewer (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text="What changed, or what to look at first. Do not write anything about a patient.",
    )


@staff_view
@require_http_methods(["GET", "POST"])
def ask_for_review(request, content_id: int):
    """Ask the clinical reviewers to check one draft: a form, then one email to each (once)."""
    content = PageContent.admin_manager.filter(pk=content_id).select_related("page").first()
    version = Version.objects.get_for_content(content) if content is not None else None
    if version is None or version.state != DRAFT:
        raise Http404("Only a draft can be sent for review.")
    existing = ReviewRequest.objects.filter(content=content).select_related("requested_by").first()
    form = ReviewRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if existing is None:
            _request, recipients = send_review_request(content, request.user, form.cleaned_data["note"])
            if recipients:
                names = ", ".join(r.get_full_name() or r.get_username() for r in recipients)
                messages.success(request, f"Asked for review: {names} got an email about this draft.")
            else:
                messages.warning(request, NOBODY_TO_REACH)
        else:
            messages.info(request, "Review was already asked for: nobody was emailed again.")
        return redirect("governance:ask-for-review", content_id=content.pk)
    context = {
        **admin.site.each_context(request),
        "title": f"Ask for review: “{content.title}”",
        "content": content,
        "form": form,
        "existing": existing,
        "reviewers": reachable_reviewers(version),
        "nobody_to_reach": NOBODY_TO_REACH,
        "edit_url": get_object_edit_url(content, language=content.language),
    }
    return render(request, "governance/ask_for_review.html", context, status=400 if form.errors else 200)


NOBODY_TO_REACH = (
    "No clinical reviewer can be emailed about this draft: every active reviewer with an email "
    "address changed it, or none has an address. Ask a reviewer another way, or an administrator "
    "to add a reviewer's email address."
)
