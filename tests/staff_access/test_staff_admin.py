"""The staff admin reads like the rest of the portal: the columns that matter fit, durations are
words and dates are written "2 December 2026"."""

import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from staff_access.models import Invitation
from tests.support.factories import confirmed_totp_device, make_user, staff_client

pytestmark = pytest.mark.django_db


def test_the_users_list_shows_name_active_roles_and_two_step_sign_in():
    administrator = make_user("Administrator")
    enrolled = make_user("Editor", username="enrolled", first_name="Eli", last_name="Editor")
    confirmed_totp_device(enrolled)
    make_user("Care coordinator", username="not-enrolled")

    html = staff_client(administrator).get("/admin/auth/user/").content.decode()

    headers = re.findall(r'<th scope="col" class="[^"]*column-([a-z_]+)', html)
    assert headers == ["username", "name", "email", "is_active", "roles", "two_step"]
    rows = {
        name: row
        for row in re.findall(r"<tr>.*?</tr>", html, re.S)
        for name in re.findall(r">(enrolled|not-enrolled)</a>", row)
    }
    assert "Eli Editor" in rows["enrolled"] and "Editor" in rows["enrolled"]
    assert rows["enrolled"].count('alt="True"') == 2  # active, two-step sign-in
    assert 'alt="False"' in rows["not-enrolled"]


def test_an_invitation_says_how_long_its_link_works_in_words_and_dates_read_as_elsewhere(settings):
    settings.PORTAL_BASE_URL = "https://guide.clinic.example"
    client = staff_client(make_user("Administrator"))
    editor = Group.objects.get(name="Editor")

    response = client.post(
        "/admin/staff_access/invitation/add/",
        {"name": "Asha Patel", "email": "asha@clinic.example", "roles": [str(editor.pk)]},
        follow=True,
    )

    html = response.content.decode()
    assert "the link works for 3\xa0days." in html
    assert "0:00:00" not in html
    created = timezone.localtime(Invitation.objects.get().created_at)
    assert f"{created.day} {created:%B %Y}, {created:%H:%M}" in html  # the list's date column
    assert not re.search(r"[A-Z][a-z]{2}\. \d{1,2}, \d{4}", html)
