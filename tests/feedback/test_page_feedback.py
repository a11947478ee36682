"""A patient answers "Was this page useful?" under a guide page, without a cookie or JavaScript."""

import re
import time

import pytest
from django.core import signing

from feedback.models import PageFeedback
from tests.support.factories import (
    PatientClient,
    add_spanish_version,
    make_draft_edit,
    make_page,
    make_superuser,
    make_user,
    staff_client,
)

pytestmark = pytest.mark.django_db

SAME_SITE = {"headers": {"Origin": "http://testserver"}}
FEEDBACK = "/feedback/"
WHAT_WAS_WRONG = "/feedback/what-was-wrong/"


@pytest.fixture
def page():
    return make_page("Your infusion day", body="<p>The infusion takes about 40 minutes.</p>")


def answer(page, useful, client=None, language="en", url=FEEDBACK, **kwargs):
    data = {"page": page.pk if hasattr(page, "pk") else page, "language": language, "useful": useful}
    return (client or PatientClient()).post(url, data, **(kwargs or SAME_SITE))


def token_of(html: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def say_what_was_wrong(html, reason, comment="", url=WHAT_WAS_WRONG, **kwargs):
    data = {"token": token_of(html), "reason": reason, "comment": comment}
    return PatientClient().post(url, data, **(kwargs or SAME_SITE))


def assert_private(response):
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_every_guide_page_asks_with_a_plain_form_that_is_the_same_for_everyone(page):
    response = PatientClient().get(page.get_absolute_url())
    html = response.content.decode()
    form = re.search(r'<form class="page-feedback".*?</form>', html, re.S).group(0)
    assert 'method="post" action="/feedback/"' in form
    assert "Was this page useful?" in form
    assert 'name="useful" value="yes"' in form and 'name="useful" value="no"' in form
    assert f'name="page" value="{page.pk}"' in form and 'name="language" value="en"' in form
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies


def test_the_home_page_asks_too_but_not_found_pages_do_not():
    home = make_page("Welcome", template="education/pages/home.html")
    home.set_as_homepage()
    assert "Was this page useful?" in PatientClient().get("/").content.decode()
    missing = PatientClient().get("/no-such-page/")
    assert missing.status_code == 404
    assert "Was this page useful?" not in missing.content.decode()


def test_staff_editing_or_previewing_a_page_are_not_asked(page):
    from cms.toolbar.utils import get_object_edit_url, get_object_preview_url

    user = make_user("Editor")
    draft = make_draft_edit(page, "<p>A draft change.</p>", user)
    editor = staff_client(user)
    for url, text in (
        (get_object_edit_url(draft.content), "A draft change."),
        (get_object_preview_url(draft.content), "A draft change."),
    ):
        response = editor.get(url)
        assert response.status_code == 200
        assert text in response.content.decode()
        assert "Was this page useful?" not in response.content.decode()
    assert "Was this page useful?" in PatientClient().get(page.get_absolute_url()).content.decode()


def test_yes_says_thank_you_and_records_the_published_version(page):
    make_draft_edit(page, "<p>A draft nobody reads yet.</p>", make_superuser("drafter")).publish(
        make_superuser("publisher")
    )
    response = answer(page, "yes")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thank you for your feedback" in html
    assert f'href="{page.get_absolute_url()}"' in html
    assert_private(response)
    (record,) = PageFeedback.objects.all()
    assert (record.page, record.language, record.useful, record.version_number) == (page, "en", True, 2)


def test_no_is_recorded_at_once_then_the_reason_and_comment_are_added_to_it(page):
    response = answer(page, "no")
    assert response.status_code == 200
    html = response.content.decode()
    assert "What was wrong with the page?" in html
    assert "<fieldset" in html and "<legend>What was wrong?</legend>" in html
    assert "Do not write your name, phone number, email address" in html
    assert_private(response)
    (record,) = PageFeedback.objects.all()
    assert record.useful is False and record.reason == "" and record.version_number == 1

    sent = say_what_was_wrong(html, "seems-wrong", "The time on this page is different from my letter.")
    assert sent.status_code == 200
    assert "Thank you for your feedback" in sent.content.decode()
    assert f'href="{page.get_absolute_url()}"' in sent.content.decode()
    assert_private(sent)
    record.refresh_from_db()
    assert record.reason == "seems-wrong"
    assert record.comment == "The time on this page is different from my letter."
    assert PageFeedback.objects.count() == 1


class SignerOfYesterday(signing.TimestampSigner):
    """Signs as the view does, but dated a day ago: a link from a page left open overnight."""

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 24 * 60 * 60)


def test_the_reason_form_can_be_sent_only_once_and_only_within_an_hour(page):
    html = answer(page, "no").content.decode()
    assert say_what_was_wrong(html, "other", "First").status_code == 200
    again = say_what_was_wrong(html, "other", "Second")
    assert again.status_code == 410
    assert "already been sent" in again.content.decode()
    assert PageFeedback.objects.get().comment == "First"

    record = PageFeedback.objects.create(page=page, language="en", version_number=1, useful=False)
    old = SignerOfYesterday(salt="feedback.reason").sign_object(record.pk)
    expired = PatientClient().post(WHAT_WAS_WRONG, {"token": old, "reason": "other"}, **SAME_SITE)
    assert expired.status_code == 410
    assert "has expired" in expired.content.decode()
    record.refresh_from_db()
    assert record.reason == ""


