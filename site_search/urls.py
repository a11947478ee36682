from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "site_search"

# Translated: /search/ in English, /es/buscar/ in Spanish (locale/es/LC_MESSAGES/django.po).
urlpatterns = [
    path(pgettext_lazy("address of the search page", "search/"), views.results_page, name="results")
]
