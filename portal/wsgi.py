"""WSGI entry point. A server process defaults to production mode: DEBUG must be switched on explicitly."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
# Blank counts as unset, as in an env file's `DEBUG=` line: a server never runs in debug mode by accident.
if not os.environ.get("DEBUG", "").strip():
    os.environ["DEBUG"] = "0"

application = get_wsgi_application()

# Imported after set-up, which it needs. Without collected static files every page is a 500 in
# production (the hashed names come from the manifest): refuse to start rather than serve those.
from portal.health import static_files_missing  # noqa: E402

if static_files_missing():
    from django.conf import settings

    raise ImproperlyConfigured(
        f"Static files are not collected in STATIC_ROOT ({settings.STATIC_ROOT}): run "
        "`manage.py collectstatic --noinput` with the same settings before starting the server."
    )
