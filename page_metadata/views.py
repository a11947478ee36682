"""robots.txt and sitemap.xml, at the site's root."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import override
from django.views.decorators.http import require_safe

from page_cache.middleware import public_page

from .sitemaps import GuideSitemap

# Addresses with nothing for a search engine: one reader's reading pack, staff pages, form answers,
# and search results (endless, and about what someone typed).
DISALLOWED_PREFIXES = ("/p/", "/staff/", "/admin/", "/feedback/")


def _disallowed() -> list[str]:
    paths = []
    for code, _ in settings.LANGUAGES:
        with override(code):
            home = reverse("pages-root")
            search = reverse("site_search:results")
        # Other languages' forms and packs live under their prefix (/es/p/, /es/feedback/).
        prefixed = [home.rstrip("/") + prefix for prefix in ("/p/", "/feedback/")] if home != "/" else []
        paths += [*prefixed, search]
    return [*DISALLOWED_PREFIXES, *dict.fromkeys(paths)]


@require_safe
@public_page()
def robots_txt(request):
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {path}" for path in _disallowed()]
    lines += ["", f"Sitemap: {settings.PORTAL_BASE_URL}{reverse('sitemap')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
@public_page()
def sitemap(request):
    return sitemap_view(request, {"guide": GuideSitemap})
