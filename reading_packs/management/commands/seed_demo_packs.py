"""The demonstration reading packs over the demo guide's pages (idempotent, like seed_demo_guide)."""

from cms.models import Page
from django.core.management.base import BaseCommand
from django.db import transaction

from reading_packs.models import PackPage, PackTranslation, ReadingPack

PACKS = [
    {
        "slug": "assessment",
        "name": "Before your assessment",
        "introduction": "Please read these pages before your assessment. They say what happens, and what "
        "the team needs to know about you. Each page ends with a button to say you have read it. Some "
        "pages have a short question to check your understanding.",
        "pages": ["about-ketamine-therapy", "your-assessment", "risks-and-side-effects"],
        "es": {
            "name": "Antes de su evaluación",
            "introduction": "Lea estas páginas antes de su evaluación. Dicen qué pasa y qué debe saber el "
            "equipo sobre usted. Cada página termina con un botón para decir que la leyó. Algunas tienen "
            "una pregunta corta para ver si entendió.",
        },
    },
    {
        "slug": "first-infusion",
        "name": "Before your first infusion",
        "introduction": "Please read these pages before your first infusion. They say how to get ready, "
        "what happens on the day, and when to get help. Each page ends with a button to say you have "
        "read it. Some pages have a short question to check your understanding.",
        "pages": ["infusion-day", "before-your-appointment", "risks-and-side-effects"],
        "es": {
            "name": "Antes de su primera infusión",
            "introduction": "Lea estas páginas antes de su primera infusión. Dicen cómo prepararse, qué "
            "pasa ese día y cuándo pedir ayuda. Cada página termina con un botón para decir que la leyó. "
            "Algunas tienen una pregunta corta para ver si entendió.",
        },
    },
]


class Command(BaseCommand):
    help = "Create the demonstration reading packs over the demo guide (run after seed_demo_guide)."

    def handle(self, *args, **options):
        created = 0
        with transaction.atomic():
            for spec in PACKS:
                if ReadingPack.objects.filter(slug=spec["slug"]).exists():
                    continue
                pages = {page.reverse_id: page for page in Page.objects.filter(reverse_id__in=spec["pages"])}
                if len(pages) != len(spec["pages"]):
                    self.stderr.write(f"Skipping the “{spec['name']}” pack: run seed_demo_guide first.")
                    continue
                pack = ReadingPack.objects.create(
                    slug=spec["slug"], name=spec["name"], introduction=spec["introduction"]
                )
                for position, reverse_id in enumerate(spec["pages"]):
                    PackPage.objects.create(pack=pack, page=pages[reverse_id], position=position)
                PackTranslation.objects.create(pack=pack, language="es", **spec["es"])
                created += 1
        self.stdout.write(f"Demo reading packs: {created} created, {len(PACKS) - created} already present.")
