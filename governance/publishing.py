"""The clinic's publishing rules, enforced on every path that publishes a page.

djangocms-versioning asks `Version.check_publish` (a list of conditions) before its admin publish
view, the toolbar's Publish button (which posts to that view) and its state machine publish. The
portal adds its rules to that list once, at start-up; a failed rule raises `ConditionFailed`, whose
message the CMS shows to the user, and the draft stays exactly as it was.

`Version.publish()` itself checks nothing: portal code that publishes on behalf of a user must call
`publish_as()`, never `publish()`. (The demo seed publishes directly: it is an administrative
bootstrap of example content, not anyone's clinical sign-off, and pages say so in their footer.)

The four-eyes rule bars *everyone who changed the draft*, not only the last editor: otherwise a
reviewer could write a page, let someone else fix a comma, and publish their own unchecked text.
"""

from cms.models import PageContent
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from djangocms_versioning.exceptions import ConditionFailed
from djangocms_versioning.models import Version

from .edit_tracking import draft_editors
from .models import ClinicalReview, DraftEdit

PUBLISH_PERMISSION = "cms.publish_page"


def _is_page_version(version) -> bool:
    return version.content_type_id == ContentType.objects.get_for_model(PageContent).pk


def _date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def only_clinical_reviewers_publish(version, user) -> None:
    if _is_page_version(version) and not user.has_perm(PUBLISH_PERMISSION):
        raise ConditionFailed(
            "Only a clinical reviewer can publish pages. Your draft is saved as it is: ask a "
            "clinical reviewer to check it and publish it."
        )


def publisher_did_not_write_the_draft(version, user) -> None:
    if not _is_page_version(version) or settings.PORTAL_ALLOW_SELF_REVIEW:
        return
    if user.pk in draft_editors(version):
        raise ConditionFailed(
            "You changed this draft yourself, so another clinical reviewer must check and publish it "
            "(four-eyes rule). The draft is unchanged."
        )


def page_has_a_current_review(version, user) -> None:
    if not _is_page_version(version):
        return
    review = ClinicalReview.objects.filter(extended_object_id=version.object_id).first()
    if review is None:
        raise ConditionFailed(
            "This page has no clinical review record. Open “Clinical review” in the toolbar, record "
            "who reviewed it, when and against which sources, then publish."
        )
    today = timezone.localdate()
    if not review.is_current(today):
        raise ConditionFailed(
            f"The clinical review record says the next review was due on {_date(review.next_review_due)}. "
            "Record a new review of this draft (“Clinical review” in the toolbar), then publish."
        )
    if not review.sources.exists():
        raise ConditionFailed(
            "The clinical review record lists no sources. Add at least one reference the page was "
            "checked against (“Clinical review” in the toolbar), then publish."
        )
    last_edit = DraftEdit.objects.filter(content_id=version.object_id).order_by("-last_edited_at").first()
    if last_edit and timezone.localdate(last_edit.last_edited_at) > review.reviewed_on:
        raise ConditionFailed(
            f"This draft was changed on {_date(timezone.localdate(last_edit.last_edited_at))}, after its "
            f"clinical review of {_date(review.reviewed_on)}. Record a review of the new text "
            "(“Clinical review” in the toolbar), then publish."
        )


def install_publish_rules() -> None:
    """Add the rules to versioning's conditions, in place (its state machine holds the same list)."""
    conditions = Version.check_publish
    if only_clinical_reviewers_publish in conditions:
        return
    # The role rule first, so an editor hears "ask a reviewer", not a generic permission error.
    conditions.insert(0, only_clinical_reviewers_publish)
    conditions.extend([publisher_did_not_write_the_draft, page_has_a_current_review])


def publish_as(version, user) -> None:
    """Publish `version` for `user`, under the same rules as the CMS. Raises ConditionFailed."""
    version.check_publish(user)
    version.publish(user)
