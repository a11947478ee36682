"""Searching the guide through HTTP, the same on SQLite (FTS5) and PostgreSQL (text search)."""

import re

import pytest
from django.core.management import call_command
from djangocms_versioning.models import Version

from feedback.models import PageFeedback
from site_search.models import SearchDocument
from tests.support.assertions import assert_call_to_action_and_crisis_link
from tests.support.factories import (
    add_glossary_term,
    add_spanish_version,
    make_draft_edit,
    make_page,
    make_reviewed_page,
    make_superuser,
    page_content,
    publish,
)

pytestmark = pytest.mark.django_db


def main_of(response) -> str:
    html = response.content.decode()
    return re.search(r"<main.*?</main>", html, re.S).group(0)


def result_titles(response) -> list[str]:
    return re.findall(r'<h2 class="search-result__title"><a href="[^"]*">([^<]*)</a>', main_of(response))


@pytest.fixture
def guide(after_commit):
    with after_commit():
        infusion = make_reviewed_page(
            "Your infusion day",
            "<p>The infusion takes about 40 minutes. You cannot drive home afterwards.</p>",
        )
        risks = make_page(
            "Risks and side effects",
            "<p>Heavy use is linked to problems with the bladder. The risk of suicide is discussed.</p>",
        )
        translator = make_superuser("traductora")
        add_spanish_version(
            infusion,
            "El día de su infusión",
            "dia-de-infusion",
            "<p>La infusión dura unos 40 minutos.</p>",
            translator,
        )
        add_spanish_version(
            risks,
            "Riesgos",
            "riesgos",
            "<p>El uso intenso se relaciona con problemas de la vejiga.</p>",
            translator,
        )
    return {"infusion": infusion, "risks": risks}


def test_a_word_finds_the_published_page_with_its_title_link_snippet_and_review_date(client, guide):
    response = client.get("/search/", {"q": "bladder"})
    assert response.status_code == 200
    html = main_of(response)
    assert result_titles(response) == ["Risks and side effects"]
    assert f'<a href="{guide["risks"].get_absolute_url()}">Risks and side effects</a>' in html
    assert "<mark>bladder</mark>" in html
    response = client.get("/search/", {"q": "infusion minutes"})
    assert result_titles(response) == ["Your infusion day"]
    assert "Page last reviewed:" in main_of(response)


def test_results_pages_carry_the_call_to_action_crisis_link_and_noindex(client, guide):
    html = client.get("/search/", {"q": "bladder"}).content.decode()
    assert_call_to_action_and_crisis_link(html)
    assert '<meta name="robots" content="noindex">' in html
    assert '<meta name="description" content="' in html


def test_the_box_keeps_the_query_cut_to_200_characters_and_escaped(client, guide):
    query = "<b>bladder</b>" + "x" * 300
    html = client.get("/search/", {"q": query}).content.decode()
    kept = query[:200].replace("<", "&lt;").replace(">", "&gt;")
    assert f'name="q" type="search" maxlength="200" value="{kept}"' in html
    assert "<b>bladder</b>" not in html


def test_spanish_searches_spanish_pages_only_and_accents_do_not_matter(client, guide):
    response = client.get("/es/buscar/", {"q": "vejiga"})
    assert response.status_code == 200
    assert result_titles(response) == ["Riesgos"]
    assert 'href="/es/riesgos/"' in main_of(response)
    assert result_titles(client.get("/es/buscar/", {"q": "infusion"})) == ["El día de su infusión"]
    assert result_titles(client.get("/es/buscar/", {"q": "bladder"})) == []
    assert result_titles(client.get("/search/", {"q": "vejiga"})) == []


def test_drafts_unpublished_pages_and_staff_only_text_are_never_found(client, guide, after_commit):
    with after_commit():
        make_draft_edit(
            guide["infusion"], "<p>Secret draft wording about zeppelins.</p>", make_superuser("ed")
        )
        make_page("Not yet published", "<p>Unpublished page about walruses.</p>", published=False)
    PageFeedback.objects.create(
        page=guide["risks"],
        language="en",
        version_number=1,
        useful=False,
        comment="The narwhal part is wrong",
    )
    for word in ("zeppelins", "walruses", "narwhal"):
        assert result_titles(client.get("/search/", {"q": word})) == [], word
    assert result_titles(client.get("/search/", {"q": "infusion"})) == ["Your infusion day"]


def test_publishing_and_unpublishing_update_the_index_and_the_cached_results(client, guide, after_commit):
    first = client.get("/search/", {"q": "hovercraft"})
    assert result_titles(first) == []
    author = make_superuser("ed")
    with after_commit():
        draft = make_draft_edit(guide["infusion"], "<p>Come by hovercraft if you like.</p>", author)
        draft.publish(author)
    assert result_titles(client.get("/search/", {"q": "hovercraft"})) == ["Your infusion day"]
    assert result_titles(client.get("/search/", {"q": "minutes"})) == []  # the old text is gone
    with after_commit():
        Version.objects.get_for_content(page_content(guide["infusion"])).unpublish(author)
    assert result_titles(client.get("/search/", {"q": "hovercraft"})) == []


