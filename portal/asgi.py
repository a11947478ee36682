"""ASGI entry point. Like wsgi.py, it defaults to production mode."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
# Blank counts as unset, as in an env file's `DEBUG=` line: a server never runs in debug mode by accident.
if not os.environ.get("DEBUG", "").strip():
    os.environ["DEBUG"] = "0"

application = get_asgi_application()
