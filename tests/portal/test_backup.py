"""Back up, wipe, restore: the restored site serves the same published pages, byte for byte.

Runs against a SQLite file and a scratch PostgreSQL database, each in its own processes, as an
operator would run the commands.
"""

import json

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import require_service
from tests.support.factories import make_page
from tests.support.servers import manage, postgres_server_url, run_django, scratch_postgres_database

BUILD_SITE = """
from django.db import transaction
from tests.support.factories import make_draft_edit, make_page, make_superuser
with transaction.atomic():
    author = make_superuser("reviewer")
    home = make_page("Welcome", template="education/pages/home.html", author=author)
    home.set_as_homepage()
    infusion = make_page("Your infusion day", body="<p>About 40 minutes.</p>", author=author)
    make_draft_edit(infusion, "<p>The infusion takes about 40 minutes.</p>", author).publish(author)
    make_draft_edit(infusion, "<p>A draft nobody has reviewed.</p>", author)
    make_page("Risks", template="education/pages/guide_with_crisis_signpost.html", author=author)
    make_page("Not published yet", author=author, published=False)
"""

SNAPSHOT = """
import json
from cms.models import Page
from django.apps import apps
from django.test import Client
from djangocms_versioning.models import Version
client = Client()
pages = {}
for page in Page.objects.order_by("pk"):
    url = page.get_absolute_url()
    response = client.get(url)
    pages[url] = [response.status_code, response.content.decode()]
versions = list(
    Version.objects.order_by("pk").values_list("pk", "object_id", "number", "state", "created_by__username")
)
counts = {model._meta.label: model._base_manager.count() for model in apps.get_models()
          if model._meta.label not in {"sessions.Session"}}
print(json.dumps({"pages": pages, "versions": versions, "counts": counts}))
"""


def snapshot(database_url: str) -> dict:
    return json.loads(run_django(SNAPSHOT, database_url=database_url))


def back_up_wipe_and_restore(database_url: str, backup_path) -> None:
    run_django(BUILD_SITE, database_url=database_url)
    before = snapshot(database_url)
    assert len(before["pages"]) == 4
    assert sorted(state for *_, state, _user in before["versions"]).count("published") == 3

    manage("backup_site", str(backup_path), database_url=database_url)
    manage("flush", "--noinput", database_url=database_url)
    assert snapshot(database_url)["pages"] == {}

    manage("restore_site", str(backup_path), "--yes", database_url=database_url)
    after = snapshot(database_url)
    assert after["versions"] == before["versions"]
    assert after["counts"] == before["counts"]
    assert after["pages"] == before["pages"]  # status and every byte of every page
    assert "The infusion takes about 40 minutes." in before["pages"]["/your-infusion-day/"][1]


def test_back_up_wipe_and_restore_a_sqlite_site(tmp_path):
    database = f"sqlite:///{tmp_path / 'site.sqlite3'}"
    manage("migrate", "--noinput", database_url=database)
    back_up_wipe_and_restore(database, tmp_path / "site.json.gz")


@pytest.mark.postgres
def test_back_up_wipe_and_restore_a_postgresql_site(tmp_path):
    server = postgres_server_url()
    require_service(server is not None, "PostgreSQL on 127.0.0.1:5432")
    with scratch_postgres_database(server) as database:
        back_up_wipe_and_restore(database, tmp_path / "site.json.gz")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "There is no backup file"),
        (b"not a backup", "is not a readable backup file"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "is not a readable backup file"),
    ],
)
def test_restoring_a_file_that_is_not_a_backup_says_so_and_changes_nothing(tmp_path, content, message):
    page = make_page("Your infusion day")
    path = tmp_path / "backup.json.gz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as error:
        call_command("restore_site", str(path), "--yes")
    assert "Nothing was changed." in str(error.value)
    assert type(page).objects.filter(pk=page.pk).exists()


@pytest.mark.django_db
def test_a_backup_from_another_schema_is_refused(tmp_path):
    import gzip

    from portal.backup import FORMAT, FORMAT_VERSION

    path = tmp_path / "old.json.gz"
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "migrations": [["cms", "0001"]],
        "objects": [],
    }
    path.write_bytes(gzip.compress(json.dumps(document).encode()))
    with pytest.raises(CommandError, match="another database schema"):
        call_command("restore_site", str(path), "--yes")
