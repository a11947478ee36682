"""The staff roles: exactly the permissions each needs, administrators who cannot make themselves
superusers, and a clear message for staff who have no role yet.
"""

import pytest
from django.contrib.auth.models import Group

from tests.support.factories import make_page, make_superuser, make_user, staff_client

pytestmark = pytest.mark.django_db

EDITOR = {
    "cms.view_page", "cms.add_page", "cms.change_page", "cms.use_structure",
    "cms.view_cmsplugin", "cms.add_cmsplugin", "cms.change_cmsplugin", "cms.delete_cmsplugin",
    "djangocms_text.view_text", "djangocms_text.add_text", "djangocms_text.change_text",
    "djangocms_text.delete_text",
    "djangocms_versioning.view_version", "djangocms_versioning.add_version",
    "djangocms_versioning.change_version", "djangocms_versioning.view_pagecontentversion",
    "governance.view_clinicalreview", "governance.view_reviewsource", "governance.view_review_dashboard",
    *(
        f"education.{action}_{block}"
        for block in (
            "keyfacts", "treatmentsteps", "carecard", "questionanswer", "glossaryterm", "checklist",
            "checkquestion",
        )
        for action in ("view", "add", "change", "delete")
    ),
    # Clinicians decide which pages a reading pack holds, and may give packs to patients.
    *(
        f"reading_packs.{action}_{model}"
        for model in ("readingpack", "packpage", "packtranslation")
        for action in ("view", "add", "change", "delete")
    ),
    "reading_packs.issue_pack", "reading_packs.view_reading_record",
}  # fmt: skip
CLINICAL_REVIEWER = EDITOR | {
    "cms.publish_page",
    "governance.add_clinicalreview", "governance.change_clinicalreview",
    "governance.add_reviewsource", "governance.change_reviewsource", "governance.delete_reviewsource",
}  # fmt: skip
ADMINISTRATOR = {
    "auth.view_user", "auth.add_user", "auth.change_user", "auth.view_group",
    "clinic.view_providercalltoaction", "clinic.change_providercalltoaction",
    "clinic.view_calltoactionwording", "clinic.add_calltoactionwording",
    "clinic.change_calltoactionwording", "clinic.delete_calltoactionwording",
    # Unlock a locked-out sign-in; reset a colleague's lost authenticator.
    "axes.view_accessattempt", "axes.delete_accessattempt",
    "axes.view_accesslog", "axes.view_accessfailurelog",
    "otp_totp.view_totpdevice", "otp_totp.delete_totpdevice",
    "otp_static.view_staticdevice", "otp_static.delete_staticdevice",
    "frontend_cache.view_purgefailure", "frontend_cache.delete_purgefailure",
    "staff_access.view_invitation", "staff_access.add_invitation",
}  # fmt: skip
# Front-desk staff: give packs and read what was read. No page editing, publishing or user management.
CARE_COORDINATOR = {
    "reading_packs.view_readingpack", "reading_packs.issue_pack", "reading_packs.view_reading_record",
}  # fmt: skip


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Editor", EDITOR),
        ("Clinical reviewer", CLINICAL_REVIEWER),
        ("Administrator", ADMINISTRATOR),
        ("Care coordinator", CARE_COORDINATOR),
    ],
)
def test_each_role_has_exactly_its_permissions(role, expected):
    permissions = Group.objects.get(name=role).permissions.select_related("content_type")
    assert {f"{p.content_type.app_label}.{p.codename}" for p in permissions} == expected


def test_there_are_exactly_four_roles():
    assert set(Group.objects.values_list("name", flat=True)) == {
        "Editor",
        "Clinical reviewer",
        "Administrator",
        "Care coordinator",
    }


# --- staff without a role -----------------------------------------------------------------------
def test_staff_without_a_role_are_asked_to_see_an_administrator():
    client = staff_client(make_user(is_staff=True))
    for url in ["/admin/", "/admin/cms/pagecontent/", "/admin/auth/user/", "/staff/reviews/"]:
        response = client.get(url)
        if url.startswith("/staff/"):
            assert response.status_code == 403
            continue
        assert response.status_code == 403, url
        html = response.content.decode()
        assert "Ask an administrator for access" in html
        assert "your account has no role yet" in html


def test_staff_without_a_role_see_public_pages_without_the_cms_toolbar():
    page = make_page("About")
    html = staff_client(make_user(is_staff=True)).get(page.get_absolute_url() + "?edit").content.decode()
    assert 'id="cms-top"' not in html
    assert "Plain words for patients." in html
    editor_html = staff_client(make_user("Editor")).get(page.get_absolute_url()).content.decode()
    assert 'id="cms-top"' in editor_html  # the check above would notice a toolbar


def test_staff_without_a_role_can_still_log_out():
    client = staff_client(make_user(is_staff=True))
    assert client.post("/admin/logout/").status_code in (200, 302)
    assert client.get("/admin/").status_code == 302  # now anonymous: sent to the login page


