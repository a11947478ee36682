"""Staff pages for clinical governance: the review dashboard and each page's history."""

from cms.models import Page, PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url
from django.contrib import admin
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from djangocms_versioning.helpers import version_list_url
from djangocms_versioning.models import StateTracking

from feedback.summary import page_summaries, version_summaries
from toolkit.page_versions import page_versions

from .models import MIN_WORDS_TO_GRADE, ClinicalReview, DraftEdit
from .readability import PLAIN_LANGUAGE_GRADE, SPANISH_EASY_SCORE, is_hard, measure_name, reading_grade
from .review_status import DUE_SOON_DAYS, LANGUAGE, page_statuses
from .translations import out_of_date_translations

DASHBOARD_PERMISSION = "governance.view_review_dashboard"


def staff_view(view):
    # Anonymous visitors go to the login page; staff without the permission get a 403.
    return login_required(permission_required(DASHBOARD_PERMISSION, raise_exception=True)(view))


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
    context = {
        **admin.site.each_context(request),
        "is_nav_sidebar_enabled": False,  # the table needs the width
        "rows": rows,
        "today": timezone.localdate(),
        "due_soon_days": DUE_SOON_DAYS,
        "plain_grade": PLAIN_LANGUAGE_GRADE,
        "spanish_easy_score": SPANISH_EASY_SCORE,
        "min_words_to_grade": MIN_WORDS_TO_GRADE,
        "needing_review": sum(row.needs_review for row in rows),
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
