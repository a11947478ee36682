"""The admin index starts with each role's work, and every staff page carries the portal's name."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.support.factories import make_draft_edit, make_reviewed_page, make_user, staff_client

pytestmark = pytest.mark.django_db

DJANGO_NAMES = ("Django administration", "Django site admin")


def index_of(role) -> str:
    response = staff_client(make_user(role)).get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def links(html: str, testid: str) -> str:
    start = html.index(f'data-testid="{testid}"')
    return html[start : html.index("</section>", start)]


def test_reviewers_see_the_dashboard_and_the_drafts_waiting_first():
    editor = make_user("Editor", first_name="Eli", last_name="Editor")
    draft = make_draft_edit(make_reviewed_page("Your infusion day"), "<p>New.</p>", editor)
    staff_client(editor).post(reverse("governance:ask-for-review", args=[draft.object_id]), {})

    html = index_of("Clinical reviewer")
    tasks = links(html, "tasks-review")
    assert ">Review dashboard</a>" in tasks and reverse("governance:review-dashboard") in tasks
    assert "Your infusion day</a>: waiting for review since" in tasks and "asked by Eli Editor" in tasks
    assert html.index('data-testid="tasks-review"') < html.index('id="content-main"')


def test_coordinators_see_their_pack_tasks_and_nothing_of_review_or_administration():
    html = index_of("Care coordinator")
    tasks = links(html, "tasks-packs")
    assert ">Issue a pack</a>" in tasks and reverse("reading_packs_staff:pack-list") in tasks
    assert ">Look up a record</a>" in tasks and reverse("reading_packs_staff:record") in tasks
    assert f'href="{reverse("reading_packs_staff:issued")}">Packs issued</a>' in tasks
    assert 'data-testid="tasks-review"' not in html and 'data-testid="tasks-administration"' not in html


def test_administrators_see_invitations_the_access_review_and_failed_purges():
    html = index_of("Administrator")
    tasks = links(html, "tasks-administration")
    for text, url in [
        ("Invite a colleague", reverse("admin:staff_access_invitation_add")),
        ("Invitations", reverse("admin:staff_access_invitation_changelist")),
        ("Access review", reverse("staff_access_review")),
        ("Failed purges", reverse("admin:frontend_cache_purgefailure_changelist")),
    ]:
        assert f'href="{url}">{text}</a>' in tasks, text
    assert 'data-testid="tasks-review"' not in html and 'data-testid="tasks-packs"' not in html


@pytest.mark.parametrize("role", ["Editor", "Clinical reviewer", "Administrator", "Care coordinator"])
def test_no_staff_page_is_titled_django_administration(role):
    client = staff_client(make_user(role))
    pages = ["/admin/", "/admin/password_change/"]
    if role in ("Editor", "Clinical reviewer"):
        pages.append(reverse("governance:review-dashboard"))
    if role == "Administrator":
        pages += [reverse("staff_access_review"), reverse("admin:auth_user_changelist")]
    for url in pages:
        html = client.get(url).content.decode()
        assert "Ketamine therapy patient guide" in html, url
        assert not any(name in html for name in DJANGO_NAMES), url
    login = Client().get("/admin/login/").content.decode()
    assert "Ketamine therapy patient guide" in login and not any(name in login for name in DJANGO_NAMES)
