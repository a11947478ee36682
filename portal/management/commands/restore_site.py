"""Replace the whole site database with a backup made by backup_site."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, read_backup, restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by backup_site. Everything now in the database is replaced."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup file")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, path, yes, **options):
        try:
            read_backup(Path(path))  # check the file before asking anything
            if not yes:
                answer = input("This replaces EVERYTHING in the database with the backup. Type 'yes': ")
                if answer.strip().lower() != "yes":
                    raise CommandError("Nothing was changed.")
            rows = restore_backup(Path(path))
        except BackupError as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        self.stdout.write(f"Restored {rows} rows from {path}")
