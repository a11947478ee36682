from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.views.generic import RedirectView

from staff_access import account_views


class FaviconRedirect(RedirectView):
    """Browsers ask for /favicon.ico on pages without an icon link (the admin): send the real one."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static_url("favicon.svg")


urlpatterns = [
    path("favicon.ico", FaviconRedirect.as_view()),
    # The second sign-in step lives under /admin/, so it gets the staff headers and policies.
    path("admin/two-factor/", include("staff_access.urls")),
    # Getting into an account without anyone else knowing its password, and reviewing who has access.
    path("admin/invitation/<str:token>/", account_views.accept_invitation, name="staff_invitation"),
    path("admin/password_reset/", account_views.ForgottenPasswordView.as_view(), name="admin_password_reset"),
    path(
        "admin/password_reset/sent/",
        account_views.ForgottenPasswordSentView.as_view(),
        name="admin_password_reset_done",
    ),
    path(
        "admin/reset/<uidb64>/<token>/",
        account_views.NewPasswordView.as_view(),
        name="password_reset_confirm",
    ),
    path("admin/reset/done/", account_views.NewPasswordSetView.as_view(), name="password_reset_complete"),
    path("admin/access-review/", account_views.access_review_view, name="staff_access_review"),
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
    path("", include("cms.urls")),
    prefix_default_language=False,
)

handler500 = "portal.views.server_error"
