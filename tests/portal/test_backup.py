"""Back up, wipe, restore with django-dbbackup: the same published pages, byte for byte, and the logo.

Runs against a SQLite file and a scratch PostgreSQL database (pg_dump and psql), each command in its
own process, as an operator runs `make backup` and `make restore`.
"""

import json
import shutil
import sqlite3
import uuid

import pytest

from tests.conftest import require_service
from tests.support.servers import (
    manage,
    migrated_sqlite_database,
    postgres_server_url,
    run_django,
    scratch_postgres_database,
)

BUILD_SITE = """
import io
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image
from clinic.models import ProviderCallToAction
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
    png = io.BytesIO()
    Image.new("RGB", (40, 20), (10, 90, 160)).save(png, "PNG")
    cta = ProviderCallToAction.objects.get()
    cta.logo.save("clinic.png", ContentFile(png.getvalue()))
"""

SNAPSHOT = """
import json
from cms.models import Page
from django.apps import apps
from django.test import Client
from djangocms_versioning.models import Version
from clinic.models import ProviderCallToAction
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
cta = ProviderCallToAction.objects.first()
logo = open(cta.logo.path, "rb").read().hex() if cta and cta.logo else None
print(json.dumps({"pages": pages, "versions": versions, "counts": counts, "logo": logo}))
"""


def back_up_wipe_and_restore(database_url: str, tmp_path) -> None:
    media = tmp_path / "media"
    # A key prefix of its own: with REDIS_URL set (the PostgreSQL run) the processes share Redis with
    # other tests' processes, whose cached menus and pages must not show up in this site's pages.
    env = {
        "MEDIA_ROOT": str(media),
        "BACKUP_DIR": str(tmp_path / "backups"),
        "CACHE_KEY_PREFIX": f"backup-test-{uuid.uuid4().hex[:8]}",
    }

    def snapshot() -> dict:
        return json.loads(run_django(SNAPSHOT, database_url=database_url, extra_env=env))

    run_django(BUILD_SITE, database_url=database_url, extra_env=env)
    before = snapshot()
    assert len(before["pages"]) == 4
    assert sorted(state for *_, state, _user in before["versions"]).count("published") == 3
    assert before["logo"] and '<img class="site-logo"' in before["pages"]["/your-infusion-day/"][1]

    manage(
        "dbbackup",
        "--compress",
        "--output-filename",
        "site.psql.gz",
        database_url=database_url,
        extra_env=env,
    )
    manage(
        "mediabackup",
        "--compress",
        "--output-filename",
        "media.tar.gz",
        database_url=database_url,
        extra_env=env,
    )
    manage("flush", "--noinput", database_url=database_url, extra_env=env)
    shutil.rmtree(media)
    assert snapshot()["pages"] == {}

    restore = ("--noinput", "--uncompress", "--input-filename")
    manage("dbrestore", *restore, "site.psql.gz", database_url=database_url, extra_env=env)
    manage("mediarestore", *restore, "media.tar.gz", database_url=database_url, extra_env=env)
    after = snapshot()
    assert after["versions"] == before["versions"]
    assert after["counts"] == before["counts"]
    assert after["pages"] == before["pages"]  # status and every byte of every page, logo included
    assert after["logo"] == before["logo"]
    assert "The infusion takes about 40 minutes." in after["pages"]["/your-infusion-day/"][1]


@pytest.mark.own_sqlite
def test_back_up_wipe_and_restore_a_sqlite_site(tmp_path):
    back_up_wipe_and_restore(migrated_sqlite_database(tmp_path / "site.sqlite3"), tmp_path)


@pytest.mark.own_sqlite
def test_a_sqlite_restore_is_whole_while_a_worker_still_holds_the_database_open(tmp_path):
    """A web worker that keeps its connection open keeps the write-ahead log beside the file: the
    wipe before the restore lives there, and must not come back over the restored pages."""
    path = tmp_path / "site.sqlite3"
    database_url = migrated_sqlite_database(path)
    worker = sqlite3.connect(path)
    worker.execute("PRAGMA journal_mode=WAL")
    worker.execute("SELECT count(*) FROM django_migrations").fetchone()
    try:
        back_up_wipe_and_restore(database_url, tmp_path)
    finally:
        worker.close()


@pytest.mark.postgres
@pytest.mark.own_postgres
def test_back_up_wipe_and_restore_a_postgresql_site(tmp_path):
    server = postgres_server_url()
    require_service(server is not None, "PostgreSQL on 127.0.0.1:5432")
    require_service(shutil.which("pg_dump") is not None, "pg_dump (postgresql-client)")
    with scratch_postgres_database(server) as database:
        back_up_wipe_and_restore(database, tmp_path)
