import sys

from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.templatetags.static import static as static_url
from django.views.generic import RedirectView

from clinic.details import crisis_page_url

# Long enough for a database restart or fail-over, short enough that a patient's retry finds it back.
DATABASE_OUTAGE_RETRY_AFTER_SECONDS = 30
# The notice's layout for errors: no sekizai, menu or toolbar, nothing that needs the database.
ERROR_CONTEXT = {"notice_layout": "error_base.html"}


def server_error(request, template_name="500.html"):
    """Render 500.html, or 503.html when the database is unavailable, without request context.

    Context processors may need the database, which may be the reason for the error; the templates
    only use tags that fall back safely, so the call to action and crisis numbers still appear.
    Django calls this while handling the exception, from a view or a middleware alike.
    """
    error = sys.exc_info()[1]
    database_down = isinstance(error, DatabaseError)
    # In the reader's language; not looked up while the database is down (it would wait for it again).
    context = {**ERROR_CONTEXT, "help_url": crisis_page_url(database_available=not database_down)}
    if database_down:
        response = HttpResponse(loader.get_template("503.html").render(context), status=503)
        response["Retry-After"] = str(DATABASE_OUTAGE_RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.get_template(template_name).render(context))


class FaviconRedirect(RedirectView):
    """Browsers ask for /favicon.ico on pages without an icon link (the admin): send the real one."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static_url("favicon.svg")
