"""A database seeded for the local demo (DEBUG=1) and then served in production: the demo accounts,
whose passwords a terminal printed, cannot sign in; `check --deploy` fails while they exist; and
`manage.py remove_demo_accounts` removes them, without a prompt."""

import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.support.servers import (
    ROOT,
    TEST_SECRET_KEY,
    Gunicorn,
    manage,
    migrated_sqlite_database,
    production_env,
)


def sign_in(base: str, username: str, password: str) -> tuple[int, str]:
    """The admin's sign-in form, as a browser behind the site's HTTPS proxy sends it."""
    https = {"X-Forwarded-Proto": "https"}  # production cookies are Secure: the proxy says HTTPS
    origin = base.replace("http://", "https://")
    with urllib.request.urlopen(
        urllib.request.Request(base + "/admin/login/", headers=https), timeout=10
    ) as page:
        cookie = re.search(r"csrftoken=([^;]+)", page.headers["Set-Cookie"]).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": cookie, "username": username, "password": password, "next": "/admin/"}
    ).encode()
    headers = {
        **https,
        "Cookie": f"csrftoken={cookie}",
        "Origin": origin,
        "Referer": origin + "/admin/login/",
    }

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(base + "/admin/login/", data=data, headers=headers)
    try:
        with urllib.request.build_opener(NoRedirects).open(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def check_deploy(database: str) -> subprocess.CompletedProcess:
    env = production_env(
        database_url=database, redis_url=None, key_prefix="", ALLOWED_HOSTS="guide.clinic.example"
    )
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "ERROR"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture
def demo_database(tmp_path):
    database = migrated_sqlite_database(tmp_path / "demo.sqlite3")
    printed = manage("create_demo_accounts", database_url=database, extra_env={"SECRET_KEY": TEST_SECRET_KEY})
    passwords = dict(re.findall(r"^\s+[A-Za-z ]+?\s+(demo-[a-z0-9-]+)\s+(\S+)$", printed, re.M))
    assert set(passwords) >= {"demo-admin", "demo-reviewer"}, printed
    return database, passwords


@pytest.mark.own_sqlite
def test_demo_accounts_cannot_sign_in_to_a_production_server(demo_database, tmp_path):
    database, passwords = demo_database
    server = Gunicorn(database_url=database, redis_url=None, key_prefix="", workers=1, log_dir=tmp_path)
    try:
        server.wait_until_serving()
        status, page = sign_in(server.base_url, "demo-admin", passwords["demo-admin"])
    finally:
        server.stop()
    assert status == 200  # the sign-in form again, not a redirect into the admin
    assert "Please enter the correct username and password" in page


@pytest.mark.own_sqlite
def test_check_deploy_fails_while_demo_accounts_exist_and_the_command_removes_them(demo_database):
    database, _passwords = demo_database
    result = check_deploy(database)
    assert result.returncode != 0
    assert "staff_access.E001" in result.stderr and "demo" in result.stderr

    removed = manage("remove_demo_accounts", database_url=database)
    assert "demo-admin" in removed
    result = check_deploy(database)
    assert "staff_access.E001" not in result.stderr + result.stdout
    assert "No demo accounts here." in manage("remove_demo_accounts", database_url=database)


@pytest.mark.django_db
def test_each_demo_account_has_its_own_name_and_an_example_address(settings):
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    settings.DEBUG = True
    User = get_user_model()
    User.objects.create_user("demo-reviewer-2", first_name="Demo", last_name="Clinical reviewer")
    call_command("create_demo_accounts", stdout=StringIO())  # an existing account gets its name too

    accounts = {user.username: user for user in User.objects.filter(username__startswith="demo-")}
    assert set(accounts) == {
        "demo-editor",
        "demo-reviewer",
        "demo-reviewer-2",
        "demo-coordinator",
        "demo-admin",
    }
    assert accounts["demo-reviewer"].get_full_name() == "Demo reviewer Rhea"
    assert accounts["demo-reviewer-2"].get_full_name() == "Demo reviewer Sam"
    assert len({user.get_full_name() for user in accounts.values()}) == 5
    assert all(user.email.endswith("@example.com") for user in accounts.values())
    assert len({user.email for user in accounts.values()}) == 5
