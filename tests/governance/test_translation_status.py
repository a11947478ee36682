"""A translation falls behind when its English page is published again, until a reviewed update of
the translation is published: patients, the dashboard and the reminders all say so."""

import pytest
from cms.models import PageContent
from django.core import mail
from django.core.management import call_command
from django.test import Client
from djangocms_versioning.exceptions import ConditionFailed
from djangocms_versioning.models import Version

from governance.publishing import publish_as
from tests.support.factories import (
    add_spanish_version,
    make_draft_edit,
    make_review,
    make_reviewed_page,
    make_superuser,
    make_user,
    record_review,
    staff_client,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated_page():
    page = make_reviewed_page("Your infusion day", body="<p>The infusion takes about 40 minutes.</p>")
    add_spanish_version(
        page,
        "El día de su infusión",
        "el-dia-de-su-infusion",
        "<p>La infusión dura unos 40 minutos.</p>",
        author=make_superuser("translation-author"),
    )
    return page


def notice(client, url="/es/el-dia-de-su-infusion/"):
    html = client.get(url).content.decode()
    return 'data-testid="translation-notice"' in html, html


def test_the_whole_out_of_date_flow(translated_page, settings):
    settings.PORTAL_BASE_URL = "https://guide.clinic.example"
    page = translated_page
    assert notice(Client())[0] is False

    # English is edited by an editor, reviewed and published by another clinician.
    editor, reviewer, spanish_reviewer = (
        make_user("Editor"),
        make_user("Clinical reviewer"),
        make_user("Clinical reviewer"),
    )
    draft = make_draft_edit(
        page, "<p>The infusion takes about 40 minutes. A nurse stays with you.</p>", editor
    )
    record_review(draft, reviewer)
    publish_as(draft, reviewer)

    shown, html = notice(Client())
    assert shown
    assert "La versión en inglés de esta página cambió el" in html
    assert f'href="{page.get_absolute_url("en")}" lang="en"' in html
    assert not notice(Client(), page.get_absolute_url("en"))[0]  # the English page has no notice

    dashboard = staff_client(make_user("Editor")).get("/staff/reviews/").content.decode()
    assert 'data-testid="translations-out-of-date"' in dashboard
    assert "(es): translation out of date (English changed on" in dashboard
    assert "El día de su infusión" in dashboard

    mail.outbox.clear()
    call_command("review_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert any("translation out of date (English changed on" in message.body for message in mail.outbox)

    # A reviewed Spanish update, published by someone who did not write it: the notice goes.
    spanish = PageContent.admin_manager.filter(page=page, language="es").latest("pk")
    spanish_draft = Version.objects.get_for_content(spanish).copy(editor)
    content = spanish_draft.content
    make_review(content, spanish_reviewer)
    publish_as(spanish_draft, spanish_reviewer)
    assert notice(Client())[0] is False
    assert (
        'data-testid="translations-out-of-date"'
        not in staff_client(make_user("Editor")).get("/staff/reviews/").content.decode()
    )


def test_each_language_has_its_own_row_and_reading_measure_on_the_dashboard(translated_page):
    from governance.readability import grade_of_text, reading_grade

    spanish = PageContent.objects.get(page=translated_page, language="es")
    english = PageContent.objects.get(page=translated_page, language="en")
    text = (
        "La infusión dura unos 40 minutos. Una enfermera se queda con usted. Después descansa en la clínica."
    )
    assert grade_of_text(text, "es") > 70  # Fernández-Huerta: higher is easier
    assert grade_of_text(text, "en") != grade_of_text(text, "es")
    assert reading_grade(spanish).too_short  # six words: the dashboard says so instead of a score
    html = staff_client(make_user("Editor")).get("/staff/reviews/").content.decode()
    assert html.count(f'data-page="{translated_page.pk}"') == 2  # one row per language
    assert '<span class="quiet" lang="es">(es)</span>' in html
    assert english.title in html and spanish.title in html


def test_a_spanish_draft_follows_the_same_publishing_rules(translated_page):
    editor, reviewer = make_user("Editor"), make_user("Clinical reviewer")
    spanish = PageContent.admin_manager.filter(page=translated_page, language="es").latest("pk")
    draft = Version.objects.get_for_content(spanish).copy(editor)
    with pytest.raises(ConditionFailed, match="review"):
        publish_as(draft, reviewer)  # no review recorded on this Spanish version
    make_review(draft.content, reviewer)
    with pytest.raises(ConditionFailed, match="Only a clinical reviewer"):
        publish_as(draft, editor)
    publish_as(draft, reviewer)
    assert Version.objects.get(pk=draft.pk).state == "published"
