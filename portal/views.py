import sys

from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

# Long enough for a database restart or fail-over, short enough that a patient's retry finds it back.
DATABASE_OUTAGE_RETRY_AFTER_SECONDS = 30


def server_error(request, template_name="500.html"):
    """Render 500.html, or 503.html when the database is unavailable, without request context.

    Context processors may need the database, which may be the reason for the error; the templates
    only use tags that fall back safely, so the call to action and crisis numbers still appear.
    Django calls this while handling the exception, from a view or a middleware alike.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(DATABASE_OUTAGE_RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.get_template(template_name).render())
