from django.conf import settings
from django.core.management.base import BaseCommand

from reading_packs import records


class Command(BaseCommand):
    help = (
        "Delete reading records PORTAL_READING_RECORD_DAYS after their code expired. Run daily from cron; "
        "running it more often is harmless."
    )

    def handle(self, *args, **options):
        deleted = records.purge()
        self.stdout.write(
            f"Deleted {deleted} reading record{'s' if deleted != 1 else ''} of codes that expired more than "
            f"{settings.PORTAL_READING_RECORD_DAYS} days ago."
        )
