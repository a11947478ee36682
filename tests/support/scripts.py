"""Python run in a separate Django process (tests.support.servers.run_django), as another worker or an
editor's request would: a page to serve, then a published change of it."""

CREATE_INFUSION_PAGE = """
from tests.support.factories import make_page
body = "<p>" + "Version one of the infusion page. " * {repeat} + "</p>"
page = make_page("Your infusion day", body=body, slug="infusion-day")
print(page.get_absolute_url())
"""

PUBLISH_INFUSION_CHANGE = """
from cms.models import Page
from django.contrib.auth import get_user_model
from tests.support.factories import make_draft_edit
page = Page.objects.get(urls__slug="infusion-day")
author = get_user_model().objects.get(is_superuser=True)
make_draft_edit(page, "<p>Version two of the infusion page.</p>", author).publish(author)
"""
