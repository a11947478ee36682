"""The guide as a pathway: previous/next in page-tree order, contents lists, checklist, glossary, print."""

import re

import pytest
from djangocms_versioning.models import Version

from clinic.constants import CRISIS_PAGE_REVERSE_ID
from tests.support.factories import (
    add_block,
    add_glossary_term,
    make_page,
    make_superuser,
    page_content,
    publish,
)

pytestmark = pytest.mark.django_db


def pathway_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="pathway".*?</nav>', html, re.S)
    if not nav:
        return {}
    return dict(
        re.findall(r'rel="(prev|next)"><span class="pathway__label">\w+</span> ([^<]+)</a>', nav.group())
    )


@pytest.fixture
def guide():
    home = make_page("Welcome", template="education/pages/home.html")
    home.set_as_homepage()
    steps = [make_page(title) for title in ("About", "Assessment", "Infusion")]
    make_page("Get help now", reverse_id=CRISIS_PAGE_REVERSE_ID)
    make_page("Privacy", in_navigation=False)
    return home, steps


def test_previous_and_next_follow_the_page_tree_and_skip_home_and_crisis_pages(client, guide):
    _, (about, assessment, infusion) = guide
    assert pathway_links(client.get(about.get_absolute_url()).content.decode()) == {"next": "Assessment"}
    html = client.get(assessment.get_absolute_url()).content.decode()
    assert pathway_links(html) == {"prev": "About", "next": "Infusion"}
    assert "Page 2 of 3 in this guide" in html
    assert pathway_links(client.get(infusion.get_absolute_url()).content.decode()) == {"prev": "Assessment"}
    assert pathway_links(client.get("/get-help-now/").content.decode()) == {}


def test_moving_a_page_in_the_tree_reorders_the_guide(client, guide):
    _, (about, _assessment, infusion) = guide
    infusion.move_page(about, position="left")
    assert pathway_links(client.get(infusion.get_absolute_url()).content.decode()) == {"next": "About"}
    html = client.get("/").content.decode()
    assert re.findall(r'<li><a href="[^"]+">(\w+)</a>', html.split('class="guide-steps"')[1])[:3] == [
        "Infusion",
        "About",
        "Assessment",
    ]
    assert "Start reading: Infusion" in html


def test_each_page_lists_its_sections_with_anchors(client):
    page = make_page(
        "Infusion", body="<h2>Before you come</h2><p>Eat.</p><h2>After &amp; home</h2><p>Rest.</p>"
    )
    html = client.get(page.get_absolute_url()).content.decode()
    assert '<a href="#before-you-come">Before you come</a>' in html
    assert '<a href="#after-home">After &amp; home</a>' in html
    assert '<h2 id="before-you-come">Before you come</h2>' in html
    short = make_page("Short", body="<h2>Only one section</h2><p>Text.</p>")
    assert "On this page" not in client.get(short.get_absolute_url()).content.decode()


def test_the_checklist_page_links_every_step_of_the_guide(client, guide):
    _, steps = guide
    checklist = make_page(
        "Before your appointment", template="education/pages/checklist.html", published=False
    )
    add_block(checklist, "ChecklistPlugin", items="Eat a light meal.\nPlan a lift home.")
    publish(checklist)
    html = client.get(checklist.get_absolute_url()).content.decode()
    listed = html.split('id="read-every-step"')[1]
    for step in steps:
        assert f'<a href="{step.get_absolute_url()}">{step.get_title()}</a>' in listed
    assert f'href="{checklist.get_absolute_url()}">' not in listed


def test_the_glossary_collects_terms_from_published_pages_only(client):
    author = make_superuser("glossary-author")
    glossary = make_page(
        "Words used in this guide", template="education/pages/glossary.html", reverse_id="glossary"
    )
    infusion = make_page("Infusion", published=False, author=author)
    add_glossary_term(infusion, "cannula", "a small needle that goes into a vein.")
    add_glossary_term(infusion, "Cannula", "a small needle", sentence="Again {term}.")
    publish(infusion, author)
    unpublished = make_page("Secret", published=False)
    add_glossary_term(unpublished, "zzdraftword", "not reviewed")

    html = client.get(glossary.get_absolute_url()).content.decode()
    assert "<dt>cannula</dt>\n      <dd>A small needle that goes into a vein." in html
    assert html.count("<dt>") == 1
    assert f'Used in: <a href="{infusion.get_absolute_url()}">Infusion</a>' in html
    assert "zzdraftword" not in html
    footer_link = f'<a href="{glossary.get_absolute_url()}">Words used in this guide</a>'
    assert footer_link in client.get(infusion.get_absolute_url()).content.decode()

    # A term added in a draft of a published page appears only once the draft is published.
    draft = Version.objects.get_for_content(page_content(infusion)).copy(author)
    add_glossary_term(infusion, "dissociation", "feeling cut off")
    assert "dissociation" not in client.get(glossary.get_absolute_url()).content.decode()
    draft.publish(author)
    assert "<dt>dissociation</dt>" in client.get(glossary.get_absolute_url()).content.decode()


def test_the_print_view_opens_every_answer_and_shows_the_print_layout(client):
    page = make_page("Infusion", published=False)
    add_block(page, "QuestionAnswerPlugin", question="Can I drive?", answer="Not until the next day.")
    publish(page)
    normal = client.get(page.get_absolute_url()).content.decode()
    assert '<details class="question">' in normal
    assert 'href="/static/css/print.css" media="print"' in normal
    assert '<a class="print-link" href="?print=1" data-print-page>Print this page</a>' in normal

    printable = client.get(page.get_absolute_url() + "?print=1").content.decode()
    assert '<details open class="question">' in printable
    assert 'href="/static/css/print.css" media="all"' in printable
    assert '<body class="print-view">' in printable
    assert f"Printed from http://testserver{page.get_absolute_url()}" in printable
    assert 'data-testid="crisis-signpost-print"' in printable
    # The cached normal page is not changed by the print view.
    assert '<details class="question">' in client.get(page.get_absolute_url()).content.decode()


def test_the_menu_each_render_reads_does_not_grow_with_pages_below_the_guide_steps(rf):
    """Every render reads the cached menu: it holds the top-level pages and pages with a reverse
    id, so adding pages under the steps leaves it as it was."""
    from django.contrib.auth.models import AnonymousUser
    from menus.menu_pool import menu_pool

    from tests.support.factories import make_superuser

    def menu_nodes():
        menu_pool.clear(all=True)
        request = rf.get("/")
        request.user = AnonymousUser()
        request.session = {}
        return menu_pool.get_renderer(request).get_nodes()

    author = make_superuser("menu")
    step = make_page("Your infusion day", author=author)
    make_page("Words used", author=author, reverse_id="glossary", parent=step)
    before = menu_nodes()
    for number in range(20):
        make_page(f"Detail {number}", author=author, parent=step)
    after = menu_nodes()
    assert len(after) == len(before) == 2
    glossary = next(node for node in after if node.attr.get("reverse_id") == "glossary")
    assert not glossary.visible and glossary.parent is None
