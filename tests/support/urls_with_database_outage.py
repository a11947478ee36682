"""The portal's URLs plus one view that fails the way every page fails while the database is down."""

from django.conf.urls.i18n import i18n_patterns
from django.db import OperationalError
from django.urls import path

from portal.urls import handler500  # noqa: F401 - handler500 is read by Django
from portal.urls import urlpatterns as portal_urlpatterns


def lose_the_database(request):
    raise OperationalError("connection refused (deliberate, for the 503 page test)")


# In English, and under /es/ in Spanish.
urlpatterns = [
    *i18n_patterns(path("database-down-for-test/", lose_the_database), prefix_default_language=False),
    *portal_urlpatterns,
]
