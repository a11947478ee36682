"""What the admin index shows reviewers and editors first: the drafts waiting for a review."""

from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url
from django import template
from django.contrib.contenttypes.models import ContentType
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from governance.models import ReviewRequest
from governance.review_requests import is_waiting

register = template.Library()


@register.simple_tag
def drafts_waiting_for_review() -> list[dict]:
    """Drafts someone asked to review and nobody has reviewed since, longest waiting first."""
    drafts = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(PageContent), state=DRAFT
    ).values_list("object_id", flat=True)
    requests = (
        ReviewRequest.objects.filter(content_id__in=list(drafts))
        .select_related("content", "requested_by")
        .order_by("requested_at")
    )
    return [
        {
            "title": request.content.title,
            "language": request.content.language,
            "since": request.requested_at,
            "asked_by": request.requested_by.get_full_name() or request.requested_by.get_username(),
            "url": get_object_edit_url(request.content, language=request.content.language),
        }
        for request in requests
        if is_waiting(request)
    ]
