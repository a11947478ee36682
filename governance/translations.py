"""Whether each translation is still a translation of the source page patients read today.

A translation records which published version of the source (English) page it was made from: the
one that was published when the translation was published. When the source is published again,
the translation is out of date until a reviewed update of it is published; patients reading it see
a notice, and the dashboard and the reminders list it.
"""

from dataclasses import dataclass
from datetime import datetime

from cms.models import PageContent
from django.conf import settings

from toolkit.page_versions import published_version

from .models import TranslationBasis

SOURCE_LANGUAGE = settings.LANGUAGE_CODE


@dataclass
class OutOfDate:
    translation: PageContent
    source: PageContent
    source_changed_on: datetime


def record_source(translation: PageContent) -> None:
    """Note the source version a translation now being published was made from."""
    if translation.language == SOURCE_LANGUAGE:
        return
    source = published_version(translation.page, SOURCE_LANGUAGE)
    if source is not None:
        TranslationBasis.objects.update_or_create(
            content=translation, defaults={"source_version_number": int(source.number)}
        )


def status(translation: PageContent) -> OutOfDate | None:
    """OutOfDate when the source page was published again after this translation was made."""
    if not getattr(translation, "pk", None) or translation.language == SOURCE_LANGUAGE:
        return None
    basis = TranslationBasis.objects.filter(content_id=translation.pk).first()
    source = published_version(translation.page, SOURCE_LANGUAGE)
    if basis is None or source is None or int(source.number) <= basis.source_version_number:
        return None
    return OutOfDate(translation=translation, source=source.content, source_changed_on=source.modified)


def out_of_date_translations() -> list[OutOfDate]:
    published = PageContent.objects.exclude(language=SOURCE_LANGUAGE).select_related("page")
    return [found for found in (status(content) for content in published) if found is not None]
