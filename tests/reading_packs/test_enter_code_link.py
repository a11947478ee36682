"""A patient who lost the link finds /p/ from the footer of every guide page, in either language."""

import pytest

from tests.support.factories import PatientClient, make_page

pytestmark = pytest.mark.django_db


def test_the_guide_footer_links_to_typing_a_code_in_both_languages():
    page = make_page("Home")
    english = PatientClient().get(page.get_absolute_url("en")).content.decode()
    footer = english[english.index('<footer class="site-footer') :]
    assert '<a href="/p/">Have a code from your clinic?</a>' in footer
    spanish = PatientClient().get("/es/p/").content.decode()
    footer = spanish[spanish.index('<footer class="site-footer') :]
    assert '<a href="/es/p/">¿Tiene un código de su clínica?</a>' in footer
