"""Create and publish the demonstration guide. Safe to run again: existing pages are left alone.

The pages are published directly (`Version.publish`), not through the clinic's publishing rules:
this is an administrative bootstrap of example content, not anyone's clinical sign-off. So no
clinical review record is invented for them; each page tells patients "This page has not had a
clinical review yet", and the review dashboard lists every one as needing review.
"""

import re

from cms.api import add_plugin, create_page, create_page_content
from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from djangocms_text.utils import plugin_to_tag
from djangocms_versioning.models import Version

from education.demo import guide_es
from education.demo.guide import EXAMPLE_NOTICE, GLOSSARY, GUIDE

SEED_AUTHOR = "demo-content"
LANGUAGE = settings.LANGUAGE_CODE
GLOSSARY_MARK = re.compile(r"\[\[([^\]]+)\]\]")


def seed_author():
    """A real but inactive account, so the versions say who created them and nobody can log in as it."""
    user, created = get_user_model().objects.get_or_create(
        username=SEED_AUTHOR, defaults={"first_name": "Demo", "last_name": "content", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def add_text(placeholder, body: str, language: str = LANGUAGE, glossary: dict = GLOSSARY):
    """A text plugin; each [[word]] in it becomes a glossary term inside the text."""
    text = add_plugin(placeholder, "TextPlugin", language, body=GLOSSARY_MARK.sub(r"\1", body))
    if not GLOSSARY_MARK.search(body):
        return text

    def term_plugin(match: re.Match) -> str:
        word = match.group(1)
        term = add_plugin(
            placeholder,
            "GlossaryTermPlugin",
            language,
            target=text,
            term=word,
            definition=glossary[word.lower()],
        )
        return plugin_to_tag(term)

    text.body = GLOSSARY_MARK.sub(term_plugin, body)
    text.save()
    return text


class Command(BaseCommand):
    help = "Create and publish the demonstration ketamine-therapy guide (idempotent)."

    def handle(self, *args, **options):
        author = seed_author()
        created = 0
        with transaction.atomic():
            for index, spec in enumerate(GUIDE):
                if Page.objects.filter(reverse_id=spec["reverse_id"]).exists():
                    continue
                page = self.create_guide_page(spec, author, before=self.next_existing_page(index))
                if spec["reverse_id"] == "home":
                    page.set_as_homepage(author)
                created += 1
            translated = self.translate_guide(author, "es", guide_es)
        self.stdout.write(f"Demo guide: {created} page(s) created, {len(GUIDE) - created} already present.")
        self.stdout.write(f"Spanish: {translated} page(s) translated.")

    def translate_guide(self, author, language, module) -> int:
        """Add the language's version to every seeded page that has none yet, and publish it."""
        done = 0
        for spec in GUIDE:
            translation = module.GUIDE.get(spec["reverse_id"])
            page = Page.objects.filter(reverse_id=spec["reverse_id"]).first()
            if translation is None or page is None:
                continue
            if PageContent.admin_manager.filter(page=page, language=language).exists():
                continue
            content = create_page_content(
                language,
                translation["title"],
                page,
                menu_title=translation.get("menu_title"),
                slug=translation["slug"],
                meta_description=translation["meta_description"],
                created_by=author,
                in_navigation=spec.get("in_navigation", True),
                template=spec["template"],
            )
            self.add_blocks(
                content, [module.EXAMPLE_NOTICE, *translation["blocks"]], language, module.GLOSSARY
            )
            Version.objects.get_for_content(content).publish(author)
            done += 1
        return done

    @staticmethod
    def add_blocks(content, blocks, language, glossary) -> None:
        placeholder = content.get_placeholders().get(slot="content")
        for block in blocks:
            if isinstance(block, str):
                add_text(placeholder, block, language, glossary)
            else:
                fields = dict(block)
                add_plugin(placeholder, fields.pop("plugin"), language, **fields)

    @staticmethod
    def next_existing_page(index: int):
        """A page added to an older guide goes before the pages that follow it in GUIDE, not last."""
        later = [spec["reverse_id"] for spec in GUIDE[index + 1 :]]
        pages = {page.reverse_id: page for page in Page.objects.filter(reverse_id__in=later)}
        return next((pages[reverse_id] for reverse_id in later if reverse_id in pages), None)

    def create_guide_page(self, spec, author, before=None):
        page = create_page(
            title=spec["title"],
            menu_title=spec.get("menu_title"),
            slug=spec["slug"],
            template=spec["template"],
            language=LANGUAGE,
            created_by=author,
            in_navigation=spec.get("in_navigation", True),
            reverse_id=spec["reverse_id"],
            meta_description=spec["meta_description"],
        )
        if before:
            page.move_page(before, position="left")
        content = PageContent.admin_manager.get(page=page, language=LANGUAGE)
        self.add_blocks(content, [EXAMPLE_NOTICE, *spec["blocks"]], LANGUAGE, GLOSSARY)
        Version.objects.get_for_content(content).publish(author)
        return page