def test_staff_with_a_role_get_the_admin():
    assert staff_client(make_user("Editor")).get("/admin/").status_code == 200


# --- what each role may manage ------------------------------------------------------------------
def test_editors_and_reviewers_cannot_manage_users():
    for role in ("Editor", "Clinical reviewer"):
        client = staff_client(make_user(role))
        assert client.get("/admin/auth/user/").status_code == 403
        assert client.get("/admin/auth/user/add/").status_code == 403


def user_form(user, **changes):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "groups": [str(group.pk) for group in user.groups.all()],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2025-01-01",
        "date_joined_1": "09:00:00",
    }
    data.update(changes)
    return data


def test_an_administrator_changes_the_role_of_an_invited_account():
    # Accounts are created by invitation (tests/staff_access/test_invitations.py), never with a
    # password typed by an administrator.
    from staff_access.invitations import invite

    client = staff_client(make_user("Administrator"))
    new = invite("new-editor@clinic.example", roles=["Clinical reviewer"]).user
    editor_group = Group.objects.get(name="Editor")
    response = client.post(
        f"/admin/auth/user/{new.pk}/change/", user_form(new, groups=[str(editor_group.pk)])
    )
    assert response.status_code == 302
    new.refresh_from_db()
    assert new.is_staff
    assert list(new.groups.values_list("name", flat=True)) == ["Editor"]


def test_an_administrator_cannot_make_anyone_a_superuser_or_grant_single_permissions():
    administrator = make_user("Administrator")
    target = make_user("Editor")
    client = staff_client(administrator)
    from django.contrib.auth.models import Permission

    publish = Permission.objects.get(codename="publish_page")
    for user in (target, administrator):
        response = client.post(
            f"/admin/auth/user/{user.pk}/change/",
            user_form(user, is_superuser="on", user_permissions=[str(publish.pk)]),
        )
        assert response.status_code == 302
        user.refresh_from_db()
        assert not user.is_superuser
        assert not user.user_permissions.exists()
    form = client.get(f"/admin/auth/user/{target.pk}/change/").content.decode()
    assert 'name="is_superuser"' not in form


def test_an_administrator_cannot_change_their_own_roles():
    administrator = make_user("Administrator")
    reviewer_group = Group.objects.get(name="Clinical reviewer")
    response = staff_client(administrator).post(
        f"/admin/auth/user/{administrator.pk}/change/",
        user_form(administrator, groups=[str(reviewer_group.pk)]),
    )
    assert response.status_code == 302
    assert list(administrator.groups.values_list("name", flat=True)) == ["Administrator"]


def test_an_administrator_cannot_change_a_superuser_or_their_password():
    root = make_superuser("root")
    client = staff_client(make_user("Administrator"))
    assert (
        client.post(f"/admin/auth/user/{root.pk}/change/", user_form(root, is_active="")).status_code == 403
    )
    response = client.post(
        f"/admin/auth/user/{root.pk}/password/",
        {"password1": "taken-over-password-1", "password2": "taken-over-password-1"},
    )
    assert response.status_code == 403
    root.refresh_from_db()
    assert root.is_active and root.check_password("a-long-test-password-1")


def test_a_superuser_still_manages_everything():
    target = make_user("Editor")
    response = staff_client(make_superuser("boss")).post(
        f"/admin/auth/user/{target.pk}/change/", user_form(target, is_superuser="on")
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.is_superuser


def test_the_groups_in_the_database_are_the_roles_the_code_declares():
    # Every permission a role names exists: a misspelt one would silently be left out.
    from staff_access.roles import ROLES

    for role, permissions in ROLES.items():
        granted = Group.objects.get(name=role).permissions.select_related("content_type")
        assert {f"{p.content_type.app_label}.{p.codename}" for p in granted} == set(permissions)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_existing_database_upgrades_cleanly_and_its_roles_follow_the_code():
    """An install whose groups an earlier release's migrations made, with this app's migrations
    partly rolled back, migrates forward and ends with exactly the roles staff_access/roles.py
    declares: nothing else to edit when a role changes."""
    from django.contrib.auth.models import Permission
    from django.core.management import call_command

    from staff_access.roles import ROLES

    # A transactional test may start from a database an earlier one flushed without post_migrate.
    call_command("migrate", verbosity=0)
    editor = Group.objects.get(name="Editor")
    editor.permissions.remove(Permission.objects.get(codename="add_page"))
    editor.permissions.add(Permission.objects.get(codename="delete_user"))
    Group.objects.filter(name="Care coordinator").delete()

    call_command("migrate", "staff_access", "0002", verbosity=0)
    call_command("migrate", verbosity=0)

    for role, permissions in ROLES.items():
        granted = Group.objects.get(name=role).permissions.select_related("content_type")
        assert {f"{p.content_type.app_label}.{p.codename}" for p in granted} == set(permissions)
    assert set(Group.objects.values_list("name", flat=True)) == set(ROLES)
