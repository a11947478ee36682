from django.http import HttpResponseServerError
from django.template import loader


def server_error(request, template_name="500.html"):
    """Render 500.html without request context processors.

    Context processors may need the database, which may be the reason for the error; the template
    itself only uses tags that fall back safely, so the call to action still appears.
    """
    return HttpResponseServerError(loader.get_template(template_name).render())
