from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from .views import FaviconRedirect

urlpatterns = [
    path("favicon.ico", FaviconRedirect.as_view()),
    # robots.txt and sitemap.xml, for search engines.
    path("", include("page_metadata.urls")),
    # The second sign-in step lives under /admin/, so it gets the staff headers and policies.
    path("admin/two-factor/", include("staff_access.urls")),
    # Invitations, forgotten passwords and the access review, before the admin catches /admin/.
    path("admin/", include("staff_access.account_urls")),
    path("admin/", admin.site.urls),
    # The clinical review dashboard and page histories, for staff.
    path("staff/", include("governance.urls")),
    # Issuing reading packs and reading their records, for care coordinators and clinicians.
    path("staff/packs/", include("reading_packs.staff_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static as serve_files

    urlpatterns += serve_files(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# django CMS catches every remaining path, so it must come last. English pages stay unprefixed;
# other languages get /<code>/.
urlpatterns += i18n_patterns(
    # Reading packs: /p/<code>/ in English, /es/p/<code>/ in Spanish.
    path("p/", include("reading_packs.urls")),
    # "Was this page useful?" answers, in the language of the page they were sent from.
    path("feedback/", include("feedback.urls")),
    # Site search: /search/ in English, /es/buscar/ in Spanish.
    path("", include("site_search.urls")),
    path("", include("cms.urls")),
    prefix_default_language=False,
)

handler500 = "portal.views.server_error"
