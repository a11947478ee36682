"""Write a backup of the whole site database to a file (gzip-compressed JSON)."""

from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand

from portal.backup import write_backup


class Command(BaseCommand):
    help = "Back up every row of the site database (SQLite or PostgreSQL) into one file."

    def add_arguments(self, parser):
        default = f"backups/portal-{datetime.now(UTC):%Y%m%d-%H%M%S}.json.gz"
        parser.add_argument("path", nargs="?", default=default, help=f"where to write it (default {default})")

    def handle(self, *args, path, **options):
        rows = write_backup(Path(path))
        self.stdout.write(f"Backed up {rows} rows to {path}")
