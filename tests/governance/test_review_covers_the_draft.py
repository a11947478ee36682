"""A review record covers the draft as it was when it was recorded, and names someone who did not
change it: the sequence that once got through (reviewer A edits, reviewer B publishes the same day
without recording a review) is refused, and the history names both people.
"""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.models import Version

from governance.models import ClinicalReview
from tests.support.factories import (
    edit_draft,
    make_draft_edit,
    make_reviewed_page,
    make_user,
    page_content,
    record_review,
    staff_client,
)

pytestmark = pytest.mark.django_db

OLD = "<p>The infusion takes about 40 minutes.</p>"
NEW = "<p>The infusion takes about 45 minutes.</p>"


@pytest.fixture
def rhea():
    return make_user("Clinical reviewer", username="rhea", first_name="Demo reviewer", last_name="Rhea")


@pytest.fixture
def sam():
    return make_user("Clinical reviewer", username="sam", first_name="Demo reviewer", last_name="Sam")


def click_publish(user, version):
    response = staff_client(user).post(
        reverse("admin:djangocms_versioning_pagecontentversion_publish", args=[version.pk])
    )
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


def review_change_url(version) -> str:
    review = ClinicalReview.objects.get(extended_object_id=version.object_id)
    return reverse("admin:governance_clinicalreview_change", args=[review.pk])


def review_form(reviewer, review, *, name="Dr Sam Ortiz"):
    sources = list(review.sources.all())
    data = {
        "reviewer_name": name,
        "reviewer_title": "Consultant psychiatrist",
        "reviewer_account": str(reviewer.pk),
        "reviewed_on": review.reviewed_on.isoformat(),
        "next_review_due": "",
        "sources-TOTAL_FORMS": str(len(sources)),
        "sources-INITIAL_FORMS": str(len(sources)),
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
    }
    for index, source in enumerate(sources):
        data |= {
            f"sources-{index}-id": str(source.pk),
            f"sources-{index}-review": str(review.pk),
            f"sources-{index}-title": source.title,
            f"sources-{index}-url": source.url,
            f"sources-{index}-position": str(source.position),
        }
    return data


def test_a_same_day_change_published_without_a_new_review_is_refused_and_history_names_both(rhea, sam):
    page = make_reviewed_page(body=OLD, reviewer=rhea)
    # Reviewer A (Rhea) edits the published page; the record copied into her draft is today's.
    draft = make_draft_edit(page, NEW, rhea)
    assert ClinicalReview.objects.get(extended_object_id=draft.object_id).reviewed_on == (
        ClinicalReview.objects.get(extended_object=page_content(page, PUBLISHED)).reviewed_on
    )

    # Reviewer B (Sam) publishes at once without recording a review: refused.
    messages = click_publish(sam, draft)
    assert any(
        "changed by Demo reviewer Rhea" in m and "after its clinical review record" in m for m in messages
    )
    assert Version.objects.get(pk=draft.pk).state == DRAFT
    assert "about 40 minutes" in Client().get(page.get_absolute_url()).content.decode()

    # Sam records his own review of the new text (the form starts in his name) and publishes.
    client = staff_client(sam)
    opened = client.get(review_change_url(draft))
    assert "This record was carried over from the version before" in opened.content.decode()
    assert "Demo reviewer Sam (sam)" in opened.content.decode()  # accounts by name in the list
    form = opened.context["adminform"].form
    assert form.initial["reviewer_account"] == sam.pk
    assert form.initial["reviewer_name"] == "Demo reviewer Sam"
    review = ClinicalReview.objects.get(extended_object_id=draft.object_id)
    saved = client.post(review_change_url(draft), review_form(sam, review))
    assert saved.status_code == 302, saved.content.decode()[:3000]
    assert ClinicalReview.objects.get(pk=review.pk).recorded_by == sam
    assert click_publish(sam, draft) == ["Version published"]

    patients_read = Client().get(page.get_absolute_url()).content.decode()
    assert "Dr Sam Ortiz" in patients_read and "Demo reviewer Rhea" not in patients_read
    history = staff_client(sam).get(f"/staff/reviews/pages/{page.pk}/history/").content.decode()
    assert "Changed by Demo reviewer Rhea" in history
    assert "Published by Demo reviewer Sam" in history


def test_any_change_after_the_review_was_recorded_needs_a_new_review(rhea, sam):
    editor = make_user("Editor")
    page = make_reviewed_page(body=OLD)
    draft = make_draft_edit(page, NEW, editor)
    record_review(draft, sam)
    edit_draft(draft, "<p>The infusion takes about 50 minutes.</p>", editor)  # same day, minutes later

    assert any("after its clinical review record was made" in m for m in click_publish(rhea, draft))
    record_review(draft, sam)
    assert click_publish(rhea, draft) == ["Version published"]


def test_the_accountable_reviewer_cannot_be_someone_who_changed_the_draft(rhea, sam):
    page = make_reviewed_page(body=OLD)
    draft = make_draft_edit(page, NEW, rhea)
    record_review(draft, rhea)  # Rhea names herself on a review of her own change

    messages = click_publish(sam, draft)
    assert any("names Demo reviewer Rhea as the reviewer, who changed this draft" in m for m in messages)
    assert Version.objects.get(pk=draft.pk).state == DRAFT


def test_the_review_form_refuses_to_name_someone_who_changed_the_draft(rhea, sam):
    page = make_reviewed_page(body=OLD)
    draft = make_draft_edit(page, NEW, rhea)
    review = ClinicalReview.objects.get(extended_object_id=draft.object_id)

    response = staff_client(sam).post(review_change_url(draft), review_form(rhea, review))

    assert response.status_code == 200
    assert "Demo reviewer Rhea changed this draft, so cannot be its accountable reviewer" in (
        response.content.decode()
    )
    assert ClinicalReview.objects.get(pk=review.pk).recorded_by is None


def test_a_refused_publish_is_in_the_security_log_but_drawing_the_buttons_is_not(rhea, sam, security_log):
    page = make_reviewed_page(body=OLD)
    draft = make_draft_edit(page, NEW, rhea)
    editor = make_user("Editor", username="eddie")

    assert not Version.check_publish.as_bool(draft, editor)  # what the CMS asks to grey out a button
    assert not [line for line in security_log() if "publish_refused" in line]

    click_publish(editor, draft)
    click_publish(sam, draft)
    refused = [line for line in security_log() if "publish_refused" in line]
    assert len(refused) == 2
    assert 'user="eddie"' in refused[0] and 'rule="only_clinical_reviewers_publish"' in refused[0]
    assert 'user="sam"' in refused[1] and 'rule="page_has_a_current_review"' in refused[1]
