from django.apps import AppConfig


class PageMetadataConfig(AppConfig):
    """What search engines and link previews read: robots.txt, the sitemap, canonical links,
    descriptions, structured data (schema.org) and Open Graph tags."""

    name = "page_metadata"
    verbose_name = "Page metadata"
