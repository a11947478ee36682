from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reading_packs import codes, records
from reading_packs.models import ReadingPack


class Command(BaseCommand):
    help = "Issue a reading pack: prints the code, the full link and the expiry (for clinics' own scripts)."

    def add_arguments(self, parser):
        parser.add_argument("pack", help="The pack's slug, for example first-infusion.")
        parser.add_argument("--days", type=int, help="Days the code works (default: the pack's own setting).")
        parser.add_argument(
            "--language", default=settings.LANGUAGE_CODE, choices=[code for code, _ in settings.LANGUAGES]
        )

    def handle(self, *args, pack, days, language, **options):
        found = ReadingPack.objects.filter(slug=pack).first()
        if found is None:
            known = ", ".join(ReadingPack.objects.values_list("slug", flat=True)) or "none yet"
            raise CommandError(f"No reading pack “{pack}”. Packs: {known}.")
        if days is not None and not 1 <= days <= 365:
            raise CommandError("--days must be between 1 and 365.")
        issued, code = records.issue(found, language=language, days=days)
        self.stdout.write(f"Code: {codes.display(code)}")
        self.stdout.write(f"Link: {records.full_link(code, language)}")
        self.stdout.write(f"Expires: {issued.expires_at.isoformat()}")
