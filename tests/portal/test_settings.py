"""Production mode refuses to start without its secrets; local mode needs nothing.

The settings module is run in this process under each environment (tests/support/settings_module.py);
the two tests of the WSGI entry point start a real Python process, as gunicorn does.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.support.settings_module import load_settings, production_environment

ROOT = Path(__file__).resolve().parents[2]


def refused(monkeypatch, **environment) -> str:
    with pytest.raises(ImproperlyConfigured) as refusal:
        load_settings(monkeypatch, **environment)
    return str(refusal.value)


def test_production_refuses_to_start_without_secret_key(monkeypatch):
    assert "needs SECRET_KEY set" in refused(monkeypatch, DEBUG="0", ALLOWED_HOSTS="clinic.example")


def test_production_refuses_to_start_without_allowed_hosts(monkeypatch):
    assert "needs ALLOWED_HOSTS set" in refused(monkeypatch, DEBUG="0", SECRET_KEY="x" * 50)


def test_production_refuses_a_short_secret_key(monkeypatch):
    message = refused(monkeypatch, DEBUG="0", SECRET_KEY="short", ALLOWED_HOSTS="clinic.example")
    assert "at least 32 characters" in message


def test_production_starts_with_its_secrets(monkeypatch):
    values = load_settings(monkeypatch, **production_environment())
    assert values["DEBUG"] is False
    assert values["ALLOWED_HOSTS"] == ["clinic.example"]


def test_the_wsgi_entry_point_defaults_to_production_mode():
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}}
    result = subprocess.run(
        [sys.executable, "-c", "import portal.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Production mode (DEBUG off)" in result.stderr


def test_a_misspelt_debug_value_is_refused(monkeypatch):
    assert "DEBUG must be a boolean" in refused(monkeypatch, DEBUG="maybe")


def test_log_level_is_accepted_in_any_case(monkeypatch):
    assert load_settings(monkeypatch, DEBUG="1", LOG_LEVEL="warning")["LOG_LEVEL"] == "WARNING"


def test_a_wrong_log_level_is_refused_with_a_message_naming_the_variable(monkeypatch):
    message = refused(monkeypatch, DEBUG="1", LOG_LEVEL="loud")
    assert "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR or CRITICAL" in message
    assert "'loud'" in message


def test_portal_base_url_must_be_a_scheme_and_host(monkeypatch):
    message = refused(monkeypatch, DEBUG="1", PORTAL_BASE_URL="guide.clinic.example/path")
    assert "PORTAL_BASE_URL must be a scheme and host only" in message


def test_a_production_server_without_collected_static_files_refuses_to_start(tmp_path):
    # What gunicorn does first: import portal.wsgi. Without this check every page would be a 500
    # while /healthz said ok.
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    env.update(production_environment(STATIC_ROOT=str(tmp_path)))
    result = subprocess.run(
        [sys.executable, "-c", "import portal.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Static files are not collected in STATIC_ROOT" in result.stderr
    assert "collectstatic --noinput" in result.stderr
