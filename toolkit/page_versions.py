"""The versions of one page in one language, through djangocms-versioning's own grouping.

Versioning groups a page's contents by page and language; asking it (rather than building the
content-type and object-id query by hand) keeps the portal right if versioning changes how it
stores them.
"""

from cms.models import PageContent
from djangocms_versioning import versionables
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version


def page_versions(page, language: str):
    """Every version of `page` in `language`, as a queryset of Version."""
    versionable = versionables.for_content(PageContent)
    return Version.objects.filter_by_grouping_values(versionable, page=page, language=language)


def published_version(page, language: str) -> Version | None:
    """The version patients read of `page` in `language`, or None when it is not published."""
    return page_versions(page, language).filter(state=PUBLISHED).first()
