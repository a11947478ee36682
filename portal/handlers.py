"""The project's own receivers: the Sites framework's site follows PORTAL_BASE_URL."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site
from django.db.models.signals import post_migrate


def site_follows_base_url(sender, using="default", **kwargs):
    """After every migrate, the Sites framework's site says PORTAL_BASE_URL's host, not example.com.

    The CMS toolbar and absolute links read the site; a fresh database gets it right at once, and a
    changed PORTAL_BASE_URL takes effect at the next release's migrate. Runs for the sites app
    (created by it if Django's own default-site receiver has not run yet).
    """
    if sender.name != "django.contrib.sites":
        return
    domain = urlsplit(settings.PORTAL_BASE_URL).netloc
    site = Site.objects.using(using).filter(pk=settings.SITE_ID).first()
    if site is None:
        Site.objects.using(using).create(pk=settings.SITE_ID, domain=domain, name=domain)
    elif (site.domain, site.name) != (domain, domain):
        site.domain = site.name = domain
        site.save(using=using)
    Site.objects.clear_cache()


def connect() -> None:
    post_migrate.connect(site_follows_base_url, dispatch_uid="portal-site-follows-base-url")
