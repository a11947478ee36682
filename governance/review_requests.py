"""“Ask for review”: an editor's draft reaches the clinical reviewers who may check it.

Each active clinical reviewer with an email address who did not change the draft is emailed once
(through the task queue, like every email), naming the page and linking to the draft. The request
is stored on the draft, so asking again sends nothing more, and the dashboard lists the draft first
as "waiting for review since …". A draft whose every reviewer changed it (or has no address) reaches
nobody: the page and the dashboard say so, so the editor knows to ask by another way.
"""

from cms.toolbar.utils import get_object_edit_url
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from djangocms_versioning.models import Version

from .edit_tracking import draft_editors
from .models import ClinicalReview, ReviewRequest
from .reminders import active_reviewers


def reachable_reviewers(version, reviewers=None) -> list:
    """The reviewers an email about this draft would reach: not anyone who changed it."""
    editors = draft_editors(version)
    reviewers = active_reviewers() if reviewers is None else reviewers
    return [reviewer for reviewer in reviewers if reviewer.pk not in editors]


def is_waiting(request: ReviewRequest) -> bool:
    """Asked for, and no review recorded on the draft since."""
    review = ClinicalReview.objects.filter(extended_object_id=request.content_id).first()
    return not (review and review.recorded_by_id and review.recorded_at > request.requested_at)


def ask_for_review(content, user, note: str = "") -> tuple[ReviewRequest, list]:
    """Record the request and email the reachable reviewers; a second request sends nothing."""
    existing = ReviewRequest.objects.filter(content=content).first()
    if existing is not None:
        return existing, []
    version = Version.objects.get_for_content(content)
    recipients = reachable_reviewers(version)
    try:
        with transaction.atomic():
            request = ReviewRequest.objects.create(
                content=content, requested_by=user, note=note.strip(), reviewers_emailed=len(recipients)
            )
    except IntegrityError:  # the same click twice at once: the first one sends
        return ReviewRequest.objects.get(content=content), []
    base = settings.PORTAL_BASE_URL
    context = {
        "title": content.title,
        "language": content.language,
        "asked_by": user.get_full_name() or user.get_username(),
        "note": request.note,
        "draft_url": base + get_object_edit_url(content, language=content.language),
        "dashboard_url": base + reverse("governance:review-dashboard"),
    }
    subject = " ".join(render_to_string("governance/email/review_request_subject.txt", context).split())
    for reviewer in recipients:
        send_mail(
            subject=subject,
            message=render_to_string(
                "governance/email/review_request_body.txt",
                {**context, "name": reviewer.get_full_name() or reviewer.get_username()},
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[reviewer.email],
        )
    return request, recipients