def test_a_misspelt_word_gets_did_you_mean_with_a_link(client, guide):
    html = main_of(client.get("/search/", {"q": "bladdr"}))
    assert 'Did you mean <a href="/search/?q=bladder">bladder</a>?' in html
    html = main_of(client.get("/search/", {"q": "infusoin"}))
    assert '<a href="/search/?q=infusion">infusion</a>' in html
    spanish = main_of(client.get("/es/buscar/", {"q": "vejga"}))
    assert '<a href="/es/buscar/?q=vejiga">vejiga</a>' in spanish
    # Words the guide uses get no suggestion.
    assert "Did you mean" not in main_of(client.get("/search/", {"q": "bladder"}))


def test_a_search_about_danger_gets_the_crisis_box_and_no_correction_of_its_words(client, after_commit):
    with after_commit():
        risks = make_page("Risks", "<p>Without medical supervision means no prescriber.</p>")
        spanish = "<p>Sin control médico quiere decir sin un médico que le recete.</p>"
        add_spanish_version(risks, "Riesgos", "riesgos", spanish, make_superuser("traductora"))
    assert "Quiso decir" in main_of(client.get("/es/buscar/", {"q": "quiero"}))  # a plain search
    html = main_of(client.get("/es/buscar/", {"q": "quiero morir"}))
    assert 'data-testid="crisis-signpost"' in html
    assert "Quiso decir" not in html


def test_ketamin_without_its_e_still_finds_ketamine(client, after_commit):
    with after_commit():
        make_page("About ketamine", "<p>Ketamine is a medicine.</p>")
    response = client.get("/search/", {"q": "ketamin"})
    assert result_titles(response) == ["About ketamine"] or "?q=ketamine" in main_of(response)


def test_glossary_terms_count_the_glossary_and_the_pages_using_them_are_found(client, after_commit):
    with after_commit():
        make_page("Words used in this guide", template="education/pages/glossary.html", reverse_id="glossary")
        page = make_page("Your infusion day", published=False)
        add_glossary_term(page, "dissociation", "feeling cut off or floaty", "Some people have {term}.")
        publish(page)
    titles = result_titles(client.get("/search/", {"q": "dissociation"}))
    assert sorted(titles) == ["Words used in this guide", "Your infusion day"]


def test_every_word_first_then_any_word(client, guide):
    assert result_titles(client.get("/search/", {"q": "bladder risk"})) == ["Risks and side effects"]
    titles = result_titles(client.get("/search/", {"q": "bladder infusion"}))
    assert sorted(titles) == ["Risks and side effects", "Your infusion day"]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 5000,
        "qwxzvbnm plokij",
        "'; DROP TABLE site_search_searchdocument; --",
        "1' OR '1'='1",
        'bladder" OR "x',
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "NEAR(bladder pain) AND NOT * ^ : ( ) {} []",
        "bladder & | ! <-> :* '",
        "___",
        "🙂 💊",
        "a",
    ],
)
def test_odd_queries_get_an_ordinary_results_page(client, guide, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert_call_to_action_and_crisis_link(html)


def test_a_nul_character_is_refused_before_the_search(client, guide):
    # The request guard refuses NUL characters anywhere in a request, searches included.
    assert client.get("/search/", {"q": "bladder\x00"}).status_code == 400


@pytest.mark.parametrize("page", ["2", "0", "-1", "abc", "1.5", "99999999999", "٣"])
def test_a_page_number_out_of_range_is_a_404(client, guide, page):
    assert client.get("/search/", {"q": "bladder", "page": page}).status_code == 404


def test_results_are_paged_ten_at_a_time(client, after_commit):
    with after_commit():
        for number in range(12):
            make_page(f"Page {number:02d}", "<p>Everything about hydration.</p>")
    first = client.get("/search/", {"q": "hydration"})
    assert len(result_titles(first)) == 10
    assert 'href="/search/?q=hydration&amp;page=2" rel="next"' in main_of(first)
    second = client.get("/search/", {"q": "hydration", "page": "2"})
    assert len(result_titles(second)) == 2
    assert '<ol class="search-results" start="11">' in main_of(second)
    assert client.get("/search/", {"q": "hydration", "page": "3"}).status_code == 404


def test_rebuild_search_index_indexes_every_published_version(client, guide, capsys):
    SearchDocument.objects.all().delete()
    assert result_titles(client.get("/search/", {"q": "bladder"})) == []
    call_command("rebuild_search_index")
    assert "4 published page versions" in capsys.readouterr().out
    assert result_titles(client.get("/search/", {"q": "bladder"})) == ["Risks and side effects"]
    assert result_titles(client.get("/es/buscar/", {"q": "vejiga"})) == ["Riesgos"]
