"""WSGI entry point. A server process defaults to production mode: DEBUG must be switched on explicitly."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DEBUG", "0")

application = get_wsgi_application()
