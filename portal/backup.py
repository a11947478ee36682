"""Backing up and restoring the whole site database, the same way on SQLite and PostgreSQL.

A backup is every row of every model (Django's dumpdata with the base managers, so drafts, archived
versions and review records are all kept, whatever apps are installed), with the primary keys, so
the restored site has the same pages, versions and links. It also records which migrations the
database had: a backup only goes back into a database at the same schema.
"""

import gzip
import json
import tempfile
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from . import page_cache

FORMAT = "ketamine-education-portal-backup"
FORMAT_VERSION = 1
# Logins are not part of the site: a restore must not bring old sessions back.
EXCLUDED = ["sessions"]


class BackupError(Exception):
    """A backup file that cannot be restored here; nothing has been changed."""


def applied_migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def write_backup(path: Path) -> int:
    objects = StringIO()
    call_command("dumpdata", exclude=EXCLUDED, use_base_manager=True, format="json", stdout=objects)
    rows = json.loads(objects.getvalue())
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "migrations": applied_migrations(),
        "objects": rows,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with gzip.open(partial, "wt", encoding="utf-8") as stream:
        json.dump(document, stream)
    partial.replace(path)  # never leave a half-written file under the real name
    return len(rows)


def read_backup(path: Path) -> dict:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            document = json.load(stream)
    except FileNotFoundError as error:
        raise BackupError(f"There is no backup file at {path}.") from error
    except (OSError, EOFError, ValueError) as error:
        raise BackupError(f"{path} is not a readable backup file ({error}).") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(f"{path} is not a backup made by this portal's backup_site command.")
    if document.get("format_version") != FORMAT_VERSION or not isinstance(document.get("objects"), list):
        raise BackupError(f"{path} has an unknown backup format version.")
    return document


def restore_backup(path: Path) -> int:
    """Replace every row in the database with the backup's, in one transaction."""
    document = read_backup(path)
    here = applied_migrations()
    if document["migrations"] != here:
        missing = {tuple(m) for m in document["migrations"]} - {tuple(m) for m in here}
        extra = {tuple(m) for m in here} - {tuple(m) for m in document["migrations"]}
        raise BackupError(
            "The backup was made at another database schema: bring this database to the same migrations "
            f"first (backup only: {sorted(missing)[:5]}; this database only: {sorted(extra)[:5]})."
        )
    with tempfile.TemporaryDirectory() as directory:
        fixture = Path(directory) / "backup.json"
        fixture.write_text(json.dumps(document["objects"]), encoding="utf-8")
        with transaction.atomic():
            # No post-migrate handlers: they would recreate content types and permissions under
            # other primary keys than the backup's.
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            call_command("loaddata", str(fixture), verbosity=0)
    transaction.on_commit(forget_cached_pages)
    return len(document["objects"])


def forget_cached_pages() -> None:
    """Rows now have the backup's keys, which cached fragments of the wiped rows may share."""
    location = settings.CACHES["default"]
    prefix = location.get("KEY_PREFIX")
    if prefix and location["BACKEND"].endswith("RedisCache"):
        client = cache._cache.get_client(write=True)
        for key in client.scan_iter(match=f"{prefix}:*", count=1000):
            client.delete(key)
    else:
        cache.clear()  # on Redis without a key prefix: the whole Redis database
    page_cache.invalidate()