def test_a_yes_cannot_be_given_a_comment_and_a_forged_link_is_not_found(page):
    answer(page, "yes")
    yes = PageFeedback.objects.get()
    forged = signing.dumps(yes.pk, salt="feedback.reason")
    response = PatientClient().post(WHAT_WAS_WRONG, {"token": forged, "reason": "other"}, **SAME_SITE)
    assert response.status_code == 404
    garbage = PatientClient().post(WHAT_WAS_WRONG, {"token": "1:abc:def", "reason": "other"}, **SAME_SITE)
    assert garbage.status_code == 404
    assert "Page not found" in garbage.content.decode()
    yes.refresh_from_db()
    assert yes.reason == "" and yes.comment == ""


def test_contact_details_are_removed_from_comments_before_they_are_stored(page):
    html = answer(page, "no").content.decode()
    comment = "Call me on 07700 900123 or write to sam.jones@example.com about the fasting times."
    assert say_what_was_wrong(html, "something-missing", comment).status_code == 200
    stored = PageFeedback.objects.get().comment
    assert "07700" not in stored and "sam.jones" not in stored
    assert stored == "Call me on [removed] or write to [removed] about the fasting times."


def test_a_comment_over_500_characters_is_refused_and_kept_for_the_patient_to_shorten(page):
    html = answer(page, "no").content.decode()
    long_comment = "The page says to fast but not for how long. " * 12  # 528 characters
    response = say_what_was_wrong(html, "something-missing", long_comment)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Shorten it to 500 characters or fewer" in body
    assert long_comment.strip() in body  # nothing typed is lost
    assert 'value="something-missing" checked' in body
    assert_private(response)
    assert PageFeedback.objects.get().comment == ""

    shorter = say_what_was_wrong(body, "something-missing", long_comment[:480])
    assert shorter.status_code == 200
    assert PageFeedback.objects.get().comment == long_comment[:480].strip()


def test_the_reason_form_without_a_reason_says_what_to_do(page):
    html = answer(page, "no").content.decode()
    response = say_what_was_wrong(html, "", "Too long")
    assert response.status_code == 400
    assert "Choose what was wrong with the page." in response.content.decode()
    assert "Too long" in response.content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null", "Sec-Fetch-Site": "cross-site"},
        {},
    ],
    ids=["other-site", "null-origin-cross-site", "no-headers"],
)
def test_answers_sent_from_other_sites_or_saying_nothing_are_refused_and_not_stored(page, headers):
    response = answer(page, "no", headers=headers)
    assert response.status_code == 403
    assert "This form could not be sent" in response.content.decode()
    assert_private(response)
    assert PageFeedback.objects.count() == 0

    record = PageFeedback.objects.create(page=page, language="en", version_number=1, useful=False)
    token = signing.dumps(record.pk, salt="feedback.reason")
    refused = PatientClient().post(WHAT_WAS_WRONG, {"token": token, "reason": "other"}, headers=headers)
    assert refused.status_code == 403
    record.refresh_from_db()
    assert record.reason == ""


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "http://testserver"}, {"Origin": "null", "Sec-Fetch-Site": "same-origin"}],
    ids=["matching-origin", "null-origin-same-origin"],
)
def test_answers_from_this_sites_pages_are_accepted(page, headers):
    response = answer(page, "yes", headers=headers)
    assert response.status_code == 200
    assert PageFeedback.objects.filter(useful=True).count() == 1


def test_after_20_answers_in_ten_minutes_a_client_is_told_to_wait_and_nothing_is_stored(page):
    client = PatientClient()
    for _ in range(20):
        assert answer(page, "yes", client).status_code == 200
    response = answer(page, "yes", client)
    assert response.status_code == 429
    assert "Please try again in 10 minutes" in response.content.decode()
    assert_private(response)
    assert PageFeedback.objects.count() == 20


@pytest.mark.parametrize("page_id", ["999999", "abc", "", "1e9", "-1", "0", "2147483648", "9" * 30])
def test_an_unknown_page_is_a_friendly_not_found(page, page_id):
    response = answer(page_id, "yes")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert_private(response)
    assert PageFeedback.objects.count() == 0


def test_an_unpublished_page_a_wrong_language_or_answer_is_not_found(page):
    draft_only = make_page("Not yet", published=False)
    assert answer(draft_only, "yes").status_code == 404
    assert answer(page, "yes", language="es").status_code == 404  # no Spanish version
    assert answer(page, "yes", language="xx").status_code == 404
    assert answer(page, "maybe").status_code == 404
    assert PageFeedback.objects.count() == 0


def test_opening_the_feedback_addresses_in_a_browser_is_not_an_error(page):
    for url in (FEEDBACK, WHAT_WAS_WRONG):
        response = PatientClient().get(url)
        assert response.status_code == 405
        assert_private(response)


@pytest.fixture
def spanish_page(page):
    add_spanish_version(page, "El día de su infusión", "el-dia-de-su-infusion", "<p>Dura 40 minutos.</p>")
    return page


def test_a_spanish_page_posts_to_the_spanish_address_and_is_answered_in_spanish(spanish_page):
    html = PatientClient().get("/es/el-dia-de-su-infusion/").content.decode()
    form = re.search(r'<form class="page-feedback".*?</form>', html, re.S).group(0)
    assert 'action="/es/feedback/"' in form and 'name="language" value="es"' in form

    response = answer(spanish_page, "no", language="es", url="/es/feedback/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="es">' in body and ">Pida ayuda ahora</a>" in body
    assert 'action="/es/feedback/what-was-wrong/"' in body
    assert 'href="/es/el-dia-de-su-infusion/"' in body
    sent = say_what_was_wrong(body, "hard-to-understand", url="/es/feedback/what-was-wrong/")
    assert sent.status_code == 200
    assert '<html lang="es">' in sent.content.decode()
    record = PageFeedback.objects.get()
    assert (record.language, record.version_number, record.reason) == ("es", 1, "hard-to-understand")
    # An English address does not take a Spanish answer: the language comes from the address.
    assert answer(spanish_page, "yes", language="es").status_code == 404
