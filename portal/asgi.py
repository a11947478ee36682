"""ASGI entry point. Like wsgi.py, it defaults to production mode."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DEBUG", "0")

application = get_asgi_application()
