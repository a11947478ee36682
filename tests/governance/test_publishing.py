"""The publishing rules, through the CMS's own publish endpoint (the toolbar's Publish button) as
the real roles: only reviewers publish, never their own changes, and never without a current review.
"""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.exceptions import ConditionFailed
from djangocms_versioning.models import Version

from governance.models import ClinicalReview, DraftEdit
from governance.publishing import publish_as
from tests.support.factories import (
    edit_draft,
    make_draft_edit,
    make_review,
    make_reviewed_page,
    make_user,
    page_content,
    record_review,
    staff_client,
)

pytestmark = pytest.mark.django_db

OLD = "<p>The infusion takes about 40 minutes.</p>"
NEW = "<p>The infusion takes about 45 minutes.</p>"


def publish_url(version) -> str:
    return reverse("admin:djangocms_versioning_pagecontentversion_publish", args=[version.pk])


def click_publish(user, version):
    """What the toolbar's Publish button does: POST to versioning's publish view, as `user`."""
    client = staff_client(user)
    response = client.post(publish_url(version))
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


def text_for_patients(page) -> str:
    return Client().get(page.get_absolute_url()).content.decode()


def page_path(page) -> str:
    return page.get_absolute_url()


def draft_text(version) -> str:
    plugin = version.content.get_placeholders().get(slot="content").get_plugins().get()
    return plugin.get_bound_plugin().body


@pytest.fixture
def editor():
    return make_user("Editor", first_name="Eddie", last_name="Editor")


@pytest.fixture
def reviewer():
    return make_user("Clinical reviewer", first_name="Rhea", last_name="Reviewer")


@pytest.fixture
def page_with_draft(editor):
    """A reviewed, published page, and an editor's draft change (its review copied along)."""
    page = make_reviewed_page(body=OLD)
    return page, make_draft_edit(page, NEW, editor)


def assert_nothing_changed(page, draft, edits_before):
    draft = Version.objects.get(pk=draft.pk)
    assert draft.state == DRAFT
    assert draft_text(draft) == NEW
    assert list(DraftEdit.objects.values_list("content_id", "user_id", "edit_count")) == edits_before
    html = text_for_patients(page)
    assert "about 40 minutes" in html
    assert "about 45 minutes" not in html


def test_an_editor_cannot_publish_and_is_told_why(editor, page_with_draft):
    page, draft = page_with_draft
    edits_before = list(DraftEdit.objects.values_list("content_id", "user_id", "edit_count"))

    messages = click_publish(editor, draft)

    assert any("Only a clinical reviewer can publish pages" in m for m in messages), messages
    assert_nothing_changed(page, draft, edits_before)


def test_a_reviewer_publishes_someone_elses_draft(reviewer, page_with_draft):
    page, draft = page_with_draft
    record_review(draft, reviewer)

    messages = click_publish(reviewer, draft)

    assert messages == ["Version published"]
    draft = Version.objects.get(pk=draft.pk)
    assert draft.state == PUBLISHED
    assert draft.statetracking_set.get(new_state=PUBLISHED).user == reviewer
    assert "about 45 minutes" in text_for_patients(page)


def test_a_reviewer_cannot_publish_their_own_edit(reviewer, page_with_draft):
    page, draft = page_with_draft
    edit_draft(draft, "<p>The infusion takes about 50 minutes.</p>", reviewer)

    messages = click_publish(reviewer, draft)

    assert any("You changed this draft yourself" in m and "four-eyes" in m for m in messages), messages
    assert Version.objects.get(pk=draft.pk).state == DRAFT
    assert "about 40 minutes" in text_for_patients(page)


def test_anyone_who_changed_the_draft_is_barred_not_only_the_last_editor(reviewer, editor, page_with_draft):
    _page, draft = page_with_draft
    edit_draft(draft, "<p>Reviewer's own wording.</p>", reviewer)
    edit_draft(draft, "<p>Reviewer's own wording, with a comma fixed.</p>", editor)  # editor edits last

    messages = click_publish(reviewer, draft)

    assert any("You changed this draft yourself" in m for m in messages), messages
    assert Version.objects.get(pk=draft.pk).state == DRAFT


def test_the_reviewer_who_created_a_new_page_is_its_author(reviewer, editor):
    from cms.api import create_page

    page = create_page("A new page", "education/pages/guide.html", "en", created_by=reviewer)
    content = page_content(page)
    make_review(content)
    version = Version.objects.get_for_content(content)

    assert any("You changed this draft yourself" in m for m in click_publish(reviewer, version))
    assert click_publish(make_user("Clinical reviewer"), version) == ["Version published"]


def test_self_review_is_allowed_when_the_clinic_switches_it_on(settings, reviewer, page_with_draft):
    settings.PORTAL_ALLOW_SELF_REVIEW = True
    page, draft = page_with_draft
    edit_draft(draft, "<p>The infusion takes about 50 minutes.</p>", reviewer)
    record_review(draft, reviewer)

    assert click_publish(reviewer, draft) == ["Version published"]
    assert "about 50 minutes" in text_for_patients(page)


def test_self_review_setting_does_not_let_an_editor_publish(settings, editor, page_with_draft):
    settings.PORTAL_ALLOW_SELF_REVIEW = True
    _page, draft = page_with_draft
    assert any("Only a clinical reviewer" in m for m in click_publish(editor, draft))
    assert Version.objects.get(pk=draft.pk).state == DRAFT


