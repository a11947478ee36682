"""Create and publish the demonstration guide. Safe to run again: existing pages are left alone.

The pages are published directly (`Version.publish`), not through the clinic's publishing rules:
this is an administrative bootstrap of example content, not anyone's clinical sign-off. So no
clinical review record is invented for them; each page tells patients "This page has not had a
clinical review yet", and the review dashboard lists every one as needing review.
"""

from cms.api import add_plugin, create_page
from cms.models import Page, PageContent
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from djangocms_versioning.models import Version

from education.demo.guide import EXAMPLE_NOTICE, GUIDE

SEED_AUTHOR = "demo-content"
LANGUAGE = "en"


def seed_author():
    """A real but inactive account, so the versions say who created them and nobody can log in as it."""
    user, created = get_user_model().objects.get_or_create(
        username=SEED_AUTHOR, defaults={"first_name": "Demo", "last_name": "content", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


class Command(BaseCommand):
    help = "Create and publish the demonstration ketamine-therapy guide (idempotent)."

    def handle(self, *args, **options):
        author = seed_author()
        created = 0
        with transaction.atomic():
            for spec in GUIDE:
                if Page.objects.filter(reverse_id=spec["reverse_id"]).exists():
                    continue
                page = self.create_guide_page(spec, author)
                if spec["reverse_id"] == "home":
                    page.set_as_homepage(author)
                created += 1
        self.stdout.write(f"Demo guide: {created} page(s) created, {len(GUIDE) - created} already present.")

    def create_guide_page(self, spec, author):
        page = create_page(
            title=spec["title"],
            menu_title=spec.get("menu_title"),
            slug=spec["slug"],
            template=spec["template"],
            language=LANGUAGE,
            created_by=author,
            in_navigation=True,
            reverse_id=spec["reverse_id"],
            meta_description=spec["meta_description"],
        )
        content = PageContent.admin_manager.get(page=page, language=LANGUAGE)
        placeholder = content.get_placeholders().get(slot="content")
        for body in [EXAMPLE_NOTICE, *spec["blocks"]]:
            add_plugin(placeholder, "TextPlugin", LANGUAGE, body=body)
        Version.objects.get_for_content(content).publish(author)
        return page
