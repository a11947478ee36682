"""Load portal/settings.py in this process under other environment variables, as a server would.

Much faster than starting a Python process per case; the running test's own settings are untouched
(the module is executed afresh into a dictionary, not imported).
"""

import runpy
from pathlib import Path

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "portal" / "settings.py"
# Variables a case must set itself: the developer's or CI's own values would otherwise leak in.
CLEARED = ("SECRET_KEY", "ALLOWED_HOSTS", "DEBUG")


def load_settings(monkeypatch, **environment) -> dict:
    """The settings a process would get with `environment` (ImproperlyConfigured propagates)."""
    for name in CLEARED:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


def production_environment(**overrides) -> dict:
    """The least a production server needs, plus `overrides`."""
    return {
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "clinic.example",
        "EMAIL_URL": "smtp+tls://portal:secret@smtp.clinic.example:587",
        **overrides,
    }
