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

A review record covers the draft as it was at the moment it was recorded (`recorded_at`), not on
its day: a record carried into a new draft from the version before is older than any change made
to that draft, so a reviewer who publishes someone's same-day change without recording a review of
it is refused. The accountable reviewer named on the record may not be anyone who changed the draft.

Every refusal of a real publish (the CMS's publish view, `publish_as`) goes to the security log as
`publish_refused`; the CMS also asks the same rules, quietly, to grey out buttons and indicators.
"""

import contextvars

from cms.models import PageContent
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from djangocms_versioning.conditions import Conditions
from djangocms_versioning.exceptions import ConditionFailed
from djangocms_versioning.models import Version

from toolkit.security_log import log_event

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
    if last_edit and last_edit.last_edited_at > review.recorded_at:
        changed = timezone.localtime(last_edit.last_edited_at)
        raise ConditionFailed(
            f"This draft was changed by {display_name(last_edit.user)} on {_date(changed)} at "
            f"{changed:%H:%M}, after its clinical review record was made. Record a review of the new "
            "text (“Clinical review” in the toolbar), then publish."
        )


def reviewer_did_not_write_the_draft(version, user) -> None:
    if not _is_page_version(version) or settings.PORTAL_ALLOW_SELF_REVIEW:
        return
    review = ClinicalReview.objects.filter(extended_object_id=version.object_id).first()
    if review is not None and review.reviewer_account_id in draft_editors(version):
        raise ConditionFailed(
            f"The clinical review record names {display_name(review.reviewer_account)} as the reviewer, "
            "who changed this draft. A reviewer who did not change it must record their own review "
            "(“Clinical review” in the toolbar), then publish."
        )


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


# Set while the CMS only asks whether a publish would pass (to draw buttons), so that is not logged.
_only_asking = contextvars.ContextVar("only_asking_whether_publish_passes", default=False)


class LoggedConditions(Conditions):
    """Versioning's publish conditions, logging each refusal of a real publish."""

    def __call__(self, instance, user) -> None:
        for condition in self:
            try:
                condition(instance, user)
            except ConditionFailed:
                if not _only_asking.get() and _is_page_version(instance):
                    log_event(
                        "publish_refused",
                        user=user.get_username() if user else None,
                        page=getattr(instance.content, "page_id", None),
                        version=instance.pk,
                        rule=getattr(condition, "__name__", "versioning"),
                    )
                raise

    def as_bool(self, instance, user):
        token = _only_asking.set(True)
        try:
            return super().as_bool(instance, user)
        finally:
            _only_asking.reset(token)


def install_publish_rules() -> None:
    """Add the rules to versioning's conditions, in place (its state machine holds the same list)."""
    conditions = Version.check_publish
    # The same list object, so that every holder of it logs; only its class changes.
    conditions.__class__ = LoggedConditions
    if only_clinical_reviewers_publish in conditions:
        return
    # The role rule first, so an editor hears "ask a reviewer", not a generic permission error.
    conditions.insert(0, only_clinical_reviewers_publish)
    conditions.extend(
        [publisher_did_not_write_the_draft, page_has_a_current_review, reviewer_did_not_write_the_draft]
    )


def publish_as(version, user) -> None:
    """Publish `version` for `user`, under the same rules as the CMS. Raises ConditionFailed."""
    version.check_publish(user)
    version.publish(user)