def test_publishing_without_a_review_record_is_refused(reviewer, page_with_draft):
    page, draft = page_with_draft
    ClinicalReview.objects.filter(extended_object=draft.content).delete()

    messages = click_publish(reviewer, draft)

    assert any("This page has no clinical review record" in m for m in messages), messages
    assert Version.objects.get(pk=draft.pk).state == DRAFT
    assert "about 40 minutes" in text_for_patients(page)


@pytest.mark.parametrize("days_left", [0, -1])
def test_publishing_with_a_review_that_is_due_or_overdue_is_refused(reviewer, editor, days_left):
    today = timezone.localdate()
    page = make_reviewed_page(body=OLD, reviewed_on=today - datetime.timedelta(days=400))
    draft = make_draft_edit(page, NEW, editor)
    review = ClinicalReview.objects.get(extended_object=draft.content)
    review.next_review_due = today + datetime.timedelta(days=days_left)
    review.reviewed_on = today
    review.save()

    messages = click_publish(reviewer, draft)

    assert any("the next review was due on" in m for m in messages), messages
    assert Version.objects.get(pk=draft.pk).state == DRAFT


def test_a_review_older_than_the_drafts_last_change_is_refused(reviewer, editor):
    last_month = timezone.localdate() - datetime.timedelta(days=30)
    page = make_reviewed_page(body=OLD, reviewed_on=last_month)
    draft = make_draft_edit(page, NEW, editor)  # the review copied into the draft is last month's

    messages = click_publish(reviewer, draft)

    assert any("after its clinical review record was made" in m for m in messages), messages
    record_review(draft, reviewer, reviewed_on=timezone.localdate())
    assert click_publish(reviewer, draft) == ["Version published"]


def test_a_review_without_sources_is_refused(reviewer, page_with_draft):
    _page, draft = page_with_draft
    ClinicalReview.objects.get(extended_object=draft.content).sources.all().delete()

    assert any("lists no sources" in m for m in click_publish(reviewer, draft))
    assert Version.objects.get(pk=draft.pk).state == DRAFT


def test_an_editors_change_through_the_cms_editor_is_recorded_and_bars_nobody_else(editor, reviewer):
    page = make_reviewed_page(body=OLD)
    published = Version.objects.get_for_content(page_content(page))
    client = staff_client(editor)
    # "Edit" in the toolbar: versioning makes the draft, then the editor saves the text plugin.
    edit_url = reverse("admin:djangocms_versioning_pagecontentversion_edit_redirect", args=[published.pk])
    edit = client.post(edit_url)
    assert edit.status_code == 302
    draft = Version.objects.get(state=DRAFT)
    assert not DraftEdit.objects.exists()  # making the draft is not a change
    plugin = draft.content.get_placeholders().get(slot="content").get_plugins().get()
    saved = client.post(
        reverse("admin:cms_placeholder_edit_plugin", args=[plugin.pk]) + f"?cms_path={page_path(page)}",
        {"body": NEW, "_save": "Save"},
    )
    assert saved.status_code == 200, saved.content.decode()[:500]
    assert draft_text(draft) == NEW

    assert [(e.user, e.content_id) for e in DraftEdit.objects.all()] == [(editor, draft.object_id)]
    record_review(draft, reviewer)
    assert click_publish(reviewer, draft) == ["Version published"]
    assert "about 45 minutes" in text_for_patients(page)


def test_portal_code_publishing_for_a_user_applies_the_same_rules(editor, reviewer, page_with_draft):
    _page, draft = page_with_draft
    with pytest.raises(ConditionFailed, match="Only a clinical reviewer"):
        publish_as(draft, editor)
    assert Version.objects.get(pk=draft.pk).state == DRAFT

    record_review(draft, reviewer)
    publish_as(draft, reviewer)
    assert Version.objects.get(pk=draft.pk).state == PUBLISHED


def test_the_rules_are_read_by_versionings_state_machine(editor, reviewer, page_with_draft):
    # The same list drives the greyed-out actions in the version list.
    _page, draft = page_with_draft
    assert not Version.check_publish.as_bool(draft, editor)
    assert "Only a clinical reviewer" in str(Version.check_publish.as_bool(draft, editor))
    record_review(draft, reviewer)
    assert Version.check_publish.as_bool(draft, reviewer)


def test_deleting_text_in_the_cms_editor_counts_as_changing_the_draft(reviewer):
    page = make_reviewed_page(body=OLD)
    draft = Version.objects.get_for_content(page_content(page)).copy(reviewer)
    content = draft.content
    from cms.api import add_plugin

    extra = add_plugin(
        content.get_placeholders().get(slot="content"), "TextPlugin", "en", body="<p>Extra.</p>"
    )
    client = staff_client(reviewer)
    url = reverse("admin:cms_placeholder_delete_plugin", args=[extra.pk]) + f"?cms_path={page_path(page)}"
    assert client.post(url, {"post": "yes"}).status_code in (200, 302)
    assert not type(extra).objects.filter(pk=extra.pk).exists()

    assert [edit.user for edit in DraftEdit.objects.filter(content=content)] == [reviewer]
    assert any("You changed this draft yourself" in m for m in click_publish(reviewer, draft))
