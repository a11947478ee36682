"""Production mode refuses to start without its secrets; local mode needs nothing."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start_django(**env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}}
    env.update(env_overrides, DJANGO_SETTINGS_MODULE="portal.settings")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secret_key():
    result = start_django(DEBUG="0", ALLOWED_HOSTS="clinic.example")
    assert result.returncode != 0
    assert "needs SECRET_KEY set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = start_django(DEBUG="0", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "needs ALLOWED_HOSTS set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = start_django(DEBUG="0", SECRET_KEY="short", ALLOWED_HOSTS="clinic.example")
    assert result.returncode != 0
    assert "at least 32 characters" in result.stderr


def test_production_starts_with_its_secrets():
    result = start_django(DEBUG="0", SECRET_KEY="x" * 50, ALLOWED_HOSTS="clinic.example")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


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


def test_a_misspelt_debug_value_is_refused():
    result = start_django(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_log_level_is_accepted_in_any_case():
    result = start_django(DEBUG="1", LOG_LEVEL="warning")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_a_wrong_log_level_is_refused_with_a_message_naming_the_variable():
    result = start_django(DEBUG="1", LOG_LEVEL="loud")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR or CRITICAL" in result.stderr
    assert "'loud'" in result.stderr


def test_portal_base_url_must_be_a_scheme_and_host():
    result = start_django(DEBUG="1", PORTAL_BASE_URL="guide.clinic.example/path")
    assert result.returncode != 0
    assert "PORTAL_BASE_URL must be a scheme and host only" in result.stderr


def test_a_production_server_without_collected_static_files_refuses_to_start(tmp_path):
    # What gunicorn does first: import portal.wsgi. Without this check every page would be a 500
    # while /healthz said ok.
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    env.update(DEBUG="0", SECRET_KEY="x" * 50, ALLOWED_HOSTS="clinic.example", STATIC_ROOT=str(tmp_path))
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
