"""The portal's URLs plus one view that fails, to see what a patient gets from a server error."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from portal.urls import handler500  # noqa: F401 - handler500 is read by Django
from portal.urls import urlpatterns as portal_urlpatterns


def crash(request):
    raise RuntimeError("deliberate failure for the 500 page test")


# /crash-for-test/ in English, /es/crash-for-test/ in Spanish.
urlpatterns = [
    *i18n_patterns(path("crash-for-test/", crash), prefix_default_language=False),
    *portal_urlpatterns,
]
