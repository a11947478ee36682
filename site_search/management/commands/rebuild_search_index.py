from django.core.management.base import BaseCommand

from site_search import indexing


class Command(BaseCommand):
    help = "Index the published version of every page in every language again, from scratch."

    def handle(self, *args, **options):
        count = indexing.rebuild()
        self.stdout.write(f"Search index rebuilt: {count} published page versions.")
