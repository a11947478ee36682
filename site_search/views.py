"""The results page: /search/?q=... in English, /es/buscar/?q=... in Spanish.

The query is read, cut to MAX_QUERY_LENGTH and used for this answer only: it is never stored or
logged (the page cache keeps the rendered page under a hash of the address, like any page).
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext, override

from page_cache.middleware import public_page

from . import crisis, search
from .text import MAX_QUERY_LENGTH, terms_of

SEARCH_PARAMETERS = ("q", "page")


@public_page(query_parameters=SEARCH_PARAMETERS)
def results_page(request):
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    page_number = _page_number(request.GET.get("page"))
    language = get_language()
    terms = terms_of(query)
    results, total = search.results(terms, language, page_number) if terms else ([], 0)
    if page_number > 1 and not results:
        raise Http404("No such page of results")
    about_danger = crisis.is_about_danger(query)
    # Someone who types "quiero morir" needs the crisis box, not a correction of their own words
    # ("¿Quiso decir quiere morir?").
    suggestion = search.suggestion(terms, language) if terms and not about_danger else None
    last_shown = (page_number - 1) * search.RESULTS_PER_PAGE + len(results)
    context = {
        "search_query": query,
        "metadata_title": gettext("Search this guide"),
        "metadata_description": gettext(
            "Search the guide's pages, in plain language, for the words you need."
        ),
        "searched": bool(terms),
        "results": results,
        "total": total,
        "first_number": (page_number - 1) * search.RESULTS_PER_PAGE + 1,
        "crisis": about_danger,
        "suggestion": suggestion,
        "suggestion_url": _address(language, q=suggestion) if suggestion else "",
        "previous_url": _address(language, q=query, page=page_number - 1) if page_number > 1 else "",
        "next_url": _address(language, q=query, page=page_number + 1) if total > last_shown else "",
        "other_languages": [
            {"code": code, "name": name, "url": _address(code, q=query)}
            for code, name in settings.LANGUAGES
            if code != language
        ],
    }
    response = render(request, "site_search/results.html", context)
    # The address holds the query: a link followed from here must not carry it to the next page's
    # logs (or another site's) in a Referer header.
    response["Referrer-Policy"] = "no-referrer"
    return response


def _page_number(value: str | None) -> int:
    if value is None or value == "":
        return 1
    if not value.isascii() or not value.isdigit() or len(value) > 6 or int(value) < 1:
        raise Http404("No such page of results")
    return int(value)


def _address(language: str, **parameters) -> str:
    with override(language):
        path = reverse("site_search:results")
    parameters = {name: value for name, value in parameters.items() if value not in ("", None, 1)}
    return f"{path}?{urlencode(parameters)}" if parameters else path
