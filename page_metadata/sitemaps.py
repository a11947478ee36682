"""The guide's published pages for search engines: django CMS's sitemap, with each page's other
languages as alternates and the date of the version patients read."""

from cms.models import PageContent
from cms.sitemaps import CMSSitemap
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version


class GuideSitemap(CMSSitemap):
    # Unknown, and search engines ignore both.
    changefreq = None
    priority = None

    def items(self):
        urls = list(super().items())
        # PageContent.objects holds only published versions (djangocms-versioning).
        contents = {
            (page_id, language): pk
            for pk, page_id, language in PageContent.objects.filter(
                page_id__in={url.page_id for url in urls}
            ).values_list("pk", "page_id", "language")
        }
        dates = dict(
            Version.objects.filter(
                content_type=ContentType.objects.get_for_model(PageContent),
                object_id__in=list(contents.values()),
                state=PUBLISHED,
            ).values_list("object_id", "modified")
        )
        for url in urls:
            url.published_on = dates.get(contents.get((url.page_id, url.language)))
        return urls

    def lastmod(self, page_url):
        return page_url.published_on

    def get_domain(self, site=None):
        return settings.PORTAL_BASE_URL.split("://", 1)[1]

    def get_protocol(self, protocol=None):
        return settings.PORTAL_BASE_URL.split("://", 1)[0]

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        by_page: dict[int, list[dict]] = {}
        for url in urls:
            by_page.setdefault(url["item"].page_id, []).append(
                {"lang_code": url["item"].language, "location": url["location"]}
            )
        for url in urls:
            alternates = by_page[url["item"].page_id]
            url["alternates"] = alternates if len(alternates) > 1 else []
        return urls
