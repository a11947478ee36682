"""The clinical review record: versioned with the page, recorded by reviewers on drafts only, and
shown to patients in the footer of the published version.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from djangocms_versioning.models import Version

from governance.models import ClinicalReview, ReviewSource, months_later
from tests.support.factories import (
    make_draft_edit,
    make_page,
    make_review,
    make_reviewed_page,
    make_user,
    page_content,
    staff_client,
)

pytestmark = pytest.mark.django_db


def add_url(content) -> str:
    return reverse("admin:governance_clinicalreview_add") + f"?extended_object={content.pk}"


def change_url(review) -> str:
    return reverse("admin:governance_clinicalreview_change", args=[review.pk])


def review_form(
    reviewer, *, sources=(("Royal College of Psychiatrists: Ketamine", "https://www.rcpsych.ac.uk/"),)
):
    data = {
        "reviewer_name": "Dr Ben Okafor",
        "reviewer_title": "Consultant anaesthetist",
        "reviewer_account": str(reviewer.pk),
        "reviewed_on": timezone.localdate().isoformat(),
        "next_review_due": "",
        "sources-TOTAL_FORMS": str(len(sources)),
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
    }
    for index, (title, url) in enumerate(sources):
        data.update(
            {f"sources-{index}-title": title, f"sources-{index}-url": url, f"sources-{index}-position": index}
        )
    return data


# --- versioned with the page --------------------------------------------------------------------
def test_a_new_draft_gets_its_own_copy_of_the_review_and_its_sources():
    page = make_reviewed_page()
    published = page_content(page)
    draft = make_draft_edit(page, "<p>New words.</p>", make_user("Editor")).content

    original, copy = (
        ClinicalReview.objects.get(extended_object=published),
        ClinicalReview.objects.get(extended_object=draft),
    )
    assert copy.pk != original.pk
    assert (copy.reviewer_name, copy.reviewed_on, copy.next_review_due) == (
        original.reviewer_name,
        original.reviewed_on,
        original.next_review_due,
    )
    assert [(s.title, s.url) for s in copy.sources.all()] == [
        (s.title, s.url) for s in original.sources.all()
    ]

    copy.sources.update(title="Changed on the draft only")
    assert not original.sources.filter(title="Changed on the draft only").exists()


def test_next_review_defaults_to_twelve_months_after_the_review():
    page = make_page(published=False)
    review = make_review(page_content(page), reviewed_on=datetime.date(2024, 2, 29))
    assert review.next_review_due == datetime.date(2025, 2, 28)
    assert months_later(datetime.date(2025, 3, 31), 11) == datetime.date(2026, 2, 28)
    assert months_later(datetime.date(2025, 6, 15)) == datetime.date(2026, 6, 15)


# --- the footer patients see --------------------------------------------------------------------
def test_a_published_page_shows_the_review_footer_with_reviewer_and_sources(client):
    page = make_reviewed_page(reviewed_on=datetime.date(2025, 3, 12))
    html = client.get(page.get_absolute_url()).content.decode()
    assert 'data-testid="review-footer"' in html
    assert 'Page last reviewed: <time datetime="2025-03-12">12 March 2025</time>' in html
    assert 'Next review due: <time datetime="2026-03-12">12 March 2026</time>' in html
    assert "Reviewed by Dr Asha Patel, Consultant psychiatrist." in html
    assert "<h2" in html and ">Sources</h2>" in html
    assert (
        '<a href="https://www.nice.org.uk/guidance/ng222">NICE guideline NG222: Depression in adults</a>'
        in html
    )


def test_the_footer_shows_the_published_versions_review_not_the_drafts(client):
    page = make_reviewed_page()
    draft = make_draft_edit(page, "<p>New words.</p>", make_user("Editor"))
    draft_review = ClinicalReview.objects.get(extended_object=draft.content)
    draft_review.reviewer_name = "Dr Draft Only"
    draft_review.save()

    html = client.get(page.get_absolute_url()).content.decode()
    assert "Reviewed by Dr Asha Patel" in html
    assert "Dr Draft Only" not in html

    draft.publish(make_user("Clinical reviewer"))
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Reviewed by Dr Draft Only" in html


def test_a_page_published_without_a_review_says_so(client):
    page = make_page("Example page")
    html = client.get(page.get_absolute_url()).content.decode()
    assert "This page has not had a clinical review yet." in html
    assert "Page last reviewed" not in html


def test_pages_that_are_not_cms_pages_have_no_review_footer(client):
    html = client.get("/no-such-page/").content.decode()
    assert 'data-testid="review-footer"' not in html


def test_a_source_link_is_only_ever_a_web_link():
    review = make_review(page_content(make_page(published=False)))
    source = ReviewSource(review=review, title="Bad", url="javascript:alert(1)")
    with pytest.raises(Exception, match="https://"):
        source.full_clean()


# --- the admin, opened from the toolbar -----------------------------------------------------------
def test_a_reviewer_records_a_review_on_a_draft():
    reviewer = make_user("Clinical reviewer")
    content = page_content(make_page(published=False))

    response = staff_client(reviewer).post(add_url(content), review_form(reviewer))

    assert response.status_code == 302, response.content.decode()[:2000]
    review = ClinicalReview.objects.get(extended_object=content)
    assert review.reviewer_name == "Dr Ben Okafor"
    assert review.next_review_due == months_later(timezone.localdate())
    assert list(review.sources.values_list("title", flat=True)) == [
        "Royal College of Psychiatrists: Ketamine"
    ]


def test_a_review_needs_at_least_one_source_and_a_safe_link():
    reviewer = make_user("Clinical reviewer")
    content = page_content(make_page(published=False))
    client = staff_client(reviewer)

    response = client.post(add_url(content), review_form(reviewer, sources=()))
    assert response.status_code == 200
    assert "List at least one source the page was checked against." in response.content.decode()

    response = client.post(add_url(content), review_form(reviewer, sources=(("Bad", "javascript:alert(1)"),)))
    assert response.status_code == 200
    assert "Enter a web address starting with https:// or http://." in response.content.decode()
    assert not ClinicalReview.objects.exists()


def test_a_review_cannot_be_dated_in_the_future_or_fall_due_before_it_was_done():
    reviewer = make_user("Clinical reviewer")
    content = page_content(make_page(published=False))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data = review_form(reviewer) | {"reviewed_on": tomorrow.isoformat()}
    response = staff_client(reviewer).post(add_url(content), data)
    assert "A review cannot be dated in the future." in response.content.decode()
    data = review_form(reviewer) | {"next_review_due": timezone.localdate().isoformat()}
    response = staff_client(reviewer).post(add_url(content), data)
    assert "The next review must come after the review date." in response.content.decode()


def test_the_review_of_a_published_version_cannot_be_changed_in_the_admin():
    reviewer = make_user("Clinical reviewer")
    page = make_reviewed_page()
    review = ClinicalReview.objects.get(extended_object=page_content(page))
    client = staff_client(reviewer)

    shown = client.get(change_url(review))
    assert shown.status_code == 200
    assert 'name="_save"' not in shown.content.decode()  # read-only view

    response = client.post(change_url(review), review_form(reviewer) | {"reviewer_name": "Dr Sneaky"})
    assert response.status_code == 403
    review.refresh_from_db()
    assert review.reviewer_name == "Dr Asha Patel"
    assert "Dr Sneaky" not in Client().get(page.get_absolute_url()).content.decode()


def test_adding_a_review_to_a_published_version_is_refused_with_a_reason():
    reviewer = make_user("Clinical reviewer")
    content = page_content(make_page())  # published, no review

    response = staff_client(reviewer).get(add_url(content), follow=True)
    assert "its clinical review record cannot change" in response.content.decode()
    response = staff_client(reviewer).post(add_url(content), review_form(reviewer))
    assert not ClinicalReview.objects.exists()


def test_editors_may_read_but_not_record_a_review():
    editor = make_user("Editor")
    page = make_reviewed_page()
    draft = make_draft_edit(page, "<p>New words.</p>", editor)
    review = ClinicalReview.objects.get(extended_object=draft.content)
    client = staff_client(editor)

    assert client.get(change_url(review)).status_code == 200
    assert client.post(change_url(review), review_form(editor)).status_code == 403
    other = page_content(make_page(published=False))
    assert client.post(add_url(other), review_form(editor)).status_code == 403
    assert Version.objects.get_for_content(draft.content).state == "draft"
